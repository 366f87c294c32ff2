import { z } from 'zod';
import { FACT_GROUPS, type FactDefinition } from '../domain/facts/index.ts';
import { sourceSchema } from '../domain/match-schema.ts';
import { cityOptions, countyOptions, type RegionOption } from '../domain/regions/index.ts';
import { CATEGORIES, documentSchema, ruleObjectSchema } from '../domain/rule-schema.ts';

/** Shapes of API answers that are views over the domain (the domain's own schemas are reused as they are). */

const labelSchema = z.object({ zh: z.string(), en: z.string() });

const optionSchema = z.object({
  value: z.string(),
  label: labelSchema,
  province: z.string().optional().meta({ description: 'For a city or county: the province it lies in' }),
  city: z.string().optional().meta({ description: 'For a county: the city it lies in' }),
  pinyin: z.string().optional().meta({ description: 'For a city or county: its name in pinyin, for search (baiyin)' }),
  initials: z.string().optional().meta({ description: 'For a city or county: the initials of its pinyin (by)' }),
});

export const factViewSchema = z
  .object({
    name: z.string(),
    type: z.enum(['number', 'boolean', 'string', 'enum', 'enumList']),
    group: z.enum(FACT_GROUPS),
    required: z.boolean(),
    unit: z.string().optional(),
    integer: z.boolean().optional(),
    repeatable: z.boolean().optional(),
    label: labelSchema,
    help: labelSchema.optional(),
    divisions: z.enum(['city', 'county']).optional().meta({ description: 'The value is a city or county of the profile\'s province: one of `options`' }),
    options: z.array(optionSchema).optional(),
  })
  .meta({ id: 'Fact' });
export type FactView = z.infer<typeof factViewSchema>;

const capitalised = (pinyin: string) => pinyin.charAt(0).toUpperCase() + pinyin.slice(1);

/** A city or county as a choice: stored by its short name, labelled in Chinese and in pinyin. */
function regionOption({ short, pinyin, initials, province, city }: RegionOption) {
  return { value: short, label: { zh: short, en: capitalised(pinyin) }, province, ...(city ? { city } : {}), pinyin, initials };
}

const REGION_OPTIONS = { city: cityOptions.map(regionOption), county: countyOptions.map(regionOption) };

export function factView(fact: FactDefinition): FactView {
  return {
    name: fact.name,
    type: fact.type,
    group: fact.group,
    required: fact.required ?? false,
    ...(fact.type === 'number' && fact.unit ? { unit: fact.unit } : {}),
    ...(fact.type === 'number' && fact.integer ? { integer: true } : {}),
    ...(fact.type === 'enumList' && fact.repeatable ? { repeatable: true } : {}),
    label: fact.label,
    ...(fact.help ? { help: fact.help } : {}),
    ...(fact.type === 'enum' || fact.type === 'enumList' ? { options: fact.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
    ...(fact.type === 'string' && fact.divisions ? { divisions: fact.divisions, options: REGION_OPTIONS[fact.divisions] } : {}),
  };
}

/** A published rule as the API shows it: the rule file's fields, its document and its source citation. */
export const ruleViewSchema = z
  .object({
    ...ruleObjectSchema.shape,
    conditions: z.record(z.string(), z.unknown()).meta({ description: 'json-rules-engine conditions: { all: [...] } or { any: [...] }' }),
    exclusions: z.record(z.string(), z.unknown()).optional().meta({ description: '负面清单 in the same form: known to hold excludes the rule' }),
    examples: z.array(z.record(z.string(), z.unknown())),
    documentId: z.string(),
    source: sourceSchema,
    effectiveValidFrom: z.string().nullable(),
    effectiveValidTo: z.string().nullable(),
  })
  .meta({ id: 'Rule' });

export const documentSummarySchema = z
  .object({ ...documentSchema.shape, ruleCount: z.number(), concreteRuleCount: z.number(), categories: z.array(z.enum(CATEGORIES)) })
  .meta({ id: 'DocumentSummary' });

export const documentDetailSchema = z
  .object({ ...documentSummarySchema.shape, rules: z.array(ruleViewSchema), text: z.string() })
  .meta({ id: 'DocumentDetail' });

export const ruleFilterSchema = z.object({
  province: z.string().optional(),
  city: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type RuleFilter = z.infer<typeof ruleFilterSchema>;

/** A page of `GET /api/rules`: the whole list is over a megabyte, so it comes 50 (at most 500) at a time. */
export const RULE_PAGE = { defaultLimit: 50, maxLimit: 500 } as const;

export const rulePageQuerySchema = ruleFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(RULE_PAGE.maxLimit).default(RULE_PAGE.defaultLimit)
    .meta({ description: `Rules per page (default ${RULE_PAGE.defaultLimit}, at most ${RULE_PAGE.maxLimit})` }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: 'How many matching rules to skip' }),
});

export const totalCountHeaderSchema = z.object({
  'X-Total-Count': z.string().meta({ description: 'How many published rules match the filter, over all pages' }),
});

export const idParamSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: 'A rule id holds a slash: send it URL-encoded (doc-id%2Fart-03)' }),
});
