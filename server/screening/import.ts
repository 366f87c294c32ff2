/** What a POST /api/screenings brings, read as a new screening's input or as every problem found in it. */
import type { IsoDate } from '../domain/dates.ts';
import type { Profile } from '../domain/profile.ts';
import { applicantKey } from '../domain/screening/applicants.ts';
import { ApplicantRowReader, type RowIssue } from '../domain/screening/rows.ts';
import type { Issue } from '../api/errors.ts';
import type { ImportLimits } from './limits.ts';
import { screeningNameOfFile } from './schemas.ts';
import type { NewScreeningInput } from './service.ts';
import { readUploadInto } from './upload.ts';

export type ImportResult = { ok: true; input: NewScreeningInput } | { ok: false; issues: Issue[] };

/** The issue's path names the sheet row and column: `row 3, 所在市（州）`. */
const issueOf = ({ row, column, message }: RowIssue): Issue => ({
  path: row === null ? 'file' : column === null ? `row ${row}` : `row ${row}, ${column}`,
  message,
});

/** A sheet (CSV or XLSX bytes), every row validated before anything is kept. */
export async function importSheet(upload: { bytes: Uint8Array; fileName: string; name?: string; asOf: IsoDate }, limits: ImportLimits): Promise<ImportResult> {
  const reader = new ApplicantRowReader({ asOf: upload.asOf });
  const sheet = await readUploadInto(upload.bytes, limits, (row) => reader.push(row));
  const reading = reader.finish();
  if (!reading.ok) return { ok: false, issues: reading.issues.map(issueOf) };
  return {
    ok: true,
    input: {
      name: upload.name ?? screeningNameOfFile(upload.fileName),
      asOf: upload.asOf,
      applicants: reading.applicants,
      source: sheet.format,
      file: { name: upload.fileName, sha256: sheet.sha256, encoding: sheet.encoding, bytes: sheet.bytes },
      columns: reading.columns,
      unread: reading.unread,
    },
  };
}

/** Applicants given as JSON (already checked by the request schema): the same applicant twice is refused. */
export function importJson(body: { name: string; asOf: IsoDate; applicants: { name: string; creditCode?: string; profile: Profile }[] }): ImportResult {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  body.applicants.forEach((a, i) => {
    const key = applicantKey({ name: a.name, creditCode: a.creditCode ?? null });
    const earlier = seen.get(key);
    if (earlier === undefined) return void seen.set(key, i);
    issues.push({ path: `applicants.${i}.${a.creditCode ? 'creditCode' : 'name'}`, message: `与 applicants.${earlier} 是同一申请人 (same applicant as applicants.${earlier})` });
  });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    input: {
      name: body.name,
      asOf: body.asOf,
      applicants: body.applicants.map((a) => ({ row: null, name: a.name, creditCode: a.creditCode ?? null, profile: a.profile, notScreened: null })),
      source: 'json',
    },
  };
}
