import { diffLines } from 'diff';
import { RULE_JSON_LIMITS } from './json-limits.ts';
import { ruleObjectSchema } from './rule-schema.ts';

/**
 * A readable difference between two versions of a rule: which top-level fields changed, and the changed lines of
 * their canonical JSON (the rule's fields in the rule file's order, every object below in key order, two-space
 * indent), with a few lines of context. Canonical text makes a diff show content, never key order.
 */

const FIELD_ORDER = Object.keys(ruleObjectSchema.shape);

/** Shown in place of what lies deeper than a stored rule may nest (a version stored before the limit, or damaged). */
export const TOO_DEEP = '…（嵌套过深 nested too deep）';

type Slot = Record<string | number, unknown>;

/**
 * A copy with every object's keys sorted, made without recursion and cut at RULE_JSON_LIMITS.depth, so that no stored
 * version, however deep, overflows the call stack here or in JSON.stringify.
 */
function sortedDeep(value: unknown, depth = 1): unknown {
  const root: Slot = {};
  const stack: { source: unknown; target: Slot; key: string | number; depth: number }[] = [{ source: value, target: root, key: 0, depth }];
  while (stack.length) {
    const { source, target, key, depth: level } = stack.pop()!;
    if (!source || typeof source !== 'object') {
      target[key] = source;
    } else if (level > RULE_JSON_LIMITS.depth) {
      target[key] = TOO_DEEP;
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      target[key] = copy;
      source.forEach((item, i) => stack.push({ source: item, target: copy as unknown as Slot, key: i, depth: level + 1 }));
    } else {
      // No prototype: a key named __proto__ stays a plain key, as Object.fromEntries would keep it.
      const copy: Slot = Object.create(null);
      target[key] = copy;
      for (const name of Object.keys(source).sort()) {
        copy[name] = undefined;
        stack.push({ source: (source as Slot)[name], target: copy, key: name, depth: level + 1 });
      }
    }
  }
  return root[0];
}

/** The rule's fields in rule-file order (unknown fields last, by name), everything below them sorted by key. */
export function canonicalRule(rule: unknown): unknown {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return sortedDeep(rule);
  const record = rule as Record<string, unknown>;
  const rank = (key: string) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortedDeep(record[key], 2)]));
}

export const canonicalText = (rule: unknown) => `${JSON.stringify(canonicalRule(rule), null, 2)}\n`;

export type DiffLine = { op: ' ' | '+' | '-'; text: string };
export type RuleDiff = {
  /** Top-level fields added, removed or changed, in rule-file order. */
  fields: string[];
  /** Changed lines with up to `context` lines around them; `{ op: ' ', text: '…' }` marks lines left out. */
  lines: DiffLine[];
};

const GAP: DiffLine = { op: ' ', text: '…' };

export function diffRules(before: unknown, after: unknown, context = 3): RuleDiff {
  const a = (canonicalRule(before) ?? {}) as Record<string, unknown>;
  const b = (canonicalRule(after) ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const fields = keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));

  const all: DiffLine[] = [];
  for (const part of diffLines(canonicalText(before), canonicalText(after))) {
    const op = part.added ? '+' : part.removed ? '-' : ' ';
    for (const text of part.value.replace(/\n$/, '').split('\n')) all.push({ op, text });
  }
  const near = all.map(() => false);
  all.forEach((line, i) => {
    if (line.op === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j++) near[j] = true;
  });
  const lines: DiffLine[] = [];
  all.forEach((line, i) => {
    if (near[i]) lines.push(line);
    else if (lines.at(-1) !== GAP) lines.push(GAP);
  });
  return { fields, lines: fields.length ? lines : [] };
}
