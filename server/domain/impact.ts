import { amountFor } from './amounts.ts';
import type { IsoDate } from './dates.ts';
import { judgeRule, type RuleStatus } from './evaluate.ts';
import { factVector } from './facts/index.ts';
import type { Profile } from './profile.ts';
import type { PreparedRule } from './ruleset.ts';

/** How one rule's outcome for stored applicants changes between two versions of it (either may be absent). */

export type Applicant = { screeningId: string; applicantId: string; name: string; profile: Profile };

export type RuleOutcome = { status: RuleStatus; amountYuan: number | null };

export type OutcomeChange = Pick<Applicant, 'screeningId' | 'applicantId' | 'name'> & { before: RuleOutcome; after: RuleOutcome };

export type Impact = {
  applicants: number;
  /** How many applicants' outcome (status or amount) differs. */
  changed: number;
  newlyEligible: OutcomeChange[];
  noLongerEligible: OutcomeChange[];
  /** Every change, eligibility or not (possible → ineligible, a different amount), up to the limit. */
  changes: OutcomeChange[];
  changesTruncated: boolean;
};

const ABSENT: RuleOutcome = { status: 'ineligible', amountYuan: null };

/** The rule's status for the profile on the date, and what it pays when eligible; an absent rule is ineligible. */
export function outcomeFor(prepared: PreparedRule | null, profile: Profile, asOf: IsoDate): RuleOutcome {
  if (!prepared) return ABSENT;
  const status = judgeRule(prepared, factVector(profile as Record<string, unknown>), asOf)?.status ?? 'ineligible';
  const amountYuan = status === 'eligible' ? amountFor(prepared.rule.amount, profile as Record<string, unknown>).amountYuan : null;
  return { status, amountYuan };
}

export function impactOf(
  before: PreparedRule | null,
  after: PreparedRule | null,
  applicants: Iterable<Applicant>,
  asOf: IsoDate,
  changeLimit = 1000,
): Impact {
  const impact: Impact = { applicants: 0, changed: 0, newlyEligible: [], noLongerEligible: [], changes: [], changesTruncated: false };
  for (const applicant of applicants) {
    impact.applicants++;
    const was = outcomeFor(before, applicant.profile, asOf);
    const now = outcomeFor(after, applicant.profile, asOf);
    if (was.status === now.status && was.amountYuan === now.amountYuan) continue;
    impact.changed++;
    const change: OutcomeChange = { screeningId: applicant.screeningId, applicantId: applicant.applicantId, name: applicant.name, before: was, after: now };
    if (now.status === 'eligible' && was.status !== 'eligible') impact.newlyEligible.push(change);
    if (was.status === 'eligible' && now.status !== 'eligible') impact.noLongerEligible.push(change);
    if (impact.changes.length < changeLimit) impact.changes.push(change);
    else impact.changesTruncated = true;
  }
  return impact;
}
