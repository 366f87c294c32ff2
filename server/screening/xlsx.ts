/**
 * XLSX in and out. An XLSX is a zip: before anything is inflated, the sizes its central directory declares are summed
 * and checked, so a zip bomb is refused without being unpacked. Reading then goes through fflate's unzip, which never
 * writes more than a part's declared size, so a directory that understates its sizes cannot get past the check.
 * read-excel-file builds every row before answering, so the sheet's rows are first counted as it is inflated
 * (xlsx-rows.ts), and a sheet with too many is refused there, at the limit.
 */
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from '../domain/screening/cells.ts';
import type { ExportCell } from '../domain/screening/export-rows.ts';
import { ShapeCheck } from './csv.ts';
import { refusals, UploadRefused, type ImportLimits } from './limits.ts';
import { refuseRowsBeyondLimit } from './xlsx-rows.ts';

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** The old binary .xls (OLE2 compound file). */
export const isLegacyXls = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** The sum of the uncompressed sizes the zip's directory declares, read without inflating anything. */
export function declaredUncompressedBytes(bytes: Uint8Array): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new UploadRefused('XLSX 文件已损坏，无法读取 (the XLSX file is damaged)');
  }
  return total;
}

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<Cell[][]> {
  const declared = declaredUncompressedBytes(bytes);
  if (declared > limits.maxUncompressedBytes) throw refusals.unpacksTooLarge(declared, limits);
  refuseRowsBeyondLimit(bytes, limits);
  let rows: Cell[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = (await readSheet(buffer)) as Cell[][];
  } catch {
    throw new UploadRefused('无法读取 XLSX 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传 (the XLSX file cannot be read)');
  }
  const shape = new ShapeCheck(limits);
  for (const row of rows) shape.check(row);
  return rows;
}

export type XlsxSheet = { name: string; header: readonly string[]; rows: readonly ExportCell[][]; widths?: readonly number[] };

/** An XLSX with one sheet per table; the header row bold. Text cells are written as text, never as formulas. */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map(({ name, header, rows, widths }) => ({
      sheet: name,
      data: [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => value ?? null))],
      columns: header.map((h, i) => ({ width: widths?.[i] ?? Math.min(40, Math.max(10, h.length * 2 + 2)) })),
    })),
  ).toBuffer();
}
