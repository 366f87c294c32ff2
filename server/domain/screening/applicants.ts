/** An applicant of a screening: who it is across screenings, and the review an officer gives it. */
import { comparable } from './cells.ts';

export const REVIEW_STATUSES = ['pending', 'qualified', 'rejected', 'needs_documents'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_LABELS: Readonly<Record<ReviewStatus, { zh: string; en: string }>> = {
  pending: { zh: '待审核', en: 'Pending' },
  qualified: { zh: '符合', en: 'Qualified' },
  rejected: { zh: '不符合', en: 'Rejected' },
  needs_documents: { zh: '需补充材料', en: 'Needs documents' },
};

/** What a screening's results table sorts by. */
export const APPLICANT_SORTS = ['position', 'name', 'estimatedYuan', 'eligibleCount', 'reviewStatus'] as const;
export type ApplicantSort = (typeof APPLICANT_SORTS)[number];

/** The same company in two screenings: by its 统一社会信用代码, or by its name when the sheet gives no code. */
export const applicantKey = (applicant: { name: string; creditCode: string | null }): string =>
  applicant.creditCode ?? `name:${comparable(applicant.name)}`;
