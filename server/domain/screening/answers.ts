/** A screening keeps, per applicant, the summary view of its match answer, exactly as it was computed. */
import type { MatchSummary, SummaryItem } from '../match-schema.ts';

export type StoredAnswer = MatchSummary;
export type StoredItem = SummaryItem;

export type Change = { ruleId: string; title: string; amountYuan: number | null };
export type ApplicantChanges = { newlyEligible: Change[]; noLongerEligible: Change[]; estimatedYuanBefore: number; estimatedYuanAfter: number };

const change = ({ ruleId, title, amountYuan }: StoredItem): Change => ({ ruleId, title, amountYuan });

/** What a re-run changed for one applicant: the benefits that became eligible, and those that stopped being so. */
export function changesBetween(before: StoredAnswer, after: StoredAnswer): ApplicantChanges {
  const was = new Set(before.eligible.map((i) => i.ruleId));
  const is = new Set(after.eligible.map((i) => i.ruleId));
  return {
    newlyEligible: after.eligible.filter((i) => !was.has(i.ruleId)).map(change),
    noLongerEligible: before.eligible.filter((i) => !is.has(i.ruleId)).map(change),
    estimatedYuanBefore: before.totals.estimatedYuan,
    estimatedYuanAfter: after.totals.estimatedYuan,
  };
}

export const hasChanges = (c: ApplicantChanges) => c.newlyEligible.length > 0 || c.noLongerEligible.length > 0;
