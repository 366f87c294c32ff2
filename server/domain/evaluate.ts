import { amountYuanFor } from './amounts.ts';
import { FALSE, TRUE, type CompiledLeaf, type Truth } from './compile.ts';
import type { IsoDate } from './dates.ts';
import { decidingLeaves, leafAsStated, openLeaves, passedOf, whyTree, type DecidingLeaf } from './explain.ts';
import { factsByName, factVector, SCOPE_FACTS, type FactVector } from './facts/index.ts';
import type { Caveat, MatchItem, MatchResult, Reason } from './match-schema.ts';
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

/** Judges one rule on the facts and the date: the three-valued conditions, validity, then the exclusions. */
export function judgeRule(prepared: PreparedRule, facts: FactVector, asOf: IsoDate): Outcome | null {
  const { leaves, evaluate } = prepared.compiled;
  const truth = evaluate(facts);
  if (truth === FALSE) {
    // Most rules fail on region or entity type: leave those out before looking any closer.
    for (const leaf of leaves) if (SCOPE_FACTS.has(leaf.fact) && leaf.evaluate(facts) !== TRUE) return null;
  }
  const results = leaves.map((leaf) => leaf.evaluate(facts));
  const validity = validityOn(prepared.validity, asOf);
  if (truth !== TRUE && validity !== 'valid') return null;
  const exclusionResults = prepared.exclusions ? prepared.exclusions.leaves.map((leaf) => leaf.evaluate(facts)) : null;
  const outcome = (status: RuleStatus, shortfall: number | null = null): Outcome => ({ status, results, shortfall, exclusionResults });
  if (truth === FALSE) {
    const shortfall = findShortfall(prepared, results);
    return outcome(shortfall === null ? 'ineligible' : 'nearMiss', shortfall);
  }
  if (validity !== 'valid') return outcome(validity);
  const excluded = exclusionResults !== null && prepared.exclusions!.combine(exclusionResults) === TRUE;
  return outcome(excluded ? 'excluded' : truth === TRUE ? 'eligible' : 'possible');
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
  if (!exclusionResults || !prepared.exclusions) return [];
  return openLeaves(prepared.exclusions.shape, exclusionResults).map((index) => {
    const leaf = prepared.exclusions!.leaves[index]!;
    return { fact: leaf.fact, operator: leaf.operator, required: leaf.value, text: prepared.caveatTexts[index]! };
  });
}

/** What an item leaves out when its explanation is not wanted: the summary view has neither reasons nor why. */
const UNEXPLAINED = { all: [], passed: null };

function itemFor(prepared: PreparedRule, outcome: Outcome, facts: Facts, explain: boolean): MatchItem {
  const { rule, source, validity, compiled } = prepared;
  const { results, shortfall, exclusionResults } = outcome;
  const shortLeaf = shortfall === null ? null : compiled.leaves[shortfall]!;
  // A near miss explains itself on the path that would hold once its one shortfall is met.
  const pathResults = shortfall === null ? results : results.map((r, i) => (i === shortfall ? TRUE : r));
  const asReason = ({ index, negated }: DecidingLeaf) => reasonOf(compiled.leaves[index]!, results[index]!, facts, negated);
  const amount = amountYuanFor(rule.amount, shortLeaf ? factsOnceMet(shortLeaf, facts) : facts);
  const missing = outcome.status === 'eligible' ? [] : [...new Set(openLeaves(compiled.shape, pathResults).map((i) => compiled.leaves[i]!.fact))];
  const excludedBy =
    outcome.status === 'excluded'
      ? decidingLeaves(prepared.exclusions!.shape, exclusionResults!).map(({ index, negated }) =>
          reasonOf(prepared.exclusions!.leaves[index]!, exclusionResults![index]!, facts, negated))
      : [];
  const shortReason = shortLeaf ? reasonOf(shortLeaf, FALSE, facts) : null;
  const actual = shortLeaf ? facts[shortLeaf.fact] : undefined;
  return {
    ruleId: rule.id,
    title: rule.title,
    summary: rule.summary,
    category: rule.category,
    concrete: rule.concrete,
    status: outcome.status as MatchItem['status'],
    amountYuan: amount.amountYuan,
    amountByYear: amount.amountByYear ?? null,
    amountNeeds: amount.missingFact ?? null,
    amountText: prepared.amountText,
    upToYuan: rule.amount.kind === 'text' ? (rule.amount.upToYuan ?? null) : null,
    exclusiveGroup: rule.exclusiveGroup,
    stacks: true,
    reasons: explain ? decidingLeaves(compiled.shape, pathResults).map(asReason) : [],
    missingFacts: missing,
    caveats: caveatsOf(prepared, exclusionResults),
    excludedBy,
    why: explain ? whyTree(compiled.shape, results, (index) => reasonOf(compiled.leaves[index]!, results[index]!, facts)) : UNEXPLAINED,
    shortfall: shortReason && {
      ...shortReason,
      gap: typeof actual === 'number' && typeof shortLeaf!.value === 'number' ? shortLeaf!.value - actual : null,
    },
    source,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    department: rule.department,
    notes: rule.notes,
  };
}

/** Within an exclusive group only the eligible rule with the highest amount counts; the rest do not stack. */
function applyStacking(eligible: MatchItem[], others: MatchItem[]): void {
  const best = new Map<string, MatchItem>();
  for (const item of eligible) {
    if (!item.exclusiveGroup) continue;
    const current = best.get(item.exclusiveGroup);
    if (!current || (item.amountYuan ?? -1) > (current.amountYuan ?? -1)) best.set(item.exclusiveGroup, item);
  }
  for (const item of eligible) item.stacks = !item.exclusiveGroup || best.get(item.exclusiveGroup) === item;
  for (const item of others) item.stacks = !item.exclusiveGroup || !best.has(item.exclusiveGroup);
}

/** The same benefit of the same clause: its other tiers are not near misses for a business that already gets one. */
const benefitKey = (item: MatchItem) => `${item.source.documentId}|${item.source.clause}|${item.category}`;

/** Near misses of benefits not yet obtained, the nearest tier of each benefit only. */
function nearestTiers(nearMisses: readonly MatchItem[], obtained: ReadonlySet<string>): MatchItem[] {
  const nearest = new Map<string, MatchItem>();
  const distance = (item: MatchItem) => item.shortfall?.gap ?? Infinity;
  // Tiers of one benefit fall short on the same number; different statuses (two certifications) are different roads.
  const tierKey = (item: MatchItem) => `${benefitKey(item)}|${item.shortfall!.fact}|${item.shortfall!.gap === null ? JSON.stringify(item.shortfall!.required) : ''}`;
  for (const item of nearMisses) {
    if (obtained.has(benefitKey(item))) continue;
    const key = tierKey(item);
    const current = nearest.get(key);
    if (!current || distance(item) < distance(current)) nearest.set(key, item);
  }
  return nearMisses.filter((item) => nearest.get(tierKey(item)) === item);
}

/** Unanswered facts worth asking, most decisive first: those of possible benefits, then amounts and caveats. */
function rankQuestions(result: MatchResult): MatchResult['questions'] {
  const counts = new Map<string, number>();
  const count = (fact: string) => counts.set(fact, (counts.get(fact) ?? 0) + 1);
  for (const item of result.possible) for (const fact of item.missingFacts) count(fact);
  for (const item of [...result.eligible, ...result.possible]) {
    if (item.amountNeeds) count(item.amountNeeds);
    for (const fact of new Set(item.caveats.map((c) => c.fact))) count(fact);
  }
  return [...counts].map(([fact, rules]) => ({ fact, rules })).sort((a, b) => b.rules - a.rules);
}

const sumOf = (items: readonly MatchItem[]) => items.reduce((sum, item) => sum + (item.stacks ? (item.amountYuan ?? 0) : 0), 0);

/**
 * Every published rule judged for one profile on one date. `explain: false` skips each item's reasons and condition
 * tree, which the summary view does not carry (screening judges thousands of profiles for their summaries).
 */
export function evaluateProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate, { explain = true } = {}): MatchResult {
  const facts = profile as Facts;
  const vector = factVector(facts);
  const lists = { eligible: [] as MatchItem[], possible: [] as MatchItem[], nearMiss: [] as MatchItem[], expired: [] as MatchItem[], notYetValid: [] as MatchItem[], excluded: [] as MatchItem[] };
  for (const prepared of ruleset.rulesForProvince(profile.province)) {
    const outcome = judgeRule(prepared, vector, asOf);
    if (!outcome || outcome.status === 'ineligible') continue;
    lists[outcome.status].push(itemFor(prepared, outcome, facts, explain));
  }
  const nearMisses = nearestTiers(lists.nearMiss, new Set(lists.eligible.map(benefitKey)));
  applyStacking(lists.eligible, [...lists.possible, ...nearMisses, ...lists.expired, ...lists.notYetValid, ...lists.excluded]);
  const result: MatchResult = {
    rulesetVersion: ruleset.version,
    asOf,
    eligible: lists.eligible,
    possible: lists.possible,
    nearMisses,
    expired: lists.expired,
    notYetValid: lists.notYetValid,
    excluded: lists.excluded,
    totals: {
      estimatedYuan: sumOf(lists.eligible),
      eligibleCount: lists.eligible.length,
      possibleCount: lists.possible.length,
      nearMissCount: nearMisses.length,
      excludedCount: lists.excluded.length,
    },
    questions: [],
  };
  result.questions = rankQuestions(result);
  return result;
}
