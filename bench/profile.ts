import fc from 'fast-check';
import { profileSchema, type Profile } from '../server/domain/profile.ts';
import type { Rule } from '../server/domain/rule-schema.ts';
import { profileArbitrary } from '../test/support/profiles.ts';

export const AS_OF = '2024-06-01';

/** A 白银 manufacturer with a large new project: a profile that many rules look at. */
export const benchProfile = {
  province: '甘肃', city: '白银', entityType: 'enterprise', ownership: 'private', size: 'medium',
  industries: ['C', 'new_materials'], employees: 320, yearsOperating: 6,
  annualRevenueYuan: 450_000_000, aboveDesignatedSize: true, newlyIntroduced: true, projectType: 'industrial',
  fixedAssetInvestmentYuan: 200_000_000, certifications: ['high_tech'], seriousDiscredit: false, fitsIndustryPolicy: true,
  projectOnSchedule: true, situations: ['construction', 'utilities'],
} as const;

/** The 白银 profile and 199 generated ones that the API accepts (a city in its province …), the same on every run. */
export function benchProfiles(rules: readonly Rule[]): Profile[] {
  const valid = fc
    .sample(profileArbitrary(rules), { numRuns: 2000, seed: 7 })
    .map((candidate) => profileSchema.safeParse(candidate))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  return [benchProfile as unknown as Profile, ...valid.slice(0, 199)];
}

/** The request bodies of the HTTP benchmark, sent in turn so that no answer can be replayed. */
export const benchBodies = (rules: readonly Rule[], view?: 'summary') =>
  benchProfiles(rules).map((profile) => JSON.stringify(view ? { profile, asOf: AS_OF, view } : { profile, asOf: AS_OF }));
