/** Finds rule quotes in a document's text and cuts the text into pages of plain text, highlights and rule tags. */
import { markJoins, reflowed } from './reflow.ts';

export type Highlight = { start: number; end: number; ruleId: string };
export type Piece =
  | { kind: 'text'; text: string }
  /** `anchor`: the first piece of a rule's quote, the target of links to it. */
  | { kind: 'mark'; text: string; ruleId: string; anchor: boolean }
  /** A link to the rule, where its quote ends (never inside a word); `anchor` when its quote has no piece of its own. */
  | { kind: 'tag'; ruleId: string; anchor: boolean };
export type Page = { number: number | null; pieces: Piece[] };

const PAGE_MARKER = /^# Page (\d+):[^\S\n]*\n?/gm;

/** The text without whitespace, with the index in the original text of every kept character. */
function squeeze(text: string): { squeezed: string; positions: number[] } {
  let squeezed = '';
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    squeezed += text[i];
    positions.push(i);
  }
  return { squeezed, positions };
}

/**
 * Where a quote stands in the text: the text breaks lines (and sometimes spaces) where the quote does not, so both
 * are compared without whitespace; page markers inside the quoted span are skipped as well.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const withoutMarkers = text.replace(PAGE_MARKER, (m) => ' '.repeat(m.length));
  const { squeezed, positions } = squeeze(withoutMarkers);
  const needle = quote.replace(/\s+/g, '');
  if (!needle) return null;
  const at = squeezed.indexOf(needle);
  if (at < 0) return null;
  return { start: positions[at]!, end: positions[at + needle.length - 1]! + 1 };
}

/** A place a tag may stand: after punctuation, before a line break or a space, or at the end. */
const BOUNDARY_BEFORE = /[。；！？，、：）)」”』》.;!?,:]/;

/** The first place at or after `end` that is not inside a word. */
export function boundaryAfter(text: string, end: number): number {
  for (let i = end; i < text.length; i++) {
    if (BOUNDARY_BEFORE.test(text[i - 1]!) || /\s/.test(text[i]!)) return i;
  }
  return text.length;
}

/** Parts of highlights that no earlier-starting highlight already covers: one highlight per character. */
function segmentsOf(highlights: readonly Highlight[]): Highlight[] {
  const segments: Highlight[] = [];
  let covered = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    const start = Math.max(h.start, covered);
    if (start >= h.end) continue;
    segments.push({ start, end: h.end, ruleId: h.ruleId });
    covered = h.end;
  }
  return segments;
}

/**
 * Splits the text at its page markers and each page into pieces: a highlight spanning pages is cut in two, printed
 * line breaks inside sentences are joined, and each rule gets a tag where its quote ends.
 */
export function paginate(text: string, highlights: readonly Highlight[]): Page[] {
  const marked = markJoins(text);
  const markers = [...text.matchAll(PAGE_MARKER)];
  const bounds: { number: number | null; start: number; end: number }[] = [];
  if (!markers.length || markers[0]!.index! > 0) bounds.push({ number: null, start: 0, end: markers[0]?.index ?? text.length });
  markers.forEach((m, i) => bounds.push({ number: Number(m[1]), start: m.index! + m[0].length, end: markers[i + 1]?.index ?? text.length }));
  const pages = bounds.filter((b) => b.number !== null || text.slice(b.start, b.end).trim());

  const segments = segmentsOf(highlights);
  const withPiece = new Set(segments.map((s) => s.ruleId));
  // Each tag stands in the page its quote ends on, at the first boundary after the quote.
  const tags = highlights
    .map((h) => {
      const page = pages.findLast((p) => p.start < h.end) ?? pages[0]!;
      return { at: Math.min(boundaryAfter(text, h.end), page?.end ?? text.length), ruleId: h.ruleId, page };
    })
    .sort((a, b) => a.at - b.at);

  const anchored = new Set<string>();
  return pages.map((page) => {
    const cuts = new Set([page.start, page.end]);
    for (const s of segments) for (const at of [s.start, s.end]) if (at > page.start && at < page.end) cuts.add(at);
    const pageTags = tags.filter((t) => t.page === page);
    for (const t of pageTags) cuts.add(t.at);
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    const addTags = (at: number) => {
      for (const t of pageTags) {
        if (t.at !== at) continue;
        pieces.push({ kind: 'tag', ruleId: t.ruleId, anchor: !withPiece.has(t.ruleId) && !anchored.has(t.ruleId) });
        anchored.add(t.ruleId);
      }
    };
    for (let i = 0; i < points.length - 1; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      if (i === 0) addTags(from);
      const piece = reflowed(marked, from, to);
      const segment = segments.find((s) => s.start <= from && to <= s.end);
      if (segment) {
        pieces.push({ kind: 'mark', text: piece, ruleId: segment.ruleId, anchor: !anchored.has(segment.ruleId) });
        anchored.add(segment.ruleId);
      } else if (piece) pieces.push({ kind: 'text', text: piece });
      addTags(to);
    }
    return { number: page.number, pieces };
  });
}
