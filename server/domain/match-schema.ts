import { z } from 'zod';
import { isoDate } from './dates.ts';
import { profileSchema } from './profile.ts';
import { CATEGORIES } from './rule-schema.ts';

/** The shapes of a match: request and answer. The evaluation's types are inferred from these. */

export const matchRequestSchema = z
  .strictObject({
    profile: profileSchema,
    asOf: isoDate.optional().meta({ description: 'Judge validity on this date (default: today in China).' }),
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

export const MATCH_STATUSES = ['eligible', 'possible', 'nearMiss', 'expired', 'notYetValid'] as const;

export const matchItemSchema = z
  .object({
    ruleId: z.string(),
    title: z.string(),
    summary: z.string(),
    category: z.enum(CATEGORIES),
    concrete: z.boolean(),
    status: z.enum(MATCH_STATUSES),
    amountYuan: z.number().nullable().meta({
      description: 'Yuan computed from the profile: what an eligible rule pays; for the other lists, what it would pay once met. Null when not money or a fact it needs is missing',
    }),
    amountText: z.string(),
    upToYuan: z.number().nullable().meta({ description: 'A ceiling the text states for a benefit whose amount cannot be computed' }),
    exclusiveGroup: z.string().nullable(),
    stacks: z.boolean().meta({ description: 'false: a better benefit of the same exclusive group counts instead' }),
    reasons: z.array(reasonSchema),
    missingFacts: z.array(z.string()),
    shortfall: reasonSchema.nullable().meta({ description: 'For a near miss: the one condition that fails' }),
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
    totals: z.object({
      estimatedYuan: z.number(),
      eligibleCount: z.number(),
      possibleCount: z.number(),
      nearMissCount: z.number(),
    }),
    questions: z
      .array(z.object({ fact: z.string(), rules: z.number() }))
      .meta({ description: 'Unanswered facts, most decisive first: how many possibly-eligible rules each would decide' }),
  })
  .meta({ id: 'MatchResult' });
export type MatchResult = z.infer<typeof matchResultSchema>;
