import { z } from 'zod';
import { factCatalogue, PLAUSIBLE_MAX, type FactDefinition } from './facts/index.ts';
import { formatYuan } from './money.ts';
import { lookUpCity, lookUpCounty, type RegionLookup } from './regions/index.ts';

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
      const max = fact.max ?? (fact.unit ? PLAUSIBLE_MAX[fact.unit] : 1e12);
      const shown = fact.unit === 'yuan' ? formatYuan(max) : String(max);
      const base = z
        .number({ error: '应为数字 (must be a number)' })
        .finite({ error: '应为有限数字 (must be a finite number)' })
        .nonnegative({ error: '不能为负数 (must not be negative)' })
        .max(max, { error: `超出合理范围，最大 ${shown} (more than the plausible maximum ${max})` });
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

function regionMessage(kind: '市（州）' | '县（区）', input: string, where: string, found: Extract<RegionLookup, { ok: false }>): string {
  if (found.elsewhere) return `“${input}”属于${found.elsewhere}，不在${where} (${input} is in ${found.elsewhere}, not ${where})`;
  const near = found.nearest.length ? `；最接近的是：${found.nearest.join('、')} (nearest: ${found.nearest.join(', ')})` : '';
  return `${where}没有名为“${input}”的${kind}${near} (no such ${kind === '市（州）' ? 'city' : 'county'} in ${where})`;
}

type Located = { province: string; city?: string; county?: string };

/** City and county must lie in the province; official names (白银市) are stored as short names (白银). */
function normaliseRegions(profile: Located, ctx: z.RefinementCtx): Located {
  let { city, county } = profile;
  if (city !== undefined) {
    const found = lookUpCity(profile.province, city);
    if (found.ok) city = found.value;
    else ctx.addIssue({ code: 'custom', path: ['city'], message: regionMessage('市（州）', city, profile.province, found) });
  }
  if (county !== undefined) {
    const found = lookUpCounty(profile.province, city, county);
    if (found.ok) county = found.value;
    else ctx.addIssue({ code: 'custom', path: ['county'], message: regionMessage('县（区）', county, city ?? profile.province, found) });
  }
  return city === profile.city && county === profile.county ? profile : { ...profile, city, county };
}

/**
 * The profile schema, derived from the fact catalogue. Unknown fields are rejected so that typos surface; regions are
 * checked against the province's divisions and normalised to short names.
 */
export const profileSchema = z
  .strictObject(shape)
  .meta({ id: 'Profile' })
  .transform((profile, ctx) => normaliseRegions(profile as Located, ctx)) as unknown as z.ZodType<Profile>;
