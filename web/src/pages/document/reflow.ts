/**
 * The printed line breaks of a document's text that fall inside a sentence. The compilation breaks lines at the page's
 * width (and, where its text was extracted in pieces, sooner): a line that does not end a sentence runs on into the
 * next one unless it is short, as headings, signatures and dates are. Breaks before a clause or an item always stay.
 */

/** Closing marks that may follow the end of a sentence: "。”" ends a sentence too. */
const CLOSERS = /[”’）)」』》\]]+$/;
const SENTENCE_END = /[。！？；：!?;:]$/;
const RUNS_ON = /[，、,（(《“‘「—-]$/;
/** A number at a line's end and its unit on the next: "每年安排200 / 万元专项资金". */
const NUMBER_END = /\d$/;
const UNIT_START = /^\s*(万|亿|元|%|％|个|件|项|家|人|年|月|日|倍|平方米|千瓦|公里)/;
/** Characters a line never starts with unless it continues the previous one. */
const CONTINUES = /^[，、。；：！？）)》”’」』,.;:!?%％]/;
/** Clause, item and heading starts: 第三条, 第二章, （一）, 一、, 1．, (1), ①, 附件. */
const ITEM_START = /^\s*(第[一二三四五六七八九十百零〇\d]+[条章节款项部分]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[①-⑳]|附件|# Page )/;

/** How wide a full printed line is: most lines of the text that are not short are about this long. */
function fullWidth(lengths: number[]): number {
  const sorted = lengths.filter((n) => n > 0).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length * 0.9)]! : 0;
}

/**
 * The text with each line break that falls inside a sentence replaced by "\0" (or by a space between two latin words),
 * so that every other character keeps its index: highlights found in the text still apply.
 */
export function markJoins(text: string): string {
  const lines = text.split('\n');
  const width = fullWidth(lines.map((l) => l.trimEnd().length));
  let out = '';
  lines.forEach((line, i) => {
    out += line;
    if (i === lines.length - 1) return;
    const next = lines[i + 1]!;
    out += joins(line.trimEnd(), next, width) ? (/[A-Za-z0-9]$/.test(line.trimEnd()) && /^[A-Za-z0-9]/.test(next) ? ' ' : '\0') : '\n';
  });
  return out;
}

function joins(line: string, next: string, width: number): boolean {
  if (!line || !next.trim() || ITEM_START.test(next) || line.startsWith('# Page ')) return false;
  if (SENTENCE_END.test(line.replace(CLOSERS, '')) && !CONTINUES.test(next)) return false;
  return CONTINUES.test(next) || RUNS_ON.test(line) || (NUMBER_END.test(line) && UNIT_START.test(next)) || line.length >= width / 2;
}

/** A slice of a text marked by markJoins, as it reads: the joined breaks gone. */
export const reflowed = (marked: string, start: number, end: number) => marked.slice(start, end).replaceAll('\0', '');
