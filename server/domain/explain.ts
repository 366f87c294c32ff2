import { FALSE, negate, TRUE, UNKNOWN, type CompiledLeaf, type ConditionShape, type Truth } from './compile.ts';
import type { Operator } from './rule-schema.ts';

/**
 * Explanations read the compiled condition tree with the leaf results of one profile: which leaves decided the outcome,
 * which unanswered facts could still change it, and the whole tree with each node's truth.
 */

/** A leaf on the deciding path; `negated` when it sits under an odd number of `not`s. */
export type DecidingLeaf = { index: number; negated: boolean };

/** Every node's truth, by node id, from the leaf results: one pass, so explanations never recompute a subtree. */
export function nodeTruths(shape: ConditionShape, nodeCount: number, results: readonly Truth[]): Truth[] {
  const truths = new Array<Truth>(nodeCount);
  const visit = (node: ConditionShape): Truth => {
    let value: Truth;
    if (node.kind === 'leaf') value = results[node.index]!;
    else if (node.kind === 'not') value = negate(visit(node.child));
    else {
      const decisive = node.kind === 'all' ? FALSE : TRUE;
      value = node.kind === 'all' ? TRUE : FALSE;
      for (const child of node.children) {
        const childValue = visit(child); // every child, so that each node has its truth
        if (childValue === decisive) value = decisive;
        else if (childValue === UNKNOWN && value !== decisive) value = UNKNOWN;
      }
    }
    truths[node.id] = value;
    return value;
  };
  visit(shape);
  return truths;
}

/**
 * The leaves that decide a node. A holding `all` is decided by every child, a holding `any` by the first alternative
 * that holds; a failing `all` by its first failing child, a failing `any` by all its alternatives. An undecided node
 * keeps what holds so far and what is still open; alternatives that failed are left out.
 */
export function decidingLeaves(shape: ConditionShape, truths: readonly Truth[], negated = false, out: DecidingLeaf[] = []): DecidingLeaf[] {
  if (shape.kind === 'leaf') {
    out.push({ index: shape.index, negated });
    return out;
  }
  if (shape.kind === 'not') return decidingLeaves(shape.child, truths, !negated, out);
  const truth = truths[shape.id]!;
  const decisive = shape.kind === 'all' ? FALSE : TRUE;
  if (truth === decisive) {
    decidingLeaves(shape.children.find((child) => truths[child.id] === decisive)!, truths, negated, out);
  } else if (truth === UNKNOWN) {
    // `all`: what holds and what is open; `any`: only the open alternatives (none holds yet).
    for (const child of shape.children) {
      const value = truths[child.id];
      if (value === UNKNOWN || (shape.kind === 'all' && value === TRUE)) decidingLeaves(child, truths, negated, out);
    }
  } else {
    for (const child of shape.children) decidingLeaves(child, truths, negated, out);
  }
  return out;
}

/** The unanswered leaves whose answers could still change an undecided node (none for a decided one). */
export function openLeaves(shape: ConditionShape, truths: readonly Truth[], out: number[] = []): number[] {
  if (truths[shape.id] !== UNKNOWN) return out;
  if (shape.kind === 'leaf') out.push(shape.index);
  else if (shape.kind === 'not') openLeaves(shape.child, truths, out);
  else for (const child of shape.children) openLeaves(child, truths, out);
  return out;
}

const INVERSE: Readonly<Record<Operator, Operator>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
};

/** A leaf as it reads on its path: under a `not`, the inverse comparison, true where the leaf is false. */
export function leafAsStated(leaf: CompiledLeaf, truth: Truth, negated: boolean): { operator: Operator; truth: Truth } {
  return negated ? { operator: INVERSE[leaf.operator], truth: negate(truth) } : { operator: leaf.operator, truth };
}

export type WhyNode<Leaf> = { all: WhyNode<Leaf>[]; passed: boolean | null } | { any: WhyNode<Leaf>[]; passed: boolean | null } | { not: WhyNode<Leaf>; passed: boolean | null } | Leaf;

export const passedOf = (truth: Truth): boolean | null => (truth === UNKNOWN ? null : truth === TRUE);

/** The whole condition tree, each node with its truth; leaves as `leafOf` writes them. */
export function whyTree<Leaf>(shape: ConditionShape, truths: readonly Truth[], leafOf: (index: number) => Leaf): WhyNode<Leaf> {
  switch (shape.kind) {
    case 'leaf':
      return leafOf(shape.index);
    case 'not':
      return { not: whyTree(shape.child, truths, leafOf), passed: passedOf(truths[shape.id]!) };
    case 'all':
      return { all: shape.children.map((c) => whyTree(c, truths, leafOf)), passed: passedOf(truths[shape.id]!) };
    case 'any':
      return { any: shape.children.map((c) => whyTree(c, truths, leafOf)), passed: passedOf(truths[shape.id]!) };
  }
}
