/**
 * Money as people type it and read it. Typed: "3亿", "500万", "1,200万", "3亿5000万", "两亿", "8000元", or a bare number,
 * which a 万元 field reads as 万元. Read: "2亿元", "200万元", "5000元"; in English "CNY 2,000,000 (200万元)".
 * Pure: no state, no language of its own (callers pass it).
 */

/** The unit a person typed an amount in: it is the unit their reasons are worded in. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

export type ParsedMoney =
  | {
      ok: true;
      yuan: number;
      unit: MoneyUnit;
      /** A bare number so large in 万元 that it is almost surely yuan: `asYuan` is that reading. */
      doubtful: { asYuan: number } | null;
    }
  | { ok: false; error: 'number' | 'negative' };

/** In a 万元 field a bare number from this size on (100亿元 when read as 万元) is taken for yuan until confirmed. */
export const DOUBTFUL_WAN = 1_000_000;

const FULL_WIDTH = /[０-９．，－]/g;
const toHalfWidth = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** Chinese digits before a unit, as people write round sums: 两亿, 五百万, 三千万. */
const CHINESE_DIGITS: Record<string, string> = { 零: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const toDigits = (text: string) => text.replace(/[零一二两三四五六七八九](?=[十百千万亿])/g, (c) => CHINESE_DIGITS[c]!);

const SMALL: Record<string, number> = { '': 1, 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { '': 1, 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const SEGMENT = /(\d+(?:\.\d+)?)([十百千]?)(万亿|亿|万|)/y;

/** Reads what was typed in a 万元 field. Digit grouping, full-width digits, spaces and a final 元 are allowed. */
export function parseMoney(typed: string): ParsedMoney {
  const text = toDigits(toHalfWidth(typed))
    .replace(/[,，\s]/g, '')
    .replace(/(人民币|rmb|cny)/gi, '');
  if (text.startsWith('-')) return /\d/.test(text) ? { ok: false, error: 'negative' } : { ok: false, error: 'number' };
  const withoutYuan = text.replace(/元$/, '');
  if (/^\d+(\.\d+)?$/.test(withoutYuan)) {
    const n = Number(withoutYuan);
    // "8000元" says yuan; a bare number is in the field's unit, 万元.
    if (text.endsWith('元')) return { ok: true, yuan: n, unit: 'yuan', doubtful: null };
    return { ok: true, yuan: round(n * 1e4), unit: 'wan', doubtful: n >= DOUBTFUL_WAN ? { asYuan: n } : null };
  }
  let yuan = 0;
  let biggest = 1;
  let previousBig = Infinity;
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < withoutYuan.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(withoutYuan);
    if (!match || match.index !== at) return { ok: false, error: 'number' };
    const big = BIG[match[3]!]!;
    // "3亿5000万" and "3万5千" add up; "3亿5000" (a bare number after a unit) or "5000万3亿" are not readings to trust.
    if (big >= previousBig || (big === 1 && match[2] === '' && at > 0)) return { ok: false, error: 'number' };
    previousBig = big;
    biggest = Math.max(biggest, big);
    yuan += Number(match[1]) * SMALL[match[2]!]! * big;
  }
  if (previousBig === Infinity) return { ok: false, error: 'number' };
  return { ok: true, yuan: round(yuan), unit: biggest >= 1e8 ? 'yi' : biggest >= 1e4 ? 'wan' : 'yuan', doubtful: null };
}

const round = (yuan: number) => Math.round(yuan * 100) / 100;
const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** 200000000 → "2亿元"; 2000000 → "200万元"; 5000 → "5000元". 亿 only where it reads exactly (1.5亿, not 1.2345亿). */
export function chineseYuan(yuan: number): string {
  const size = Math.abs(yuan);
  if (size >= 1e12 && yuan % 1e10 === 0) return `${trim(yuan / 1e12, 2)}万亿元`;
  if (size >= 1e8 && yuan % 1e6 === 0) return `${trim(yuan / 1e8, 2)}亿元`;
  if (size >= 1e4) return `${trim(yuan / 1e4, 4)}万元`;
  return `${trim(yuan, 2)}元`;
}

/** An amount in the unit a person typed: a 万元 answer reads "0.5万元" rather than "5000元". */
export function chineseYuanIn(yuan: number, unit: MoneyUnit): string {
  if (unit === 'yuan') return `${trim(yuan, 2)}元`;
  if (unit === 'yi' && Math.abs(yuan) >= 1e8) return `${trim(yuan / 1e8, 4)}亿元`;
  if (Math.abs(yuan) >= 1e8 && yuan % 1e6 === 0) return chineseYuan(yuan);
  return `${trim(yuan / 1e4, 4)}万元`;
}

/** "CNY 2,000,000 (200万元)": the figure in full for English readers, with the Chinese reading the documents use. */
export function englishYuan(yuan: number, chinese = chineseYuan(yuan)): string {
  const figure = `CNY ${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  return Math.abs(yuan) >= 1e4 || chinese !== `${trim(yuan, 2)}元` ? `${figure} (${chinese})` : figure;
}
