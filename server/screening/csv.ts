/** CSV in and out: rows of text cells; written with a BOM so that Excel on Windows reads the Chinese as UTF-8. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ExportCell } from '../domain/screening/export-rows.ts';
import { refusals, UploadRefused, type ImportLimits } from './limits.ts';

/** Excel's "Unicode 文本" is tab-separated; everything else here is comma-separated. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * The records of a CSV text, each handed to `onRow` as it is read and not kept (a record is a sheet row; a quoted
 * cell may hold line breaks). Each is checked against the limits as it comes, so a huge file is refused early.
 */
export function parseCsvInto(text: string, limits: ImportLimits, onRow: (cells: string[]) => void): void {
  const shape = new ShapeCheck(limits);
  try {
    parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxColumns * limits.maxCellChars,
      on_record: (record: string[]) => {
        shape.check(record);
        onRow(record);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    const where = (error as { lines?: number }).lines;
    throw new UploadRefused(`CSV 格式有误${where ? `（约第 ${where} 行）` : ''} (malformed CSV): ${(error as Error).message.slice(0, 200)}`);
  }
}

/** Rows, columns and cell lengths within the limits, a row at a time (shared by CSV and XLSX). */
export class ShapeCheck {
  #rows = 0;
  /** Rows with something in them, the header included. */
  #filled = 0;

  constructor(private readonly limits: ImportLimits) {}

  check(row: readonly unknown[]): void {
    const { limits } = this;
    this.#rows++;
    if (row.length > limits.maxColumns && row.slice(limits.maxColumns).some((c) => c !== null && c !== '')) {
      throw refusals.tooManyColumns(row.length, limits);
    }
    if (typeof row[0] === 'string' && row[0].startsWith('#')) return; // a note row, as in the template
    let blank = true;
    for (const [c, cell] of row.entries()) {
      if (typeof cell === 'string' && cell.length > limits.maxCellChars) throw refusals.cellTooLong(this.#rows, c + 1, limits);
      if (cell !== null && cell !== '') blank = false;
    }
    // The header is not an applicant.
    if (!blank && ++this.#filled > limits.maxRows + 1) throw refusals.tooManyRows(limits);
  }
}

const FORMULA_AFTER_BREAK = /([\r\n])(?=[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * How every CSV the app writes is written. A cell holding CR, LF, a quote or the separator is quoted (csv-stringify
 * quotes only the record delimiter itself, CRLF, so a bare CR or LF would end the record in some readers and start a
 * new one with whatever follows). Cells beginning with = + - @ (or a tab, CR, or their full-width forms) get a
 * leading ', and so does any line of a cell that begins so: a spreadsheet may show each line as a cell of its own.
 */
export const SAFE_CSV = {
  escape_formulas: true,
  quote_record_delimiter: true,
  record_delimiter: 'windows',
  cast: { string: (value: string) => value.replace(FORMULA_AFTER_BREAK, "$1'") },
} as const;

/** CSV text with a BOM, written as `SAFE_CSV` says. */
export function writeCsv(header: readonly string[], rows: readonly ExportCell[][]): string {
  return stringify([header, ...rows], { ...SAFE_CSV, bom: true });
}

/** More rows of a CSV begun with `writeCsv`, escaped the same way. */
export function writeCsvRows(rows: readonly ExportCell[][]): string {
  return stringify(rows as ExportCell[][], SAFE_CSV);
}
