import { factIndex, type FactVector } from './facts/index.ts';
import type { Condition, LeafCondition } from './rule-schema.ts';

/** Three-valued truth: a condition on a fact the profile does not give is UNKNOWN. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

type LeafTest = (value: unknown) => boolean;

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** The comparison of each operator, as json-rules-engine defines it, for a value that is present. */
function leafTest(leaf: LeafCondition): LeafTest {
  const expected = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return (v) => v === expected;
    case 'notEqual':
      return (v) => v !== expected;
    case 'lessThan':
      return (v) => isNumber(v) && v < (expected as number);
    case 'lessThanInclusive':
      return (v) => isNumber(v) && v <= (expected as number);
    case 'greaterThan':
      return (v) => isNumber(v) && v > (expected as number);
    case 'greaterThanInclusive':
      return (v) => isNumber(v) && v >= (expected as number);
    case 'in': {
      const set = new Set(expected as unknown[]);
      return (v) => set.has(v);
    }
    case 'notIn': {
      const set = new Set(expected as unknown[]);
      return (v) => !set.has(v);
    }
    case 'contains':
      return (v) => Array.isArray(v) && v.includes(expected);
    case 'doesNotContain':
      return (v) => Array.isArray(v) && !v.includes(expected);
  }
}

/**
 * A leaf as a closure over its fact's position. Equality, the most frequent test (region, yes/no facts), is written
 * out so that the hot path makes no further call; the other operators go through their test. (Writing out more
 * operators measured slower: the tree's call sites then see too many closure shapes.)
 */
function leafEvaluator(leaf: LeafCondition, position: number): (facts: FactVector) => Truth {
  if (leaf.operator === 'equal') {
    const expected = leaf.value;
    return (facts) => {
      const value = facts[position];
      return value === undefined ? UNKNOWN : value === expected ? TRUE : FALSE;
    };
  }
  const test = leafTest(leaf);
  return (facts) => {
    const value = facts[position];
    return value === undefined ? UNKNOWN : test(value) ? TRUE : FALSE;
  };
}

export type CompiledLeaf = LeafCondition & { evaluate: (facts: FactVector) => Truth };

/** The condition tree's shape over leaf indexes: what explanations walk. */
export type ConditionShape = { id: number } & (
  | { kind: 'all' | 'any'; children: readonly ConditionShape[] }
  | { kind: 'not'; child: ConditionShape }
  | { kind: 'leaf'; index: number }
);

/** A rule's conditions prepared once: each leaf a closure, and the and/or/not tree over leaf results. */
export type CompiledConditions = {
  leaves: readonly CompiledLeaf[];
  /** The tree over leaf indexes; node ids run 0 … nodeCount-1 (for per-node arrays such as nodeTruths). */
  shape: ConditionShape;
  nodeCount: number;
  /** Evaluates straight from the facts: the hot path. */
  evaluate: (facts: FactVector) => Truth;
  /** Combines given leaf results (for explanations and near-miss what-ifs). */
  combine: (leafResults: readonly Truth[]) => Truth;
};

type Node = { fromFacts: (facts: FactVector) => Truth; fromResults: (results: readonly Truth[]) => Truth; shape: ConditionShape };

/**
 * `all` is decided by the first FALSE, `any` by the first TRUE; otherwise UNKNOWN if any child is unknown.
 * The two loops are written out (not one fold with a callback) because this is the hot path of every match.
 */
function group(id: number, kind: 'all' | 'any', children: Node[], decisive: Truth, otherwise: Truth): Node {
  return {
    shape: { id, kind, children: children.map((child) => child.shape) },
    fromFacts(facts) {
      let result = otherwise;
      for (const child of children) {
        const value = child.fromFacts(facts);
        if (value === decisive) return decisive;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    },
    fromResults(results) {
      let result = otherwise;
      for (const child of children) {
        const value = child.fromResults(results);
        if (value === decisive) return decisive;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    },
  };
}

export const negate = (value: Truth): Truth => (value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE);

export function compileConditions(root: Condition): CompiledConditions {
  const leaves: CompiledLeaf[] = [];
  let nodeCount = 0;
  const build = (condition: Condition): Node => {
    if ('all' in condition) return group(nodeCount++, 'all', condition.all.map(build), FALSE, TRUE);
    if ('any' in condition) return group(nodeCount++, 'any', condition.any.map(build), TRUE, FALSE);
    if ('not' in condition) {
      const inner = build(condition.not);
      const shape: ConditionShape = { id: nodeCount++, kind: 'not', child: inner.shape };
      return { fromFacts: (f) => negate(inner.fromFacts(f)), fromResults: (r) => negate(inner.fromResults(r)), shape };
    }
    const position = factIndex.get(condition.fact);
    if (position === undefined) throw new Error(`unknown fact "${condition.fact}"`);
    const evaluate = leafEvaluator(condition, position);
    const index = leaves.push({ ...condition, evaluate }) - 1;
    return { fromFacts: evaluate, fromResults: (results) => results[index]!, shape: { id: nodeCount++, kind: 'leaf', index } };
  };
  const tree = build(root);
  return { leaves, shape: tree.shape, nodeCount, evaluate: tree.fromFacts, combine: tree.fromResults };
}
