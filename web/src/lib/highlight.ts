/** Search terms found in a text, for showing them highlighted. */

export type Run = { text: string; hit: boolean };

/** The words of a search, longest first (so that a longer term wins where two overlap). */
export const searchTerms = (query: string | null | undefined) =>
  [...new Set((query ?? '').trim().split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text cut into runs, the terms' occurrences marked (case-insensitive). */
export function highlight(text: string, terms: readonly string[]): Run[] {
  if (!terms.length || !text) return [{ text, hit: false }];
  const pattern = new RegExp(terms.map(escape).join('|'), 'gi');
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), hit: false });
    runs.push({ text: match[0], hit: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), hit: false });
  return runs;
}

/** Up to `width` characters around the first occurrence of a term, with ellipses where cut; null when none occurs. */
export function snippet(text: string, terms: readonly string[], width = 60): string | null {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return null;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
