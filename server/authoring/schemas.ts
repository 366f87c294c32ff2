import { z } from 'zod';
import { isoDate } from '../domain/dates.ts';
import { jsonLimitIssues, RULE_JSON_LIMITS } from '../domain/json-limits.ts';
import { matchItemSchema } from '../domain/match-schema.ts';
import { profileSchema } from '../domain/profile.ts';
import { EXPECTED_STATUSES, documentSchema } from '../domain/rule-schema.ts';
import { ERROR_CODES, WARNING_CODES } from '../domain/rule-lint.ts';

/** Request and answer shapes of the authoring routes (contract section 4). */

/**
 * A rule as an author sends it: any object within RULE_JSON_LIMITS (it is stored as given); its shape is one of the
 * checks, so a draft may be unfinished.
 */
export const draftRuleSchema = z
  .record(z.string(), z.unknown())
  .superRefine((rule, ctx) => {
    for (const { path, message } of jsonLimitIssues(rule, RULE_JSON_LIMITS)) ctx.addIssue({ code: 'custom', path, message });
  })
  .meta({ id: 'DraftRule', description: 'A rule in the rule-file format (rules/schema.json); a draft may be incomplete' });

const message = z.string().trim().max(500).optional().meta({ description: 'What changed and why, for the history' });

const checkIssueSchema = z.object({ path: z.string(), code: z.enum([...ERROR_CODES, ...WARNING_CODES]), message: z.string() }).meta({ id: 'CheckIssue' });
export const checkReportSchema = z
  .object({ errors: z.array(checkIssueSchema), warnings: z.array(checkIssueSchema) })
  .meta({ id: 'CheckReport', description: 'errors block publishing; warnings do not' });

export const validateRequestSchema = z.strictObject({ documentId: z.string().min(1).max(200), rule: draftRuleSchema }).meta({ id: 'ValidateRule' });

export const createRuleSchema = z
  .strictObject({ documentId: z.string().min(1).max(200), rule: draftRuleSchema, message })
  .meta({ id: 'NewRule' });

export const updateRuleSchema = z
  .strictObject({ rule: draftRuleSchema, baseVersion: z.number().int().positive(), message })
  .meta({ id: 'RuleEdit', description: 'baseVersion: the version the edit started from; 409 when another version was saved since' });

export const publishSchema = z.strictObject({ version: z.number().int().positive(), message }).meta({ id: 'Publish' });
export const withdrawSchema = z.strictObject({ message }).meta({ id: 'Withdraw' });

export const savedRuleSchema = z
  .object({ id: z.string(), version: z.number().int(), status: z.literal('draft'), unchanged: z.boolean().optional(), checks: checkReportSchema })
  .meta({ id: 'SavedRule' });

export const publishedSchema = z
  .object({ id: z.string(), version: z.number().int(), status: z.literal('published'), previousVersion: z.number().int().nullable(), rulesetVersion: z.string() })
  .meta({ id: 'Published' });

export const withdrawnSchema = z
  .object({ id: z.string(), version: z.number().int(), status: z.literal('withdrawn'), rulesetVersion: z.string() })
  .meta({ id: 'Withdrawn' });

export const historyItemSchema = z
  .object({
    version: z.number().int(),
    status: z.enum(['draft', 'published', 'withdrawn']).meta({ description: 'draft: never published; published: published at some time; withdrawn' }),
    author: z.string(),
    at: z.string(),
    message: z.string(),
    origin: z.enum(['shipped', 'author']),
    current: z.boolean().meta({ description: 'the version /api/match uses now' }),
  })
  .meta({ id: 'RuleHistoryItem' });

export const ruleVersionSchema = historyItemSchema
  .extend({ id: z.string(), documentId: z.string(), rule: draftRuleSchema, checks: checkReportSchema, publishedVersion: z.number().int().nullable(), latestVersion: z.number().int() })
  .meta({ id: 'RuleVersion' });

const diffLineSchema = z.object({ op: z.enum([' ', '+', '-']), text: z.string() });
export const ruleDiffSchema = z
  .object({ id: z.string(), from: z.number().int(), to: z.number().int(), fields: z.array(z.string()), lines: z.array(diffLineSchema) })
  .meta({ id: 'RuleDiff', description: 'fields: top-level fields that differ; lines: canonical JSON lines (+ added, - removed), with context' });

export const conflictSchema = z
  .object({
    error: z.object({ code: z.literal('version_conflict'), message: z.string() }),
    conflict: z.object({
      baseVersion: z.number().int(),
      latestVersion: z.number().int(),
      author: z.string(),
      at: z.string(),
      message: z.string(),
      fields: z.array(z.string()),
      lines: z.array(diffLineSchema),
      rule: draftRuleSchema,
    }),
  })
  .meta({ id: 'VersionConflict', description: 'What was saved since baseVersion: its author, time, message and the difference' });

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const versionParamSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: 'A rule id holds a slash: send it URL-encoded (doc-id%2Fart-03)' }),
  version: z.coerce.number().int().positive(),
});

const exampleResultSchema = z.object({ name: z.string(), ok: z.boolean(), expected: z.string(), actual: z.string() });

export const testRequestSchema = z
  .strictObject({
    rule: draftRuleSchema.optional().meta({ description: 'the rule as edited (default: its latest version)' }),
    profile: profileSchema.optional().meta({ description: 'a profile to try the rule on' }),
    asOf: isoDate.optional(),
  })
  .meta({ id: 'RuleTest' });

export const testResultSchema = z
  .object({
    examples: z.array(exampleResultSchema),
    profile: z.object({ status: z.enum(EXPECTED_STATUSES), item: matchItemSchema.nullable() }).nullable(),
  })
  .meta({ id: 'RuleTestResult' });

export const impactRequestSchema = z
  .strictObject({
    rule: draftRuleSchema.optional().meta({ description: 'the rule as it would be published (default: its latest version)' }),
    asOf: isoDate.optional(),
  })
  .meta({ id: 'ImpactRequest' });

const outcomeSchema = z.object({ status: z.enum(EXPECTED_STATUSES), amountYuan: z.number().nullable() });
const changeSchema = z.object({ screeningId: z.string(), applicantId: z.string(), name: z.string(), before: outcomeSchema, after: outcomeSchema }).meta({ id: 'OutcomeChange' });
const tallySchema = z.object({
  count: z.number().int(),
  amountYuan: z.number().meta({ description: 'the sum of what the rule pays them (newly eligible: after; no longer: before)' }),
});
const totalsShape = { changed: z.number().int(), newlyEligible: tallySchema, noLongerEligible: tallySchema };
const totalsFields = {
  byBenefit: z.array(z.object({ ruleId: z.string(), title: z.string(), ...totalsShape })).meta({ description: 'counts and sums for the rule, naming no applicant' }),
  byCity: z.array(z.object({ city: z.string().nullable(), ...totalsShape })).meta({ description: 'counts and sums by the applicants’ city (null: not given)' }),
};
/** Present only for users who may read screenings (officers: of their unit; admins); authors get the totals alone. */
const named = <T extends z.ZodType>(schema: T) => schema.optional().meta({ description: 'only for users who may read screenings (officers of the screenings’ unit, admins)' });

export const impactSchema = z
  .object({
    applicants: z.number().int(),
    changed: z.number().int(),
    ...totalsFields,
    newlyEligible: named(z.array(changeSchema)),
    noLongerEligible: named(z.array(changeSchema)),
    changes: named(z.array(changeSchema)),
    changesTruncated: named(z.boolean()),
    asOf: z.string(),
    comparedWith: z.number().int().nullable().meta({ description: 'the published version compared against (null: none)' }),
  })
  .meta({ id: 'Impact' });

export const newDocumentSchema = z.strictObject({ document: documentSchema, text: z.string().min(1).max(2_000_000) }).meta({ id: 'NewDocument' });

export const ruleStateSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    publishedVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    latestStatus: z.enum(['draft', 'published', 'withdrawn']),
    latestAuthor: z.string(),
    latestAt: z.string(),
    readable: z.boolean().meta({ description: 'false: the latest version as stored cannot be read (a new version replaces it)' }),
  })
  .meta({ id: 'RuleState' });

export const authoringDocumentSchema = z
  .object({ document: documentSchema, rules: z.array(ruleStateSchema) })
  .meta({ id: 'AuthoringDocument' });

export const authoringDocumentDetailSchema = authoringDocumentSchema.extend({ text: z.string() }).meta({ id: 'AuthoringDocumentDetail' });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(['create', 'edit', 'publish', 'withdraw', 'import', 'add_document', 'update_document']),
    ruleId: z.string().nullable(),
    documentId: z.string().nullable(),
    version: z.number().int().nullable(),
    previousVersion: z.number().int().nullable(),
    message: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuerySchema = z.object({
  ruleId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional().meta({ description: 'entries older than this id (the next page)' }),
});

export const publicationSchema = auditEntrySchema.extend({ title: z.string().nullable() }).meta({ id: 'Publication' });

export const publicationImpactSchema = z
  .object({
    publication: publicationSchema,
    applicants: z.number().int(),
    asOf: z.string(),
    ...totalsFields,
    newlyEligible: named(z.array(changeSchema)),
    noLongerEligible: named(z.array(changeSchema)),
  })
  .meta({ id: 'PublicationImpact' });

export const publicationParamSchema = z.object({ id: z.coerce.number().int().positive() });
export const publicationQuerySchema = z.object({ asOf: isoDate.optional() });
export const exportQuerySchema = z.object({ asOf: isoDate.optional(), format: z.enum(['csv']).default('csv') });

