/**
 * Bounds on a JSON value as given, checked without recursion before any recursive code sees it: SQLite's JSON
 * functions refuse values nested 1,000 levels deep ("malformed JSON"), and JSON.stringify and recursive schemas
 * overflow the call stack a few thousand levels down.
 */

export type JsonLimits = {
  /** Nesting of arrays and objects; the value itself is level 1. */
  depth: number;
  /** Arrays, objects and scalars, counted together. */
  nodes?: number;
  /** Characters of every string and key, counted together. */
  chars?: number;
};

/** Every JSON request body: deeper than anything a route accepts (a rule's conditions nest 12 levels, ~26 in JSON). */
export const REQUEST_JSON_LIMITS: JsonLimits = { depth: 64 };

/** A rule as stored, drafts included: far above the largest shipped rule (depth 9, ~7,000 characters). */
export const RULE_JSON_LIMITS: Required<JsonLimits> = { depth: 32, nodes: 20_000, chars: 200_000 };

export type JsonLimitIssue = { path: (string | number)[]; message: string };

type Entry = { value: unknown; depth: number; key: string | number | null; parent: Entry | null };

const pathOf = (entry: Entry): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let e: Entry | null = entry; e && e.key !== null; e = e.parent) path.push(e.key);
  return path.reverse();
};

/** The first limit `value` exceeds, with the path where it does; none when it is within every limit. */
export function jsonLimitIssues(value: unknown, limits: JsonLimits): JsonLimitIssue[] {
  const stack: Entry[] = [{ value, depth: 1, key: null, parent: null }];
  let nodes = 0;
  let chars = 0;
  while (stack.length) {
    const entry = stack.pop()!;
    const { value: node, depth } = entry;
    if (limits.nodes !== undefined && ++nodes > limits.nodes) {
      return [{ path: pathOf(entry), message: `内容过多，最多 ${limits.nodes} 项 (more than ${limits.nodes} values)` }];
    }
    if (typeof node === 'string') chars += node.length;
    if (limits.chars !== undefined && chars > limits.chars) {
      return [{ path: pathOf(entry), message: `文字过长，合计最多 ${limits.chars} 字 (more than ${limits.chars} characters in all)` }];
    }
    if (!node || typeof node !== 'object') continue;
    if (depth > limits.depth) {
      return [{ path: pathOf(entry), message: `嵌套过深，最多 ${limits.depth} 层 (nested deeper than ${limits.depth} levels)` }];
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], depth: depth + 1, key: i, parent: entry });
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      chars += keys[i]!.length;
      stack.push({ value: (node as Record<string, unknown>)[keys[i]!], depth: depth + 1, key: keys[i]!, parent: entry });
    }
  }
  return [];
}

/**
 * How deep the JSON text nests, read without parsing it (strings skipped), stopping once past `limit`: cheap enough to
 * run on every request body.
 */
export function jsonTextDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
