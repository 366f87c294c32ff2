import { z } from 'zod';
import { isoDate } from './dates.ts';
import { profileSchema } from './profile.ts';
import { CATEGORIES, RULE_KINDS } from './rule-schema.ts';

/** The shapes of a match: request and answer. The evaluation's types are inferred from these. */

export const MATCH_VIEWS = ['full', 'summary'] as const;
export type MatchView = (typeof MATCH_VIEWS)[number];

export const matchRequestSchema = z
  .strictObject({
    profile: profileSchema,
    asOf: isoDate.optional().meta({ description: 'Judge validity on this date (default: today in China).' }),
    view: z.enum(MATCH_VIEWS).optional().meta({
      description: '"summary": items keep ruleId, title, category, status, amounts, stacking, missingFacts, caveats and a short source — a fraction of the bytes',
    }),
  })
  .meta({ id: 'MatchRequest' });

const factValue = z.union([z.number(), z.boolean(), z.string(), z.array(z.union([z.string(), z.number()]))]);

export const reasonSchema = z
  .object({
    fact: z.string(),
    operator: z.string(),
    required: factValue,
    actual: factValue.nullable(),
    /** null when the profile does not give the fact. */
    passed: z.boolean().nullable(),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof reasonSchema>;

export const caveatSchema = z
  .object({ fact: z.string(), operator: z.string(), required: factValue, text: z.string() })
  .meta({ id: 'Caveat', description: 'An exclusion the profile does not answer: the item stands unless it holds' });
export type Caveat = z.infer<typeof caveatSchema>;

/** The condition tree with each node's truth: `all` / `any` / `not` nodes, leaves as reasons. */
export type WhyTree = { all: WhyTree[]; passed: boolean | null } | { any: WhyTree[]; passed: boolean | null } | { not: WhyTree; passed: boolean | null } | Reason;
export const whySchema: z.ZodType<WhyTree> = z
  .lazy(() =>
    z.union([
      reasonSchema,
      z.object({ all: z.array(whySchema), passed: z.boolean().nullable() }),
      z.object({ any: z.array(whySchema), passed: z.boolean().nullable() }),
      z.object({ not: whySchema, passed: z.boolean().nullable() }),
    ]),
  )
  .meta({ id: 'Why' });

export const shortfallSchema = reasonSchema
  .extend({ gap: z.number().nullable().meta({ description: 'How far a number is from its threshold (required − actual); null for a status' }) })
  .meta({ id: 'Shortfall' });

export const sourceSchema = z
  .object({
    documentId: z.string(),
    documentTitle: z.string(),
    documentNumber: z.string().nullable(),
    issuer: z.string(),
    date: z.string(),
    clause: z.string(),
    page: z.number(),
    quote: z.string(),
  })
  .meta({ id: 'Source' });
export type RuleSource = z.infer<typeof sourceSchema>;

export const MATCH_STATUSES = ['eligible', 'possible', 'nearMiss', 'expired', 'notYetValid', 'excluded', 'situational', 'commitment'] as const;

export const matchItemSchema = z
  .object({
    ruleId: z.string(),
    title: z.string(),
    summary: z.string(),
    category: z.enum(CATEGORIES),
    concrete: z.boolean(),
    kind: z.enum(RULE_KINDS),
    beneficiary: z.array(z.string()).nullable().meta({ description: 'null: the business itself; else the kinds of organisation the clause is for' }),
    situations: z.array(z.string()).meta({ description: 'The life events a right applies in' }),
    status: z.enum(MATCH_STATUSES),
    amountYuan: z.number().nullable().meta({
      description: 'Yuan computed from the profile: what an eligible rule pays; for the other lists, what it would pay once met. Null when not money or a fact it needs is missing',
    }),
    amountByYear: z.array(z.number()).nullable().meta({ description: 'A benefit paid over several years: each year (their total is amountYuan)' }),
    amountNeeds: z.string().nullable().meta({ description: 'The fact the amount is computed from, when the profile does not give it' }),
    amountText: z.string(),
    upToYuan: z.number().nullable().meta({ description: 'A ceiling the text states for a benefit whose amount cannot be computed' }),
    exclusiveGroup: z.string().nullable(),
    stacks: z.boolean().meta({ description: 'false: a better benefit of the same exclusive group counts instead' }),
    reasons: z.array(reasonSchema).meta({ description: 'What decided: the conditions on the path that holds (for an any, the alternative that held)' }),
    missingFacts: z.array(z.string()).meta({ description: 'Unanswered facts that could still change the outcome (empty when eligible)' }),
    caveats: z.array(caveatSchema),
    excludedBy: z.array(reasonSchema).meta({ description: 'For an excluded item: the exclusions that hold' }),
    why: whySchema,
    shortfall: shortfallSchema.nullable().meta({ description: 'For a near miss: the one condition that fails' }),
    source: sourceSchema,
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    department: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'MatchItem' });
export type MatchItem = z.infer<typeof matchItemSchema>;

export const matchResultSchema = z
  .object({
    rulesetVersion: z.string(),
    asOf: z.string(),
    eligible: z.array(matchItemSchema),
    possible: z.array(matchItemSchema),
    nearMisses: z.array(matchItemSchema),
    expired: z.array(matchItemSchema),
    notYetValid: z.array(matchItemSchema),
    excluded: z.array(matchItemSchema),
    situational: z.array(matchItemSchema).meta({ description: 'Rights of situations the profile did not name: 办理以下事项时可享受; not counted' }),
    commitments: z.array(matchItemSchema).meta({ description: 'Services and undertakings open to every business of the region; not counted' }),
    totals: z.object({
      estimatedYuan: z.number(),
      possibleYuan: z.number().meta({ description: 'What the possible items would add if answered favourably (non-stacking respected)' }),
      eligibleCount: z.number(),
      possibleCount: z.number(),
      nearMissCount: z.number(),
      excludedCount: z.number(),
      situationalCount: z.number(),
      commitmentCount: z.number(),
    }),
    questions: z
      .array(z.object({ fact: z.string(), rules: z.number(), yuan: z.number() }))
      .meta({ description: 'Unanswered facts, most money at stake first (yuan), then how many benefits each would decide' }),
    coverage: z
      .array(z.object({ fact: z.string(), value: z.string(), region: z.string(), text: z.string(), textEn: z.string() }))
      .meta({ description: 'Founder groups, industries, roles and situations the profile gives that no clause of its region addresses' }),
  })
  .meta({ id: 'MatchResult' });
export type MatchResult = z.infer<typeof matchResultSchema>;

/** A match item in the summary view: for integrators and screening. */
export const summaryItemSchema = matchItemSchema
  .pick({ ruleId: true, title: true, category: true, kind: true, status: true, amountYuan: true, amountText: true, exclusiveGroup: true, stacks: true, missingFacts: true, caveats: true })
  .extend({ source: sourceSchema.pick({ documentId: true, clause: true, page: true }) })
  .meta({ id: 'MatchSummaryItem' });
export type SummaryItem = z.infer<typeof summaryItemSchema>;

export const matchSummarySchema = matchResultSchema
  .extend({
    eligible: z.array(summaryItemSchema),
    possible: z.array(summaryItemSchema),
    nearMisses: z.array(summaryItemSchema),
    expired: z.array(summaryItemSchema),
    notYetValid: z.array(summaryItemSchema),
    excluded: z.array(summaryItemSchema),
    situational: z.array(summaryItemSchema),
    commitments: z.array(summaryItemSchema),
  })
  .meta({ id: 'MatchSummary' });
export type MatchSummary = z.infer<typeof matchSummarySchema>;

export const MATCH_LISTS = ['eligible', 'possible', 'nearMisses', 'expired', 'notYetValid', 'excluded', 'situational', 'commitments'] as const;
