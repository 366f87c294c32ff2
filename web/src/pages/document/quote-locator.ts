/** Finds rule quotes in a document's text and cuts the text into pages of plain and highlighted pieces. */

export type Highlight = { start: number; end: number; ruleId: string };
export type Piece = { text: string; ruleId: string | null; first: boolean };
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

/** Splits the text at its page markers, each page's text into pieces, a highlight spanning pages cut in two. */
export function paginate(text: string, highlights: readonly Highlight[]): Page[] {
  const markers = [...text.matchAll(PAGE_MARKER)];
  const bounds: { number: number | null; start: number; end: number }[] = [];
  if (!markers.length || markers[0]!.index! > 0) bounds.push({ number: null, start: 0, end: markers[0]?.index ?? text.length });
  markers.forEach((m, i) => {
    bounds.push({ number: Number(m[1]), start: m.index! + m[0].length, end: markers[i + 1]?.index ?? text.length });
  });
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  const opened = new Set<string>();
  return bounds
    .filter((b) => b.number !== null || text.slice(b.start, b.end).trim())
    .map(({ number, start, end }) => {
      const pieces: Piece[] = [];
      let at = start;
      for (const h of sorted) {
        // A quote wholly inside another rule's quote still gets an anchor, right after the quote that holds it.
        if (h.end <= at && h.start >= start && !opened.has(h.ruleId)) {
          pieces.push({ text: '', ruleId: h.ruleId, first: true });
          opened.add(h.ruleId);
        }
        if (h.end <= at || h.start >= end) continue;
        const from = Math.max(h.start, at);
        const to = Math.min(h.end, end);
        if (from > at) pieces.push({ text: text.slice(at, from), ruleId: null, first: false });
        pieces.push({ text: text.slice(from, to), ruleId: h.ruleId, first: !opened.has(h.ruleId) });
        opened.add(h.ruleId);
        at = to;
      }
      if (at < end) pieces.push({ text: text.slice(at, end), ruleId: null, first: false });
      return { number, pieces };
    });
}
