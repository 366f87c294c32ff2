import type { Amount } from './rule-schema.ts';

/**
 * Whether an amount's figures are written in its quote: 1000万元 as "1000万", "1000 万元" or "一千万元", 1% as "1%" or
 * "百分之一". A figure the quote does not show may be a typing error, or one worked out from the text (a monthly sum
 * made yearly): worth a second look, not wrong.
 */

export type Figure = { path: string; kind: 'yuan' | 'rate'; value: number };

/** The money and rates an amount pays (thresholds such as tier bounds are conditions, not figures paid). */
export function figuresOf(amount: Amount): Figure[] {
  const figures: Figure[] = [];
  const yuan = (path: string, value: number | undefined) => value !== undefined && value > 0 && figures.push({ path, kind: 'yuan', value });
  const rate = (path: string, value: number | undefined) => value !== undefined && figures.push({ path, kind: 'rate', value });
  switch (amount.kind) {
    case 'fixed':
      yuan('yuan', amount.yuan);
      break;
    case 'rate':
      rate('rate', amount.rate);
      yuan('capYuan', amount.capYuan);
      yuan('minYuan', amount.minYuan);
      break;
    case 'tiered':
      amount.tiers.forEach((tier, i) => (rate(`tiers[${i}].rate`, tier.rate), yuan(`tiers[${i}].yuan`, tier.yuan)));
      yuan('capYuan', amount.capYuan);
      break;
    case 'perItem':
      yuan('yuan', amount.yuan);
      yuan('capYuan', amount.capYuan);
      break;
    case 'multiYear':
      amount.years.forEach((year, i) => (rate(`years[${i}].rate`, year.rate), yuan(`years[${i}].yuan`, year.yuan)));
      yuan('capYuan', amount.capYuan);
      break;
    case 'text':
      yuan('upToYuan', amount.upToYuan);
      break;
  }
  return figures;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral below ten thousand ("一千五百", "二十", "十") as a number, or null. */
function chineseNumber(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char in UNITS) {
      total += (digit ?? 1) * UNITS[char]!;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** The quote with its numbers in one form: ASCII digits, no spaces or thousands separators, Chinese numerals as digits. */
export function normaliseFigures(quote: string): string {
  return quote
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(\d),(?=\d{3})/g, '$1')
    .replace(/百分之([零〇一二两三四五六七八九十]+)/g, (whole, n: string) => `${chineseNumber(n) ?? whole}%`)
    .replace(/减半/g, '减半50%')
    .replace(/[零〇一二两三四五六七八九十百千]+(?=[万亿元%倍个项件年])/g, (n) => String(chineseNumber(n) ?? n));
}

const plain = (n: number) => String(Number(n.toFixed(6)));

/** The ways a figure is written: 10000000 as 10000000, 1000万, 0.1亿; 0.015 as 1.5%. */
export function writtenForms(figure: Figure): string[] {
  if (figure.kind === 'rate') {
    const percent = plain(figure.value * 100);
    const tenths = figure.value * 10;
    return [`${percent}%`, ...(Number.isInteger(Number(tenths.toFixed(6))) ? [`${plain(tenths)}成`] : [])];
  }
  const v = figure.value;
  const forms = [`${plain(v)}元`];
  if (v >= 1000) forms.push(`${plain(v / 1000)}千`);
  if (v >= 1e4) forms.push(`${plain(v / 1e4)}万`);
  if (v >= 1e7) forms.push(`${plain(v / 1e8)}亿`);
  return forms;
}

/** Whether the normalised quote shows one of the forms, not as the tail of a longer number (11万 is not 1万). */
function shows(normalised: string, form: string): boolean {
  for (let at = normalised.indexOf(form); at >= 0; at = normalised.indexOf(form, at + 1)) {
    if (!/[\d.]/.test(normalised[at - 1] ?? '')) return true;
  }
  return false;
}

/** The amount's figures that its quote does not show in any usual form. */
export function figuresMissingFrom(amount: Amount, quote: string): Figure[] {
  const normalised = normaliseFigures(quote);
  return figuresOf(amount).filter((figure) => !writtenForms(figure).some((form) => shows(normalised, form)));
}
