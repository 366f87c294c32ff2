import { z } from 'zod';
import { isoDate } from './dates.ts';
import { PLAUSIBLE_MAX } from './facts/definition.ts';
import { locationFacts } from './facts/location.ts';
import { roleFacts } from './facts/roles.ts';
import { situationFacts } from './facts/situations.ts';
import { profileSchema } from './profile.ts';

export const OPERATORS = [
  'equal', 'notEqual',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
  'in', 'notIn', 'contains', 'doesNotContain',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const CATEGORIES = [
  'cash_award', 'subsidy', 'tax_relief', 'fee_relief', 'finance', 'land_utilities',
  'talent', 'procurement', 'facilitation', 'leniency', 'service',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What a rule gives, and when: `benefit` — money, tax or fee relief, in-kind support the business claims or receives;
 * `right` — what it is entitled to when it goes through a situation (a time limit, waived materials, leniency, a green
 * channel); `commitment` — a service or undertaking open to every business (hotlines, windows, campaigns against
 * illegal fees); `internal` — a work task of government with nothing a business can invoke (never matched).
 */
export const RULE_KINDS = ['benefit', 'right', 'commitment', 'internal'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const ROLE_VALUES = roleFacts[0].options.map((o) => o.value) as [string, ...string[]];
const SITUATION_VALUES = situationFacts[0].options.map((o) => o.value) as [string, ...string[]];

/**
 * Bounds on a rule's texts, far above what the shipped corpus needs (its longest: quote 287 characters, notes 550,
 * summary 89, title 31, other labels 100, a condition value 34) and low enough that every answer stays small.
 */
export const TEXT_LIMITS = { title: 200, summary: 1_000, quote: 5_000, notes: 5_000, label: 500, value: 500, values: 200 } as const;
const label = z.string().min(1).max(TEXT_LIMITS.label);

const conditionText = z.string().max(TEXT_LIMITS.value);
const scalar = z.union([conditionText, z.number(), z.boolean()]);

/** One json-rules-engine condition: a fact compared with a literal value. */
export const leafConditionSchema = z.strictObject({
  fact: z.string().min(1).max(100),
  operator: z.enum(OPERATORS),
  value: z.union([scalar, z.array(z.union([conditionText, z.number()])).min(1).max(TEXT_LIMITS.values)]),
});
export type LeafCondition = z.infer<typeof leafConditionSchema>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** The top of a rule's conditions, as json-rules-engine requires: an `all` or `any` group. */
export const topLevelConditionsSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema).min(1) }),
  z.strictObject({ any: z.array(conditionSchema).min(1) }),
]);
export type TopLevelConditions = z.infer<typeof topLevelConditionsSchema>;

/** At most 1万亿元, as a profile's money: every amount and total stays a finite number. */
const yuan = z.number().finite().nonnegative().max(PLAUSIBLE_MAX.yuan, { error: `金额最多 1万亿元 (at most ${PLAUSIBLE_MAX.yuan} yuan)` });
const factName = z.string().min(1).max(100);
/** Optional wording of the amount for people, e.g. "按实际完成投资额1%，最高1000万元". */
const amountWording = label.optional();

export const tierSchema = z
  .strictObject({ min: yuan, max: yuan.optional(), rate: z.number().positive().max(1).optional(), yuan: yuan.optional() })
  .refine((tier) => (tier.rate === undefined) !== (tier.yuan === undefined), { error: 'a tier has either rate or yuan' })
  .refine((tier) => tier.max === undefined || tier.max > tier.min, { error: 'max must be greater than min' });

const yearSchema = z
  .strictObject({ rate: z.number().positive().max(1).optional(), yuan: yuan.optional() })
  .refine((year) => (year.rate === undefined) !== (year.yuan === undefined), { error: 'a year has either rate or yuan' });

export const amountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), yuan, text: amountWording }),
  z.strictObject({
    kind: z.literal('rate'), rate: z.number().positive().max(1), of: factName,
    capYuan: yuan.optional(), minYuan: yuan.optional(), text: amountWording,
  }),
  z.strictObject({
    kind: z.literal('tiered'), of: factName, tiers: z.array(tierSchema).min(1).max(50),
    capYuan: yuan.optional(), text: amountWording,
  }),
  /** `yuan` per unit of a count fact, or per entry equal to `item` of a repeatable list fact (one entry per standard led). */
  z.strictObject({
    kind: z.literal('perItem'), yuan, of: factName, item: label.optional(),
    capYuan: yuan.optional(), text: amountWording,
  }),
  /**
   * A benefit paid over several years: each year's rate of `of` (the same yearly base, e.g. the contribution of the
   * year the project started) or its sum; `capYuan` caps each year. The amount is the total over the stated years.
   */
  z.strictObject({
    kind: z.literal('multiYear'), of: factName.optional(), years: z.array(yearSchema).min(2).max(20),
    capYuan: yuan.optional(), text: amountWording,
  }).refine((amount) => amount.of !== undefined || amount.years.every((y) => y.yuan !== undefined), {
    error: 'a year paid as a rate needs `of`', path: ['of'],
  }),
  /** Not money, or not computable from the text: `text` says what it is; `upToYuan` is a stated ceiling. */
  z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(TEXT_LIMITS.summary), upToYuan: yuan.optional() }),
]);
export type Amount = z.infer<typeof amountSchema>;

/** `situational`: a right whose situation the profile does not name; `commitment`: a commitment that applies to it. */
export const EXPECTED_STATUSES = ['eligible', 'ineligible', 'possible', 'nearMiss', 'expired', 'notYetValid', 'excluded', 'situational', 'commitment'] as const;

export const exampleSchema = z.strictObject({
  name: label,
  profile: profileSchema,
  asOf: isoDate.optional(),
  expect: z.strictObject({
    /** `ineligible`: the conditions do not hold (the rule is a near miss or left out). */
    status: z.enum(EXPECTED_STATUSES),
    amountYuan: yuan.nullable().optional(),
  }),
});
export type RuleExample = z.infer<typeof exampleSchema>;

const nullableText = label.nullable();
const notes = z.string().min(1).max(TEXT_LIMITS.notes).nullable();

export const ruleObjectSchema = z.strictObject({
  id: z.string().max(200).regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'rule id is "<document-id>/<kebab-case>"' }),
  title: z.string().min(1).max(TEXT_LIMITS.title),
  summary: z.string().min(1).max(TEXT_LIMITS.summary),
  category: z.enum(CATEGORIES),
  /** false for a vague clause: business-facing, but without a checkable condition or a definite benefit. */
  concrete: z.boolean(),
  clause: label.refine((printed) => !/[、，。．.:：]$/.test(printed), { error: 'clause label without trailing punctuation' }),
  page: z.number().int().positive(),
  quote: z.string().min(4).max(TEXT_LIMITS.quote).refine((quote) => !quote.includes('\n'), { error: 'quote has line breaks removed' }),
  conditions: topLevelConditionsSchema,
  /** 负面清单: known to hold → the rule is excluded; unanswered → a caveat on the item. Never repeated in conditions. */
  exclusions: topLevelConditionsSchema.optional(),
  amount: amountSchema,
  kind: z.enum(RULE_KINDS),
  /** null: the business itself; else the kinds of organisation (organisationRoles) the clause is for. */
  beneficiary: z.array(z.enum(ROLE_VALUES)).min(1).nullable(),
  /** The life events a right, or a situation-bound benefit, applies in. */
  situations: z.array(z.enum(SITUATION_VALUES)),
  exclusiveGroup: nullableText,
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  department: nullableText,
  notes,
  /**
   * Why a concrete rule may decide on region and entity type alone (the text names no other condition, e.g. 全市企业);
   * a concrete rule without it must check a condition beyond scope facts.
   */
  scopeOnlyReason: label.optional(),
  examples: z.array(exampleSchema).min(2).max(100),
});

/** The example status that says a rule applies to a profile. */
export const appliesStatus = (rule: { kind: RuleKind }) => (rule.kind === 'commitment' ? 'commitment' : 'eligible');

export const ruleSchema = ruleObjectSchema
  .refine((rule) => rule.examples.some((e) => e.expect.status === appliesStatus(rule)), { error: 'needs an eligible example (for a commitment: one where it applies)', path: ['examples'] })
  .refine((rule) => rule.examples.some((e) => e.expect.status !== appliesStatus(rule)), { error: 'needs an example that is not eligible', path: ['examples'] })
  .refine((rule) => !rule.exclusions || rule.examples.some((e) => e.expect.status === 'excluded'), {
    error: 'a rule with exclusions needs an excluded example', path: ['examples'],
  })
  .refine((rule) => rule.kind !== 'right' || rule.situations.length > 0, {
    error: 'a right names the situations it applies in', path: ['situations'],
  });
export type Rule = z.infer<typeof ruleSchema>;

const provinceValues = locationFacts[0].options.map((o) => o.value) as [string, ...string[]];

export const documentSchema = z.strictObject({
  id: z.string().max(150).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'document id is kebab-case' }),
  title: z.string().min(1).max(TEXT_LIMITS.title),
  notice: label,
  number: nullableText,
  issuer: label,
  date: isoDate,
  province: z.enum(provinceValues),
  city: nullableText,
  pages: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  text: z.string().max(200).regex(/^[a-z0-9-]+\.txt$/),
  notes,
});
export type SourceDocument = z.infer<typeof documentSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  document: documentSchema,
  rules: z.array(ruleSchema),
});
export type RuleFile = z.infer<typeof ruleFileSchema>;

/** Limits on a condition tree, checked before the recursive schema so that no input can exhaust the call stack. */
export const CONDITION_LIMITS = { depth: 12, nodes: 400 } as const;

/**
 * The depth and size of one condition tree (as given, not yet parsed), walked without recursion: the recursive schema
 * would otherwise overflow the call stack on a tree thousands of levels deep.
 */
export function conditionLimitIssues(tree: unknown, path: string): { path: string; message: string }[] {
  const stack: { node: unknown; depth: number }[] = [{ node: tree, depth: 1 }];
  let nodes = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > CONDITION_LIMITS.depth) {
      return [{ path, message: `条件嵌套过深，最多 ${CONDITION_LIMITS.depth} 层 (conditions nested deeper than ${CONDITION_LIMITS.depth} levels)` }];
    }
    if (++nodes > CONDITION_LIMITS.nodes) {
      return [{ path, message: `条件过多，最多 ${CONDITION_LIMITS.nodes} 个 (more than ${CONDITION_LIMITS.nodes} conditions)` }];
    }
    const { all, any, not } = node as { all?: unknown; any?: unknown; not?: unknown };
    for (const children of [all, any]) if (Array.isArray(children)) for (const child of children) stack.push({ node: child, depth: depth + 1 });
    if (not !== undefined) stack.push({ node: not, depth: depth + 1 });
  }
  return [];
}

/** The condition limits of every rule of a rule file as given. */
export function ruleFileLimitIssues(data: unknown): { path: string; message: string }[] {
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, i) => {
    const { conditions, exclusions } = (rule ?? {}) as { conditions?: unknown; exclusions?: unknown };
    return [...conditionLimitIssues(conditions, `rules[${i}].conditions`), ...conditionLimitIssues(exclusions, `rules[${i}].exclusions`)];
  });
}
