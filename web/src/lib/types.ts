/** The API's shapes, taken from the server's zod schemas (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type { documentDetailSchema, documentSummarySchema, FactView, RuleFilter, ruleViewSchema } from '../../../server/api/schemas.ts';
import type { ErrorBody } from '../../../server/api/errors.ts';
import type { Category } from '../../../server/domain/rule-schema.ts';
import type { newUserSchema, signedInUserSchema, userChangeSchema, userSchema } from '../../../server/accounts/schemas.ts';

export type { MatchItem, MatchResult, Reason } from '../../../server/domain/match-schema.ts';
export type { Category, FactView, RuleFilter };
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type DocumentDetail = z.infer<typeof documentDetailSchema>;
export type RuleView = z.infer<typeof ruleViewSchema>;
export type FactValue = number | boolean | string | string[];
/** One problem of a rejected request: `{ path: 'profile.employees', message }`. */
export type Issue = NonNullable<ErrorBody['error']['issues']>[number];
/** A profile as the form holds it: any catalogue fact, sent as is to the API that validates it. */
export type ProfileDraft = Record<string, FactValue>;
export type { Role } from '../../../server/domain/accounts.ts';
export type SignedInUser = z.infer<typeof signedInUserSchema>;
export type UserView = z.infer<typeof userSchema>;
export type NewUser = z.input<typeof newUserSchema>;
export type UserChange = z.input<typeof userChangeSchema>;
export type { Amount, Condition, LeafCondition, Operator, Rule, SourceDocument } from '../../../server/domain/rule-schema.ts';
export type { CheckIssue, CheckReport } from '../../../server/domain/rule-lint.ts';
export type { DiffLine } from '../../../server/domain/rule-diff.ts';
import type * as authoring from '../../../server/authoring/schemas.ts';
export type SavedRule = z.infer<typeof authoring.savedRuleSchema>;
export type Published = z.infer<typeof authoring.publishedSchema>;
export type Withdrawn = z.infer<typeof authoring.withdrawnSchema>;
export type HistoryItem = z.infer<typeof authoring.historyItemSchema>;
export type RuleVersion = z.infer<typeof authoring.ruleVersionSchema>;
export type RuleDiff = z.infer<typeof authoring.ruleDiffSchema>;
export type VersionConflict = z.infer<typeof authoring.conflictSchema>['conflict'];
export type RuleTestResult = z.infer<typeof authoring.testResultSchema>;
export type Impact = z.infer<typeof authoring.impactSchema>;
export type OutcomeChange = NonNullable<Impact['newlyEligible']>[number];
/** Counts and sums of one benefit or city: what authors see of stored applicants. */
export type BenefitTotals = Impact['byBenefit'][number];
export type CityTotals = Impact['byCity'][number];
export type AuthoringDocument = z.infer<typeof authoring.authoringDocumentSchema>;
export type AuthoringDocumentDetail = z.infer<typeof authoring.authoringDocumentDetailSchema>;
export type NewDocument = z.input<typeof authoring.newDocumentSchema>;
export type AuditEntry = z.infer<typeof authoring.auditEntrySchema>;
export type Publication = z.infer<typeof authoring.publicationSchema>;
export type PublicationImpact = z.infer<typeof authoring.publicationImpactSchema>;

import type {
  applicantDetailSchema, applicantQuerySchema, applicantViewSchema, reviewSchema, screeningDetailSchema, screeningSchema,
} from '../../../server/screening/schemas.ts';
export type ScreeningView = z.infer<typeof screeningSchema>;
export type ScreeningDetail = z.infer<typeof screeningDetailSchema>;
export type ApplicantView = z.infer<typeof applicantViewSchema>;
export type ApplicantDetail = z.infer<typeof applicantDetailSchema>;
export type ApplicantQuery = Partial<z.input<typeof applicantQuerySchema>>;
export type ReviewChange = z.input<typeof reviewSchema>;
export type ReviewStatus = ReviewChange['status'];
export type { MatchSummary, SummaryItem } from '../../../server/domain/match-schema.ts';
