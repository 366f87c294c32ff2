/** Reading one spreadsheet cell as a fact value: numbers with their unit, yes/no, options by value or label, lists. */

/** A cell as a sheet reader gives it: text from CSV; text, numbers, booleans or dates from XLSX. */
export type Cell = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (message: string): CellResult<never> => ({ ok: false, message });

/** Text people compare by: full-width forms folded (NFKC), spaces and quotation marks dropped, lower case. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s"'“”‘’「」『』]/g, '').toLowerCase();
}

export const cellText = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

export const isBlank = (cell: Cell): boolean => cellText(cell) === '' || /^[-—–/]$/.test(cellText(cell));

export type MoneyUnit = '元' | '万元' | '亿元';
export const YUAN_PER: Record<MoneyUnit, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** Yuan to the fen: 100.1 万元 is 1001000, not 1001000.0000000001. */
const toFen = (yuan: number) => Math.round(yuan * 100) / 100;

/** Decimal numbers, and the exponent form Excel saves large ones in (1.5E+08). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A plain number: thousands separators and exponents allowed, nothing else. */
export function readNumber(cell: Cell): CellResult<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad('应为数字 (must be a number)');
  const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '');
  if (!NUMBER.test(text)) return bad(`应为数字 (must be a number): ${cellText(cell)}`);
  return ok(Number(text));
}

/**
 * Money in yuan: the number in the column's unit, or with its own unit written in the cell ("100万元", "100万元人民币",
 * "3亿"). Amounts in a foreign currency are refused: converting them needs a rate and a date nobody gave.
 */
export function readMoney(cell: Cell, columnUnit: MoneyUnit | null): CellResult<number> {
  if (typeof cell === 'number') {
    if (!columnUnit) return bad('列名未注明金额单位，请写明（元）或（万元） (the column must say its unit: 元 or 万元)');
    return Number.isFinite(cell) ? ok(toFen(cell * YUAN_PER[columnUnit])) : bad('应为数字 (must be a number)');
  }
  const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '');
  if (/美元|港元|港币|欧元|日元|英镑|澳门元|usd|hkd|eur|\$/i.test(text)) {
    return bad(`外币金额无法换算，请换算为人民币后填写 (foreign currency; convert to yuan first): ${cellText(cell)}`);
  }
  const match = /^(.*?)(亿元|万元|亿|万|元)?(人民币)?$/.exec(text)!;
  const [, digits, written] = match;
  const unit: MoneyUnit | null = written ? ({ 亿: '亿元', 万: '万元' } as Record<string, MoneyUnit>)[written] ?? (written as MoneyUnit) : columnUnit;
  if (!NUMBER.test(digits!)) return bad(`应为金额 (must be an amount): ${cellText(cell)}`);
  if (!unit) return bad('列名未注明金额单位，请写明（元）或（万元） (the column must say its unit: 元 or 万元)');
  return ok(toFen(Number(digits) * YUAN_PER[unit]));
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有', '对']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不是']);

export function readBoolean(cell: Cell): CellResult<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = comparable(cellText(cell));
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`应为“是”或“否” (must be yes or no): ${cellText(cell)}`);
}

export type OptionLike = { readonly value: string; readonly label: { readonly zh: string; readonly en: string } };

/** Each option list's values by every way of writing them, built once per list. */
const optionIndexes = new WeakMap<readonly OptionLike[], Map<string, string>>();

function optionIndex(options: readonly OptionLike[]): Map<string, string> {
  let index = optionIndexes.get(options);
  if (!index) {
    index = new Map();
    for (const o of options) for (const written of [o.value, o.label.zh, o.label.en]) if (!index.has(comparable(written))) index.set(comparable(written), o.value);
    optionIndexes.set(options, index);
  }
  return index;
}

/** An option by its value (`small_scale`), its Chinese label (小规模纳税人) or its English label. */
export function readOption(text: string, options: readonly OptionLike[]): CellResult<string> {
  const found = optionIndex(options).get(comparable(text));
  if (found !== undefined) return ok(found);
  return bad(`应为以下之一 (must be one of): ${options.map((o) => o.label.zh).join('、')}；实为 (got) ${text}`);
}

/**
 * The values of a list cell, separated by 、 , ; | or a line break. A separator inside brackets belongs to the value:
 * "生产性服务业（邮政、电信……）" is one option.
 */
export function splitList(text: string): string[] {
  if (!/[、,，;；|\n]/.test(text)) return text.trim() === '' ? [] : [text.normalize('NFKC').trim()];
  const values: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.normalize('NFKC')) {
    if ('(（[【'.includes(char)) depth++;
    if (')）]】'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、,;|\n'.includes(char)) {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

/** A date as a sheet gives it: a date cell, 2015-03-12, 2015/3/12, 2015.3.12 or 2015年3月12日. */
export function readDate(cell: Cell): CellResult<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad('日期无效 (invalid date)') : ok(cell.toISOString().slice(0, 10));
  const text = cellText(cell).normalize('NFKC');
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s.*)?$/.exec(text);
  if (!match) return bad(`日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD): ${cellText(cell)}`);
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return bad(`日期不存在 (no such date): ${text}`);
  return ok(iso);
}

/** Years from `from` to `to` (ISO dates): whole years, plus the part of the year since the last anniversary, to 0.01. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty] = to.split('-').map(Number) as [number];
  const anniversary = (year: number) => `${year}-${String(fm).padStart(2, '0')}-${String(fd).padStart(2, '0')}`;
  let whole = ty - fy;
  if (anniversary(ty) > to) whole--;
  const last = Date.UTC(fy + whole, fm - 1, fd);
  const next = Date.UTC(fy + whole + 1, fm - 1, fd);
  const part = (Date.parse(`${to}T00:00:00Z`) - last) / (next - last);
  return Math.floor((whole + part) * 100) / 100;
}
