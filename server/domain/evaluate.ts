import { amountYuanFor } from './amounts.ts';
import { FALSE, TRUE, UNKNOWN, type CompiledLeaf, type Truth } from './compile.ts';
import type { IsoDate } from './dates.ts';
import { decidingLeaves, leafAsStated, nodeTruths, openLeaves, passedOf, whyTree } from './explain.ts';
import { factsByName, factVector, type FactVector } from './facts/index.ts';
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

export type Lists = { eligible: Judged[]; possible: Judged[]; nearMisses: Judged[]; expired: Judged[]; notYetValid: Judged[]; excluded: Judged[] };

/** Unanswered facts worth asking, most decisive first: those of possible benefits, then amounts and caveats. */
export function rankQuestions(lists: Lists): MatchResult['questions'] {
  const counts = new Map<string, number>();
  const count = (fact: string) => counts.set(fact, (counts.get(fact) ?? 0) + 1);
  for (const j of lists.possible) for (const fact of j.missingFacts) count(fact);
  for (const j of [...lists.eligible, ...lists.possible]) {
    if (j.amount.missingFact) count(j.amount.missingFact);
    for (const fact of new Set(j.caveats.map((c) => c.fact))) count(fact);
  }
  return [...counts].map(([fact, rules]) => ({ fact, rules })).sort((a, b) => b.rules - a.rules);
}

/** Every published rule judged for one profile on one date, stacked, before any view is written. */
export function judgeProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): Lists {
  const facts = profile as Facts;
  const vector = factVector(facts);
  const found = { eligible: [] as Judged[], possible: [] as Judged[], nearMiss: [] as Judged[], expired: [] as Judged[], notYetValid: [] as Judged[], excluded: [] as Judged[] };
  for (const prepared of ruleset.rulesForProvince(profile.province)) {
    const outcome = judgeRule(prepared, vector, asOf);
    if (!outcome || outcome.status === 'ineligible') continue;
    found[outcome.status].push(judged(prepared, outcome, facts));
  }
  const nearMisses = nearestTiers(found.nearMiss, found.eligible);
  applyStacking(found.eligible, [...found.possible, ...nearMisses, ...found.expired, ...found.notYetValid, ...found.excluded]);
  return { eligible: found.eligible, possible: found.possible, nearMisses, expired: found.expired, notYetValid: found.notYetValid, excluded: found.excluded };
}

export const totalsOf = (lists: Lists): MatchResult['totals'] => ({
  estimatedYuan: lists.eligible.reduce((sum, j) => sum + (j.stacks ? (j.amount.amountYuan ?? 0) : 0), 0),
  eligibleCount: lists.eligible.length,
  possibleCount: lists.possible.length,
  nearMissCount: lists.nearMisses.length,
  excludedCount: lists.excluded.length,
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
    totals: totalsOf(lists),
    questions: rankQuestions(lists),
  };
}

/** Every published rule judged for one profile on one date: the full answer, every item explained. */
export function evaluateProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): MatchResult {
  return answer(ruleset, asOf, judgeProfile(ruleset, profile, asOf), (j) => fullItem(j, profile as Facts));
}

/** The same judgement in the summary view, without the explanations it does not show. */
export function summarizeProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): MatchSummary {
  return answer(ruleset, asOf, judgeProfile(ruleset, profile, asOf), summaryItem);
}
