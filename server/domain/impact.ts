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

/** How many applicants change, and how many become (or stop being) eligible with the sum of what it pays them. */
export type ImpactTotals = {
  changed: number;
  newlyEligible: { count: number; amountYuan: number };
  noLongerEligible: { count: number; amountYuan: number };
};

export type Impact = {
  applicants: number;
  /** How many applicants' outcome (status or amount) differs. */
  changed: number;
  /** The totals per benefit (the rule: one row) and per city of the applicants: no applicant named. */
  byBenefit: ({ ruleId: string; title: string } & ImpactTotals)[];
  byCity: ({ city: string | null } & ImpactTotals)[];
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

const noTotals = (): ImpactTotals => ({ changed: 0, newlyEligible: { count: 0, amountYuan: 0 }, noLongerEligible: { count: 0, amountYuan: 0 } });

function count(totals: ImpactTotals, was: RuleOutcome, now: RuleOutcome): void {
  totals.changed++;
  if (now.status === 'eligible' && was.status !== 'eligible') {
    totals.newlyEligible.count++;
    totals.newlyEligible.amountYuan += now.amountYuan ?? 0;
  }
  if (was.status === 'eligible' && now.status !== 'eligible') {
    totals.noLongerEligible.count++;
    totals.noLongerEligible.amountYuan += was.amountYuan ?? 0;
  }
}

export function impactOf(
  before: PreparedRule | null,
  after: PreparedRule | null,
  applicants: Iterable<Applicant>,
  asOf: IsoDate,
  changeLimit = 1000,
): Impact {
  const rule = (after ?? before)?.rule;
  const benefit = noTotals();
  const cities = new Map<string | null, ImpactTotals>();
  const impact: Impact = { applicants: 0, changed: 0, byBenefit: [], byCity: [], newlyEligible: [], noLongerEligible: [], changes: [], changesTruncated: false };
  for (const applicant of applicants) {
    impact.applicants++;
    const was = outcomeFor(before, applicant.profile, asOf);
    const now = outcomeFor(after, applicant.profile, asOf);
    if (was.status === now.status && was.amountYuan === now.amountYuan) continue;
    impact.changed++;
    count(benefit, was, now);
    const city = applicant.profile.city ?? null;
    if (!cities.has(city)) cities.set(city, noTotals());
    count(cities.get(city)!, was, now);
    const change: OutcomeChange = { screeningId: applicant.screeningId, applicantId: applicant.applicantId, name: applicant.name, before: was, after: now };
    if (now.status === 'eligible' && was.status !== 'eligible') impact.newlyEligible.push(change);
    if (was.status === 'eligible' && now.status !== 'eligible') impact.noLongerEligible.push(change);
    if (impact.changes.length < changeLimit) impact.changes.push(change);
    else impact.changesTruncated = true;
  }
  if (rule) impact.byBenefit.push({ ruleId: rule.id, title: rule.title, ...benefit });
  // By city name; applicants without a city last.
  impact.byCity = [...cities]
    .map(([city, totals]) => ({ city, ...totals }))
    .sort((a, b) => (a.city === null ? 1 : b.city === null ? -1 : a.city.localeCompare(b.city, 'zh')));
  return impact;
}

/** The parts of an impact that name applicants or give one applicant's figures. */
export type ApplicantDetail = Pick<Impact, 'newlyEligible' | 'noLongerEligible' | 'changes' | 'changesTruncated'>;

/** An impact for someone who may not read screenings (an author): the counts and sums, no applicant. */
export function totalsOnly<T extends Partial<ApplicantDetail>>(impact: T): Omit<T, keyof ApplicantDetail> {
  const { newlyEligible: _n, noLongerEligible: _l, changes: _c, changesTruncated: _t, ...totals } = impact;
  return totals;
}
