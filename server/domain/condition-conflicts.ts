import { factsByName } from './facts/index.ts';
import type { Condition, LeafCondition } from './rule-schema.ts';

/**
 * Conditions that can never hold together: `x > 10` and `x < 5` under one `all`, one fact equal to two values, an
 * `any` alternative that the conditions around it rule out. Only what must hold is compared (the leaves of `all`
 * groups, down through nested `all`s); `not` groups and `any` groups with several alternatives are not reasoned about,
 * so what is reported is certain, and some contradictions hidden behind them go unreported.
 */

export type Conflict = { path: string; leaves: LeafCondition[] };

/** The leaves that hold whenever the condition holds. */
export function mustHold(condition: Condition): LeafCondition[] {
  if ('all' in condition) return condition.all.flatMap(mustHold);
  if ('any' in condition) return condition.any.length === 1 ? mustHold(condition.any[0]!) : [];
  if ('not' in condition) return [];
  return [condition];
}

type Scalar = string | number | boolean;

/** Whether a present value of the fact passes the leaf (json-rules-engine's semantics, as compile.ts has them). */
function passes(leaf: LeafCondition, value: Scalar): boolean {
  const expected = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return value === expected;
    case 'notEqual':
      return value !== expected;
    case 'lessThan':
      return typeof value === 'number' && value < (expected as number);
    case 'lessThanInclusive':
      return typeof value === 'number' && value <= (expected as number);
    case 'greaterThan':
      return typeof value === 'number' && value > (expected as number);
    case 'greaterThanInclusive':
      return typeof value === 'number' && value >= (expected as number);
    case 'in':
      return Array.isArray(expected) && (expected as Scalar[]).includes(value);
    case 'notIn':
      return Array.isArray(expected) && !(expected as Scalar[]).includes(value);
    case 'contains':
    case 'doesNotContain':
      return true;
  }
}

/** The leaves (all on one fact) that cannot hold together, or null when some value satisfies them all. */
function conflictOnOneFact(leaves: LeafCondition[]): LeafCondition[] | null {
  const fact = factsByName.get(leaves[0]!.fact);
  if (fact?.type === 'enumList') {
    for (const has of leaves.filter((l) => l.operator === 'contains')) {
      const hasNot = leaves.find((l) => l.operator === 'doesNotContain' && l.value === has.value);
      if (hasNot) return [has, hasNot];
    }
    return null;
  }
  // Values that could satisfy the leaves: those named by equal/in, or for numbers the ends of the bounds.
  const candidates = new Set<Scalar>();
  for (const leaf of leaves) {
    if (leaf.operator === 'equal') candidates.add(leaf.value as Scalar);
    if (leaf.operator === 'in' && Array.isArray(leaf.value)) for (const v of leaf.value) candidates.add(v);
  }
  const namesValues = leaves.some((l) => l.operator === 'equal' || l.operator === 'in');
  if (!namesValues) {
    if (fact?.type === 'boolean') {
      candidates.add(true).add(false);
    } else if (fact?.type === 'enum') {
      for (const o of fact.options) candidates.add(o.value);
    } else if (fact?.type === 'number' || leaves.some((l) => typeof l.value === 'number')) {
      return numericConflict(leaves);
    } else {
      return null; // a free string fact: some other string always passes notEqual/notIn
    }
  }
  if ([...candidates].some((value) => leaves.every((leaf) => passes(leaf, value)))) return null;
  return leaves;
}

/** Bounds that leave no number between them (an integer fact needs an integer between them). */
function numericConflict(leaves: LeafCondition[]): LeafCondition[] | null {
  let low: { value: number; strict: boolean; leaf: LeafCondition } | null = null;
  let high: { value: number; strict: boolean; leaf: LeafCondition } | null = null;
  for (const leaf of leaves) {
    if (typeof leaf.value !== 'number') continue;
    const strict = leaf.operator === 'greaterThan' || leaf.operator === 'lessThan';
    if (leaf.operator === 'greaterThan' || leaf.operator === 'greaterThanInclusive') {
      if (!low || leaf.value > low.value || (leaf.value === low.value && strict)) low = { value: leaf.value, strict, leaf };
    }
    if (leaf.operator === 'lessThan' || leaf.operator === 'lessThanInclusive') {
      if (!high || leaf.value < high.value || (leaf.value === high.value && strict)) high = { value: leaf.value, strict, leaf };
    }
  }
  if (!low || !high) return null;
  const fact = factsByName.get(leaves[0]!.fact);
  if (fact?.type === 'number' && fact.integer) {
    const lowest = low.strict ? Math.floor(low.value) + 1 : Math.ceil(low.value);
    const highest = high.strict ? Math.ceil(high.value) - 1 : Math.floor(high.value);
    return lowest > highest ? [low.leaf, high.leaf] : null;
  }
  const empty = low.value > high.value || (low.value === high.value && (low.strict || high.strict));
  return empty ? [low.leaf, high.leaf] : null;
}

/** The first fact on which the leaves contradict each other. */
export function conflictAmong(leaves: readonly LeafCondition[]): LeafCondition[] | null {
  const byFact = new Map<string, LeafCondition[]>();
  for (const leaf of leaves) byFact.set(leaf.fact, [...(byFact.get(leaf.fact) ?? []), leaf]);
  for (const group of byFact.values()) {
    const conflict = group.length > 1 ? conflictOnOneFact(group) : null;
    if (conflict) return conflict;
  }
  return null;
}

/**
 * Where the condition tree contradicts itself: an `all` group whose leaves cannot hold together, or an `any`
 * alternative that the conditions around it rule out. Each contradiction is reported once, where it first appears.
 */
export function findConflicts(root: Condition, path: string): Conflict[] {
  const conflicts: Conflict[] = [];
  const visit = (node: Condition, at: string, around: LeafCondition[]) => {
    if ('not' in node || 'fact' in node) return;
    if ('all' in node) {
      const held = [...around, ...mustHold(node)];
      const conflict = conflictAmong(held);
      if (conflict && !conflictAmong(around)) {
        conflicts.push({ path: at, leaves: conflict });
        return;
      }
      node.all.forEach((child, i) => visit(child, `${at}.all[${i}]`, held));
      return;
    }
    node.any.forEach((alternative, i) => {
      const held = [...around, ...mustHold(alternative)];
      const conflict = conflictAmong(held);
      if (conflict && !conflictAmong(around)) conflicts.push({ path: `${at}.any[${i}]`, leaves: conflict });
      else visit(alternative, `${at}.any[${i}]`, around);
    });
  };
  visit(root, path, []);
  return conflicts;
}

const SYMBOLS: Record<LeafCondition['operator'], string> = {
  equal: '=', notEqual: '≠', lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥',
  in: '∈', notIn: '∉', contains: '含', doesNotContain: '不含',
};

/** A leaf as a short formula: `fixedAssetInvestmentYuan ≥ 100000000`. */
export const formulaOf = (leaf: LeafCondition) =>
  `${leaf.fact} ${SYMBOLS[leaf.operator]} ${Array.isArray(leaf.value) ? `[${leaf.value.join(', ')}]` : String(leaf.value)}`;
