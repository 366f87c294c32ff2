/** An uploaded sheet as rows of cells, with what the screening records of the file: its format, encoding and hash. */
import { createHash } from 'node:crypto';
import type { Cell } from '../domain/screening/cells.ts';
import { parseCsvInto } from './csv.ts';
import { decodeText, type TextEncoding } from './decode.ts';
import { refusals, UploadRefused, type ImportLimits } from './limits.ts';
import { isLegacyXls, isZip, readXlsx } from './xlsx.ts';

export type UploadedFile = {
  format: 'csv' | 'xlsx';
  /** The text encoding of a CSV; XLSX is always UTF-8 inside. */
  encoding: TextEncoding | 'XLSX';
  sha256: string;
  bytes: number;
};

/** Reads a CSV or XLSX upload, by its content (not its file name), handing each row to `onRow` in order. */
export async function readUploadInto(bytes: Uint8Array, limits: ImportLimits, onRow: (cells: Cell[]) => void): Promise<UploadedFile> {
  if (bytes.byteLength > limits.maxFileBytes) throw refusals.fileTooLarge(limits);
  if (bytes.byteLength === 0) throw new UploadRefused('文件为空 (the file is empty)');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isLegacyXls(bytes)) throw new UploadRefused('不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV (legacy .xls is not supported: save as .xlsx or CSV)');
  if (isZip(bytes)) {
    for (const row of await readXlsx(bytes, limits)) onRow(row);
    return { format: 'xlsx', encoding: 'XLSX', sha256, bytes: bytes.byteLength };
  }
  const { text, encoding } = decodeText(bytes);
  parseCsvInto(text, limits, onRow);
  return { format: 'csv', encoding, sha256, bytes: bytes.byteLength };
}

/** The same, with the rows kept. */
export async function readUpload(bytes: Uint8Array, limits: ImportLimits): Promise<UploadedFile & { rows: Cell[][] }> {
  const rows: Cell[][] = [];
  const file = await readUploadInto(bytes, limits, (row) => rows.push(row));
  return { ...file, rows };
}
