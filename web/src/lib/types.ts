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
