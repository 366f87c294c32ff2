import { diffLines } from 'diff';
import { ruleObjectSchema } from './rule-schema.ts';

/**
 * A readable difference between two versions of a rule: which top-level fields changed, and the changed lines of
 * their canonical JSON (the rule's fields in the rule file's order, every object below in key order, two-space
 * indent), with a few lines of context. Canonical text makes a diff show content, never key order.
 */

const FIELD_ORDER = Object.keys(ruleObjectSchema.shape);

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedDeep((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The rule's fields in rule-file order (unknown fields last, by name), everything below them sorted by key. */
export function canonicalRule(rule: unknown): unknown {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return sortedDeep(rule);
  const record = rule as Record<string, unknown>;
  const rank = (key: string) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortedDeep(record[key])]));
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
