import { amountYuanFor } from './amounts.ts';
import { FALSE, TRUE, UNKNOWN, type CompiledLeaf, type Truth } from './compile.ts';
import type { IsoDate } from './dates.ts';
import { factVector, SCOPE_FACTS, type FactVector } from './facts/index.ts';
import type { Profile } from './profile.ts';
import type { MatchItem, MatchResult, Reason } from './match-schema.ts';
import type { PreparedRule, Ruleset } from './ruleset.ts';
import { validityOn } from './validity.ts';

export type { MatchItem, MatchResult, Reason };

type Facts = Readonly<Record<string, unknown>>;

export type RuleStatus = MatchItem['status'] | 'ineligible';

/** Operators that a business can come to satisfy: reach a threshold, obtain a status. */
const ATTAINABLE = new Set(['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'contains']);
const isAttainable = (leaf: CompiledLeaf) => ATTAINABLE.has(leaf.operator) || (leaf.operator === 'equal' && leaf.value === true);

type Outcome = { status: RuleStatus; results: Truth[]; shortfall: number | null };

/** The index of the single failing threshold or status whose passing would make the rule hold, if there is one. */
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

/** Judges one rule on the facts and the date: the three-valued conditions, then validity. */
export function judgeRule(prepared: PreparedRule, facts: FactVector, asOf: IsoDate): Outcome | null {
  const { leaves, evaluate } = prepared.compiled;
  const truth = evaluate(facts);
  if (truth === FALSE) {
    // Most rules fail on region or entity type: leave those out before looking any closer.
    for (const leaf of leaves) if (SCOPE_FACTS.has(leaf.fact) && leaf.evaluate(facts) !== TRUE) return null;
  }
  const results = leaves.map((leaf) => leaf.evaluate(facts));
  const validity = validityOn(prepared.validity, asOf);
  if (truth === TRUE) return { status: validity === 'valid' ? 'eligible' : validity, results, shortfall: null };
  if (validity !== 'valid') return null;
  if (truth === UNKNOWN) return { status: 'possible', results, shortfall: null };
  const shortfall = findShortfall(prepared, results);
  return shortfall === null ? { status: 'ineligible', results, shortfall } : { status: 'nearMiss', results, shortfall };
}

function reasonFor(leaf: CompiledLeaf, truth: Truth, facts: Facts): Reason {
  const actual = facts[leaf.fact];
  return {
    fact: leaf.fact,
    operator: leaf.operator,
    required: leaf.value,
    actual: actual === undefined ? null : (actual as Reason['actual']),
    passed: truth === UNKNOWN ? null : truth === TRUE,
  };
}

function itemFor(prepared: PreparedRule, outcome: Outcome, facts: Facts): MatchItem {
  const { rule, source, validity } = prepared;
  const amount = amountYuanFor(rule.amount, facts);
  const reasons = prepared.compiled.leaves.map((leaf, i) => reasonFor(leaf, outcome.results[i]!, facts));
  const missing = new Set(reasons.filter((r) => r.passed === null).map((r) => r.fact));
  if (amount.missingFact) missing.add(amount.missingFact);
  return {
    ruleId: rule.id,
    title: rule.title,
    summary: rule.summary,
    category: rule.category,
    concrete: rule.concrete,
    status: outcome.status as MatchItem['status'],
    amountYuan: amount.amountYuan,
    amountText: prepared.amountText,
    upToYuan: rule.amount.kind === 'text' ? (rule.amount.upToYuan ?? null) : null,
    exclusiveGroup: rule.exclusiveGroup,
    stacks: true,
    reasons,
    missingFacts: [...missing],
    shortfall: outcome.shortfall === null ? null : reasons[outcome.shortfall]!,
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

function rankQuestions(possible: readonly MatchItem[]): MatchResult['questions'] {
  const counts = new Map<string, number>();
  for (const item of possible) for (const fact of item.missingFacts) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  return [...counts].map(([fact, rules]) => ({ fact, rules })).sort((a, b) => b.rules - a.rules);
}

/** Every published rule judged for one profile on one date. */
export function evaluateProfile(ruleset: Ruleset, profile: Profile, asOf: IsoDate): MatchResult {
  const facts = profile as Facts;
  const vector = factVector(facts);
  const result: MatchResult = {
    rulesetVersion: ruleset.version,
    asOf,
    eligible: [],
    possible: [],
    nearMisses: [],
    expired: [],
    notYetValid: [],
    totals: { estimatedYuan: 0, eligibleCount: 0, possibleCount: 0, nearMissCount: 0 },
    questions: [],
  };
  const lists = {
    eligible: result.eligible,
    possible: result.possible,
    nearMiss: result.nearMisses,
    expired: result.expired,
    notYetValid: result.notYetValid,
  };
  for (const prepared of ruleset.rulesForProvince(profile.province)) {
    const outcome = judgeRule(prepared, vector, asOf);
    if (!outcome || outcome.status === 'ineligible') continue;
    lists[outcome.status].push(itemFor(prepared, outcome, facts));
  }
  applyStacking(result.eligible, [...result.possible, ...result.nearMisses, ...result.expired, ...result.notYetValid]);
  result.totals = {
    estimatedYuan: result.eligible.reduce((sum, item) => sum + (item.stacks ? (item.amountYuan ?? 0) : 0), 0),
    eligibleCount: result.eligible.length,
    possibleCount: result.possible.length,
    nearMissCount: result.nearMisses.length,
  };
  result.questions = rankQuestions(result.possible);
  return result;
}
