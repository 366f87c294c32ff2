/** A screening's results as files: CSV (one table, streamed a batch at a time) or XLSX (both tables, one sheet each). */
import { APPLICANT_HEADER, BENEFIT_HEADER, type ExportCell } from '../domain/screening/export-rows.ts';
import { writeCsv, writeCsvRows } from './csv.ts';
import { UploadRefused } from './limits.ts';
import type { Screenings } from './service.ts';
import { writeXlsx } from './xlsx.ts';

export type ExportTableName = 'applicants' | 'benefits';

const HEADERS: Record<ExportTableName, string[]> = { applicants: APPLICANT_HEADER, benefits: BENEFIT_HEADER };

/** A worksheet holds at most 1,048,576 rows. */
const XLSX_MAX_ROWS = 1_048_575;

export function exportCsv(screenings: Screenings, id: number, table: ExportTableName): ReadableStream<Uint8Array> {
  const batches = screenings.exportBatches(id);
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(writeCsv(HEADERS[table], [])));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(writeCsvRows(next.value[table].rows)));
    },
  });
}

export async function exportXlsx(screenings: Screenings, id: number): Promise<Buffer> {
  const applicants: ExportCell[][] = [];
  const benefits: ExportCell[][] = [];
  for (const batch of screenings.exportBatches(id)) {
    applicants.push(...batch.applicants.rows);
    benefits.push(...batch.benefits.rows);
    if (benefits.length > XLSX_MAX_ROWS) throw new UploadRefused('政策明细超过 XLSX 的行数上限，请改用 CSV 导出 (too many rows for XLSX; export as CSV)', 413);
  }
  return writeXlsx([
    { name: '申请人', header: APPLICANT_HEADER, rows: applicants },
    { name: '政策明细', header: BENEFIT_HEADER, rows: benefits },
  ]);
}
