import { z } from 'zod';
import { factCatalogue, type FactDefinition } from './facts/index.ts';

type Catalogue = typeof factCatalogue;
type Fact = Catalogue[number];
type OptionValue<F> = F extends { readonly options: readonly { readonly value: infer V }[] } ? V : never;

type ValueOf<F extends FactDefinition> = F['type'] extends 'number'
  ? number
  : F['type'] extends 'boolean'
    ? boolean
    : F['type'] extends 'string'
      ? string
      : F['type'] extends 'enum'
        ? OptionValue<F>
        : OptionValue<F>[];

type RequiredFact = Extract<Fact, { readonly required: true }>;
type OptionalFact = Exclude<Fact, RequiredFact>;

/** A company profile: the facts a person gave. Unanswered facts are absent. */
export type Profile = { [F in RequiredFact as F['name']]: ValueOf<F> } & {
  [F in OptionalFact as F['name']]?: ValueOf<F>;
};
export type FactValue = number | boolean | string | readonly string[];

const enumOf = (fact: { readonly options: readonly { value: string }[] }) =>
  z.enum(fact.options.map((o) => o.value) as [string, ...string[]]);

export function valueSchemaFor(fact: FactDefinition): z.ZodType {
  switch (fact.type) {
    case 'number': {
      const base = z.number({ error: '应为数字 (must be a number)' }).finite().nonnegative({ error: '不能为负数 (must not be negative)' });
      return fact.integer ? base.int({ error: '应为整数 (must be a whole number)' }) : base;
    }
    case 'boolean':
      return z.boolean({ error: '应为 true 或 false (must be true or false)' });
    case 'string':
      return z.string().trim().min(1, { error: '不能为空 (must not be empty)' }).max(60);
    case 'enum':
      return enumOf(fact);
    case 'enumList': {
      const list = z.array(enumOf(fact)).max(50);
      return fact.repeatable
        ? list
        : list.refine((values) => new Set(values).size === values.length, { error: '有重复项 (contains duplicates)' });
    }
  }
}

const shape = Object.fromEntries(
  factCatalogue.map((fact: FactDefinition) => {
    const schema = valueSchemaFor(fact).meta({ description: `${fact.label.zh} — ${fact.label.en}` });
    return [fact.name, fact.required ? schema : schema.optional()];
  }),
);

/** The profile schema, derived from the fact catalogue. Unknown fields are rejected so that typos surface. */
export const profileSchema = z.strictObject(shape).meta({ id: 'Profile' }) as unknown as z.ZodType<Profile>;
