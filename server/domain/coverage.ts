import { factsByName, type EnumListFact } from './facts/index.ts';
import { expandIndustries } from './facts/industries.ts';
import type { MatchResult } from './match-schema.ts';
import type { Profile } from './profile.ts';
import type { PreparedRule, Ruleset } from './ruleset.ts';

/** The list facts whose every value a clause may address, and the user may want to hear is not addressed. */
const COVERED_FACTS = ['founderGroups', 'industries', 'organisationRoles', 'situations'] as const;
type CoveredFact = (typeof COVERED_FACTS)[number];

type Addressed = Record<CoveredFact, Set<string>>;

/** The values of the covered facts one rule addresses: in a condition, as its beneficiary or as its situations. */
function addressedBy(prepared: PreparedRule, into: Addressed): void {
  const { rule, compiled } = prepared;
  if (rule.kind === 'internal') return;
  for (const leaf of compiled.leaves) {
    if (leaf.fact !== 'founderGroups' && leaf.fact !== 'industries') continue;
    for (const value of Array.isArray(leaf.value) ? leaf.value : [leaf.value]) into[leaf.fact].add(String(value));
  }
  for (const role of rule.beneficiary ?? []) into.organisationRoles.add(role);
  for (const situation of rule.situations) into.situations.add(situation);
}

const byRegion = new WeakMap<Ruleset, Map<string, Addressed>>();

/** What the documents of a province (and of one of its cities) address, worked out once per ruleset and region. */
function addressedIn(ruleset: Ruleset, province: string, city: string | undefined): Addressed {
  let cache = byRegion.get(ruleset);
  if (!cache) byRegion.set(ruleset, (cache = new Map()));
  const key = `${province}|${city ?? ''}`;
  let addressed = cache.get(key);
  if (addressed) return addressed;
  addressed = { founderGroups: new Set(), industries: new Set(), organisationRoles: new Set(), situations: new Set() };
  for (const prepared of ruleset.rulesForProvince(province)) {
    const { document } = prepared;
    if (document.province !== province || (document.city !== null && document.city !== city)) continue;
    addressedBy(prepared, addressed);
  }
  cache.set(key, addressed);
  return addressed;
}

const labelOf = (fact: CoveredFact, value: string) =>
  (factsByName.get(fact) as EnumListFact | undefined)?.options.find((o) => o.value === value)?.label ?? { zh: value, en: value };

export const regionOf = (profile: { province: string; city?: string }) => (profile.city ? `${profile.province}${profile.city}` : profile.province);

/** One gap in words: depends on the region, the fact and the value only (stored answers keep just those). */
export function coverageGap(region: string, fact: string, value: string): MatchResult['coverage'][number] {
  const label = labelOf(fact as CoveredFact, value);
  return {
    fact,
    value,
    region,
    text: `${region}已收录的政策文件中，没有专门针对“${label.zh}”的条款`,
    textEn: `No clause in the documents collected for ${region} is meant specifically for “${label.en}”`,
  };
}

/**
 * Each founder group, industry, role or situation the profile gives that no clause of its region's documents addresses:
 * so that "not covered here" is told apart from "not eligible".
 */
export function coverageOf(ruleset: Ruleset, profile: Profile): MatchResult['coverage'] {
  const addressed = addressedIn(ruleset, profile.province, profile.city);
  const region = regionOf(profile);
  const gaps: MatchResult['coverage'] = [];
  for (const fact of COVERED_FACTS) {
    for (const value of (profile[fact] as readonly string[] | undefined) ?? []) {
      const meant = fact === 'industries' ? expandIndustries([value]) : [value];
      if (meant.some((v) => addressed[fact].has(v))) continue;
      gaps.push(coverageGap(region, fact, value));
    }
  }
  return gaps;
}
