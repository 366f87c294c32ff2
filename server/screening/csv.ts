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
 * The records of a CSV text, a record being a sheet row (a quoted cell may hold line breaks). Reading stops a little
 * after `maxRows`, so a huge file is refused without being read to its end.
 */
export function parseCsv(text: string, limits: ImportLimits): string[][] {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: limits.maxRows + 12,
      max_record_size: limits.maxColumns * limits.maxCellChars,
    });
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new UploadRefused(`CSV 格式有误${where ? `（约第 ${where} 行）` : ''} (malformed CSV): ${(error as Error).message.slice(0, 200)}`);
  }
  checkShape(records, limits);
  return records;
}

/** Rows, columns and cell lengths within the limits (shared by CSV and XLSX). */
export function checkShape(rows: readonly (readonly unknown[])[], limits: ImportLimits): void {
  let dataRows = -1; // the header is not an applicant
  for (const [r, row] of rows.entries()) {
    if (row.length > limits.maxColumns && row.slice(limits.maxColumns).some((c) => c !== null && c !== '')) {
      throw refusals.tooManyColumns(row.length, limits);
    }
    let blank = true;
    if (typeof row[0] === 'string' && row[0].startsWith('#')) continue; // a note row, as in the template
    for (const [c, cell] of row.entries()) {
      if (typeof cell === 'string' && cell.length > limits.maxCellChars) throw refusals.cellTooLong(r + 1, c + 1, limits);
      if (cell !== null && cell !== '') blank = false;
    }
    if (!blank && ++dataRows > limits.maxRows) throw refusals.tooManyRows(limits);
  }
}

/** CSV text with a BOM; cells beginning with = + - @ (or a tab, CR, or their full-width forms) get a leading '. */
export function writeCsv(header: readonly string[], rows: readonly ExportCell[][]): string {
  return stringify([header, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

/** More rows of a CSV begun with `writeCsv`, escaped the same way. */
export function writeCsvRows(rows: readonly ExportCell[][]): string {
  return stringify(rows as ExportCell[][], { escape_formulas: true, record_delimiter: 'windows' });
}
