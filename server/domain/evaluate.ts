import { amountYuanFor } from './amounts.ts';
import { FALSE, TRUE, UNKNOWN, type CompiledLeaf, type Truth } from './compile.ts';
import type { IsoDate } from './dates.ts';
import { decidingLeaves, leafAsStated, nodeTruths, openLeaves, passedOf, whyTree } from './explain.ts';
import { withDerivedFacts } from './facts/derived.ts';
import { factsByName, factVector, type FactVector } from './facts/index.ts';
import { SIZE_INPUTS } from './facts/size.ts';
import { coverageOf } from './coverage.ts';
import type { Caveat, MatchItem, MatchResult, MatchSummary, Reason, SummaryItem } from './match-schema.ts';
import type { Profile } from './profile.ts';
import type { PreparedRule, Ruleset } from './ruleset.ts';
import { validityOn } from './validity.ts';

export type { MatchItem, MatchResult, Reason };

type Facts = Readonly<Record<string, unknown>>;

export type RuleStatus = MatchItem['status'] | 'ineligible';

/** A threshold a business can reach, or a status it can come to hold (a certification, a listing): see `attainable`. */
function isAttainable(leaf: CompiledLeaf): boolean {
  if (leaf.operator === 'greaterThan' || leaf.operator === 'greaterThanInclusive') return true;
  if (!factsByName.get(leaf.fact)?.attainable) return false;
  return leaf.operator === 'contains' || leaf.operator === 'in' || (leaf.operator === 'equal' && leaf.value !== false);
}

export type Outcome = {
  status: RuleStatus;
  results: Truth[];
  /** For a near miss: the index of the one failing leaf whose passing would make the rule hold. */
  shortfall: number | null;
  /** The exclusion leaves' results, when the rule has exclusions. */
  exclusionResults: Truth[] | null;
};

function findShortfall(prepared: PreparedRule, results: Truth[]): number | null {
  const { leaves, combine } = prepared.compiled;
  for (let i = 0; i < leaves.length; i++) {
    if (results[i] !== FALSE || !isAttainable(leaves[i]!)) continue;
    const whatIf = results.slice();
    whatIf[i] = TRUE;
    if (combine(whatIf) !== FALSE) return i;
  }
  return null;
}

function leafResults(leaves: readonly CompiledLeaf[], facts: FactVector): Truth[] {
  const results = new Array<Truth>(leaves.length);
  for (let i = 0; i < leaves.length; i++) results[i] = leaves[i]!.evaluate(facts);
  return results;
}

/** Judges one rule on the facts and the date: the three-valued conditions, validity, then the exclusions. */
export function judgeRule(prepared: PreparedRule, facts: FactVector, asOf: IsoDate): Outcome | null {
  const { leaves, evaluate } = prepared.compiled;
  const truth = evaluate(facts);
  if (truth === FALSE) {
    // Most rules fail on region or entity type: leave those out before looking any closer.
    for (const leaf of prepared.scopeLeaves) if (leaf.evaluate(facts) !== TRUE) return null;
  }
  const validity = validityOn(prepared.validity, asOf);
  if (truth !== TRUE && validity !== 'valid') return null;
  const results = leafResults(leaves, facts);
  let shortfall: number | null = null;
  if (truth === FALSE) {
    shortfall = findShortfall(prepared, results);
    if (shortfall === null) return { status: 'ineligible', results, shortfall, exclusionResults: null };
  }
  const exclusionResults = prepared.exclusions ? leafResults(prepared.exclusions.leaves, facts) : null;
  let status: RuleStatus;
  if (truth === FALSE) status = 'nearMiss';
  else if (validity !== 'valid') status = validity;
  else if (exclusionResults !== null && prepared.exclusions!.combine(exclusionResults) === TRUE) status = 'excluded';
  else status = truth === TRUE ? 'eligible' : 'possible';
  return { status, results, shortfall, exclusionResults };
}

/** Where a rule is listed for a business, before its conditions are judged; null: not for it (or never listed). */
export type Listing = 'judged' | 'situational' | 'commitment';

export function listingOf(prepared: PreparedRule, roles: ReadonlySet<string>, situations: ReadonlySet<string>): Listing | null {
  const { kind, beneficiary, situations: needs } = prepared.rule;
  if (kind === 'internal') return null;
  // A clause for a kind of organisation is for those that say they are one; saying nothing means an ordinary business.
  if (beneficiary && !beneficiary.some((role) => roles.has(role))) return null;
  if (kind === 'commitment') return 'commitment';
  if (needs.length > 0 && !needs.some((situation) => situations.has(situation))) return 'situational';
  return 'judged';
}

/** The roles and situations a profile names, for listingOf. */
export function namedBy(profile: Facts): { roles: ReadonlySet<string>; situations: ReadonlySet<string> } {
  return {
    roles: new Set((profile.organisationRoles as string[] | undefined) ?? []),
    situations: new Set((profile.situations as string[] | undefined) ?? []),
  };
}

function reasonOf(leaf: CompiledLeaf, truth: Truth, facts: Facts, negated = false): Reason {
  const actual = facts[leaf.fact];
  const stated = leafAsStated(leaf, truth, negated);
  return {
    fact: leaf.fact,
    operator: stated.operator,
    required: leaf.value,
    actual: actual === undefined ? null : (actual as Reason['actual']),
    passed: passedOf(stated.truth),
  };
}

/** The facts with the near miss's failing condition met at its threshold: what the benefit would then pay. */
function factsOnceMet(leaf: CompiledLeaf, facts: Facts): Facts {
  const fact = factsByName.get(leaf.fact);
  const value = leaf.value;
  switch (leaf.operator) {
    case 'greaterThanInclusive':
      return { ...facts, [leaf.fact]: value };
    case 'greaterThan':
      return { ...facts, [leaf.fact]: (value as number) + (fact?.type === 'number' && fact.integer ? 1 : 0.01) };
    case 'contains':
      return { ...facts, [leaf.fact]: [...((facts[leaf.fact] as unknown[] | undefined) ?? []), value] };
    case 'in':
      return { ...facts, [leaf.fact]: (value as unknown[])[0] };
    default:
      return { ...facts, [leaf.fact]: value };
  }
}

function caveatsOf(prepared: PreparedRule, exclusionResults: Truth[] | null): Caveat[] {
  const exclusions = prepared.exclusions;
  if (!exclusionResults || !exclusions) return [];
  if (exclusionResults.every((r) => r === UNKNOWN)) return prepared.allCaveats;
  return openLeaves(exclusions.shape, nodeTruths(exclusions.shape, exclusions.nodeCount, exclusionResults)).map((index) => {
    const leaf = exclusions.leaves[index]!;
    return { fact: leaf.fact, operator: leaf.operator, required: leaf.value, text: prepared.caveatTexts[index]! };
  });
}

/** One listed rule, judged: what every view needs, before stacking. */
export type Judged = {
  prepared: PreparedRule;
  outcome: Outcome;
  /** Node truths on the path that decides (for a near miss, once its shortfall is met); filled when first needed. */
  pathTruths: Truth[] | null;
  amount: ReturnType<typeof amountYuanFor>;
  missingFacts: string[];
  caveats: Caveat[];
  gap: number | null;
  stacks: boolean;
};

export function pathTruthsOf(j: Judged): Truth[] {
  if (j.pathTruths) return j.pathTruths;
  const { compiled } = j.prepared;
  const { results, shortfall } = j.outcome;
  const pathResults = shortfall === null ? results : results.map((r, i) => (i === shortfall ? TRUE : r));
  return (j.pathTruths = nodeTruths(compiled.shape, compiled.nodeCount, pathResults));
}

/** Node truths of the tree as it stands, for `why` (a near miss's path differs from it in its shortfall). */
export const whyTruthsOf = (j: Judged): Truth[] =>
  j.outcome.shortfall === null ? pathTruthsOf(j) : nodeTruths(j.prepared.compiled.shape, j.prepared.compiled.nodeCount, j.outcome.results);

function judged(prepared: PreparedRule, outcome: Outcome, facts: Facts): Judged {
  const { compiled } = prepared;
  const { shortfall, exclusionResults } = outcome;
  const shortLeaf = shortfall === null ? null : compiled.leaves[shortfall]!;
  const actual = shortLeaf ? facts[shortLeaf.fact] : undefined;
  const j: Judged = {
    prepared,
    outcome,
    pathTruths: null,
    amount: amountYuanFor(prepared.rule.amount, shortLeaf ? factsOnceMet(shortLeaf, facts) : facts),
    missingFacts: [],
    caveats: caveatsOf(prepared, exclusionResults),
    gap: typeof actual === 'number' && typeof shortLeaf!.value === 'number' ? shortLeaf!.value - actual : null,
    stacks: true,
  };
  if (outcome.status !== 'eligible') j.missingFacts = [...new Set(openLeaves(compiled.shape, pathTruthsOf(j)).map((i) => compiled.leaves[i]!.fact))];
  return j;
}

function fullItem(j: Judged, facts: Facts): MatchItem {
  const { rule, source, validity, compiled, exclusions } = j.prepared;
  const { results, shortfall, exclusionResults, status } = j.outcome;
  const reason = (index: number, negated = false) => reasonOf(compiled.leaves[index]!, results[index]!, facts, negated);
  const excludedBy =
    status === 'excluded'
      ? decidingLeaves(exclusions!.shape, nodeTruths(exclusions!.shape, exclusions!.nodeCount, exclusionResults!)).map(({ index, negated }) =>
          reasonOf(exclusions!.leaves[index]!, exclusionResults![index]!, facts, negated))
      : [];
  return {
    ruleId: rule.id,
    title: rule.title,
    summary: rule.summary,
    category: rule.category,
    concrete: rule.concrete,
    kind: rule.kind,
    beneficiary: rule.beneficiary,
    situations: rule.situations,
    status: status as MatchItem['status'],
    amountYuan: j.amount.amountYuan,
    amountByYear: j.amount.amountByYear ?? null,
    amountNeeds: j.amount.missingFact ?? null,
    amountText: j.prepared.amountText,
    upToYuan: rule.amount.kind === 'text' ? (rule.amount.upToYuan ?? null) : null,
    exclusiveGroup: rule.exclusiveGroup,
    stacks: j.stacks,
    reasons: decidingLeaves(compiled.shape, pathTruthsOf(j)).map(({ index, negated }) => reason(index, negated)),
    missingFacts: j.missingFacts,
    caveats: j.caveats,
    excludedBy,
    // `why` shows the tree as it stands; a near miss's reasons follow the path that would hold once it is met.
    why: whyTree(compiled.shape, whyTruthsOf(j), (index) => reason(index)),
    shortfall: shortfall === null ? null : { ...reason(shortfall), gap: j.gap },
    source,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    department: rule.department,
    notes: rule.notes,
  };
}

function summaryItem(j: Judged): SummaryItem {
  const { rule, source } = j.prepared;
  return {
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    kind: rule.kind,
    status: j.outcome.status as SummaryItem['status'],
    amountYuan: j.amount.amountYuan,
    amountText: j.prepared.amountText,
    exclusiveGroup: rule.exclusiveGroup,
    stacks: j.stacks,
    missingFacts: j.missingFacts,
    caveats: j.caveats,
    source: { documentId: source.documentId, clause: source.clause, page: source.page },
  };
}

/** Within an exclusive group only the eligible rule with the highest amount counts; the rest do not stack. */
const yuanOf = (j: Judged) => j.amount.amountYuan ?? -1;
const groupOf = (j: Judged) => j.prepared.rule.exclusiveGroup;

function applyStacking(eligible: Judged[], others: Judged[]): void {
  const best = new Map<string, Judged>();
  for (const j of eligible) {
    const group = groupOf(j);
    if (!group) continue;
    const current = best.get(group);
    if (!current || yuanOf(j) > yuanOf(current)) best.set(group, j);
  }
  for (const j of eligible) j.stacks = !groupOf(j) || best.get(groupOf(j)!) === j;
  for (const j of others) j.stacks = !groupOf(j) || !best.has(groupOf(j)!);
}

/** A clause's benefit of one kind: tiers of one benefit are rules of the same clause and category. */
const benefitKey = ({ prepared }: Judged) => `${prepared.document.id}|${prepared.rule.clause}|${prepared.rule.category}`;

/**
 * Near misses of benefits not yet obtained, the nearest tier of each benefit only. A near miss is another tier of a
 * benefit the business already gets when an eligible rule of the same clause and category tests the same fact (the
 * 1000万 tier beside the 500万 one); a different benefit of the clause (the provincial award beside the city's) is not.
 */
function nearestTiers(nearMisses: readonly Judged[], eligible: readonly Judged[]): Judged[] {
  if (nearMisses.length === 0) return [];
  const obtained = new Map<string, Set<string>>();
  for (const j of eligible) {
    const facts = obtained.get(benefitKey(j)) ?? new Set<string>();
    for (const leaf of j.prepared.compiled.leaves) facts.add(leaf.fact);
    obtained.set(benefitKey(j), facts);
  }
  const shortLeaf = (j: Judged) => j.prepared.compiled.leaves[j.outcome.shortfall!]!;
  const nearest = new Map<string, Judged>();
  const distance = (j: Judged) => j.gap ?? Infinity;
  // Tiers of one benefit fall short on the same number; different statuses (two certifications) are different roads.
  const tierKey = (j: Judged) => `${benefitKey(j)}|${shortLeaf(j).fact}|${j.gap === null ? JSON.stringify(shortLeaf(j).value) : ''}`;
  for (const j of nearMisses) {
    if (obtained.get(benefitKey(j))?.has(shortLeaf(j).fact)) continue;
    const key = tierKey(j);
    const current = nearest.get(key);
    if (!current || distance(j) < distance(current)) nearest.set(key, j);
  }
  return nearMisses.filter((j) => nearest.get(tierKey(j)) === j);
}

export type Lists = {
  eligible: Judged[]; possible: Judged[]; nearMisses: Judged[]; expired: Judged[]; notYetValid: Judged[]; excluded: Judged[];
  /** Rights (and situation-bound benefits) whose situation the profile did not name: shown by situation, never counted. */
  situational: Judged[];
  /** Services and undertakings open to every business of the region: a short list apart, never counted. */
  commitments: Judged[];
  /** The profile's facts as rules read them (with derived facts): questions and coverage read these. */
  facts: Facts;
  coverage: MatchResult['coverage'];
};

/** What an item would pay, for ranking: its amount, else a ceiling the text states. */
const moneyOf = (j: Judged) => j.amount.amountYuan ?? (j.prepared.rule.amount.kind === 'text' ? (j.prepared.rule.amount.upToYuan ?? 0) : 0);

/**
 * Unanswered facts worth asking, the most money at stake first (within an exclusive group only its best item counts),
 * then the number of benefits each would decide. A size asked for is asked as the numbers the standard derives it from.
 */
export function rankQuestions(lists: Lists): MatchResult['questions'] {
  const asked = (fact: string): string[] =>
    fact === 'size' ? SIZE_INPUTS.filter((input) => lists.facts[input] === undefined) : [fact];
  const stakes = new Map<string, { rules: number; byGroup: Map<string, number> }>();
  const count = (fact: string, j: Judged, yuan: number) => {
    for (const name of asked(fact)) {
      const entry = stakes.get(name) ?? { rules: 0, byGroup: new Map<string, number>() };
      entry.rules++;
      const key = j.prepared.rule.exclusiveGroup ?? j.prepared.rule.id;
      entry.byGroup.set(key, Math.max(entry.byGroup.get(key) ?? 0, yuan));
      stakes.set(name, entry);
    }
  };
  for (const j of lists.possible) for (const fact of j.missingFacts) count(fact, j, moneyOf(j));
  for (const j of [...lists.eligible, ...lists.possible]) {
    if (j.amount.missingFact) count(j.amount.missingFact, j, 0);
    for (const fact of new Set(j.caveats.map((c) => c.fact))) count(fact, j, 0);
  }
  return [...stakes]
    .map(([fact, { rules, byGroup }]) => ({ fact, rules, yuan: [...byGroup.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.yuan - a.yuan || b.rules - a.rules);
}

/** Every published rule judged for one profile on one date, stacked, before any view is written. */
export function judgeProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): Lists {
  const facts = withDerivedFacts(profile as Facts);
  const vector = factVector(facts);
  const { roles, situations } = namedBy(facts);
  const found = {
    eligible: [] as Judged[], possible: [] as Judged[], nearMiss: [] as Judged[], expired: [] as Judged[], notYetValid: [] as Judged[],
    excluded: [] as Judged[], situational: [] as Judged[], commitment: [] as Judged[],
  };
  for (const prepared of ruleset.rulesForProvince(profile.province)) {
    const listing = listingOf(prepared, roles, situations);
    if (listing === null) continue;
    const outcome = judgeRule(prepared, vector, asOf);
    if (!outcome || outcome.status === 'ineligible') continue;
    if (listing !== 'judged') {
      if (outcome.status !== 'eligible' && outcome.status !== 'possible') continue;
      outcome.status = listing;
    }
    found[outcome.status].push(judged(prepared, outcome, facts));
  }
  const nearMisses = nearestTiers(found.nearMiss, found.eligible);
  applyStacking(found.eligible, [...found.possible, ...nearMisses, ...found.expired, ...found.notYetValid, ...found.excluded]);
  return {
    eligible: found.eligible, possible: found.possible, nearMisses, expired: found.expired, notYetValid: found.notYetValid,
    excluded: found.excluded, situational: found.situational, commitments: found.commitment, facts,
    coverage: coverageOf(ruleset, profile),
  };
}

/** What the possible items would add if answered favourably: within an exclusive group, only above its best eligible. */
function possibleYuanOf(lists: Lists): number {
  const bestEligible = new Map<string, number>();
  for (const j of lists.eligible) {
    const group = j.prepared.rule.exclusiveGroup;
    if (group) bestEligible.set(group, Math.max(bestEligible.get(group) ?? 0, j.amount.amountYuan ?? 0));
  }
  let total = 0;
  const bestPossible = new Map<string, number>();
  for (const j of lists.possible) {
    const yuan = j.amount.amountYuan ?? 0;
    const group = j.prepared.rule.exclusiveGroup;
    if (!group) total += yuan;
    else bestPossible.set(group, Math.max(bestPossible.get(group) ?? 0, yuan));
  }
  for (const [group, yuan] of bestPossible) total += Math.max(0, yuan - (bestEligible.get(group) ?? 0));
  return total;
}

export const totalsOf = (lists: Lists): MatchResult['totals'] => ({
  estimatedYuan: lists.eligible.reduce((sum, j) => sum + (j.stacks ? (j.amount.amountYuan ?? 0) : 0), 0),
  possibleYuan: possibleYuanOf(lists),
  eligibleCount: lists.eligible.length,
  possibleCount: lists.possible.length,
  nearMissCount: lists.nearMisses.length,
  excludedCount: lists.excluded.length,
  situationalCount: lists.situational.length,
  commitmentCount: lists.commitments.length,
});

function answer<Item>(ruleset: Ruleset, asOf: IsoDate, lists: Lists, item: (j: Judged) => Item) {
  return {
    rulesetVersion: ruleset.version,
    asOf,
    eligible: lists.eligible.map(item),
    possible: lists.possible.map(item),
    nearMisses: lists.nearMisses.map(item),
    expired: lists.expired.map(item),
    notYetValid: lists.notYetValid.map(item),
    excluded: lists.excluded.map(item),
    situational: lists.situational.map(item),
    commitments: lists.commitments.map(item),
    totals: totalsOf(lists),
    questions: rankQuestions(lists),
    coverage: lists.coverage,
  };
}

/** Every published rule judged for one profile on one date: the full answer, every item explained. */
export function evaluateProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): MatchResult {
  const lists = judgeProfile(ruleset, profile, asOf);
  return answer(ruleset, asOf, lists, (j) => fullItem(j, lists.facts));
}

/** The same judgement in the summary view, without the explanations it does not show. */
export function summarizeProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): MatchSummary {
  return answer(ruleset, asOf, judgeProfile(ruleset, profile, asOf), summaryItem);
}
