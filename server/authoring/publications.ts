import { stringify } from 'csv-stringify/sync';
import { auditEntries, findAuditEntry, findDocument, findRule, findRuleVersion } from '../../db/authoring.ts';
import type { Db } from '../../db/client.ts';
import { todayInChina } from '../domain/dates.ts';
import { impactOf, type OutcomeChange } from '../domain/impact.ts';
import type { Rule } from '../domain/rule-schema.ts';
import { prepareRuleset, type PreparedRule } from '../domain/ruleset.ts';
import { SAFE_CSV } from '../screening/csv.ts';
import type { ApplicantSource } from './applicants.ts';
import { notFoundError } from './errors.ts';
import { auditView } from './service.ts';

/**
 * "Who newly qualifies": after a rule is published, which applicants of stored screenings qualify under the new
 * version and did not under the one it replaced (and which no longer do). The basis for telling businesses about
 * support they did not apply for.
 */

const titleOf = (db: Db, ruleId: string | null, version: number | null) =>
  ruleId && version ? (((findRuleVersion(db, ruleId, version)?.body as { title?: unknown } | undefined)?.title as string | undefined) ?? null) : null;

export function publications(db: Db, limit: number) {
  return auditEntries(db, { action: 'publish', limit }).map((row) => ({ ...auditView(row), title: titleOf(db, row.ruleId, row.version) }));
}

function preparedVersion(db: Db, ruleId: string, version: number | null): PreparedRule | null {
  if (version === null) return null;
  const row = findRuleVersion(db, ruleId, version);
  const state = findRule(db, ruleId);
  const document = state && findDocument(db, state.documentId);
  if (!row || !document) return null;
  return prepareRuleset({ documents: [document.body], rules: [{ documentId: document.body.id, rule: row.body as Rule }] }).rules[0]!;
}

/** Against the applicants of one unit's screenings (null: every unit's). */
export function publicationImpact(db: Db, applicants: ApplicantSource, id: number, unit: string | null, asOf = todayInChina()) {
  const row = findAuditEntry(db, id);
  if (!row || row.action !== 'publish' || !row.ruleId) throw notFoundError(`发布记录 (publication) ${id}`);
  const before = preparedVersion(db, row.ruleId, row.previousVersion);
  const after = preparedVersion(db, row.ruleId, row.version);
  const impact = impactOf(before, after, applicants.storedApplicants(unit), asOf);
  return {
    publication: { ...auditView(row), title: titleOf(db, row.ruleId, row.version) },
    applicants: impact.applicants,
    asOf,
    byBenefit: impact.byBenefit,
    byCity: impact.byCity,
    newlyEligible: impact.newlyEligible,
    noLongerEligible: impact.noLongerEligible,
  };
}

const CSV_COLUMNS = [
  { key: 'change', header: '变化 (change)' },
  { key: 'name', header: '申请人 (applicant)' },
  { key: 'screeningId', header: '筛查 (screening)' },
  { key: 'applicantId', header: '申请人编号 (applicant id)' },
  { key: 'before', header: '之前 (before)' },
  { key: 'after', header: '之后 (after)' },
  { key: 'amountYuan', header: '金额（元） (amount, yuan)' },
];

/** The list as CSV for Excel: a BOM so the Chinese reads as UTF-8, written as every export is (`SAFE_CSV`). */
export function publicationCsv(impact: ReturnType<typeof publicationImpact>): string {
  const row = (change: string) => (c: OutcomeChange) => ({
    change, name: c.name, screeningId: c.screeningId, applicantId: c.applicantId, before: c.before.status, after: c.after.status,
    amountYuan: c.after.amountYuan ?? '',
  });
  const rows = [...impact.newlyEligible.map(row('新符合 (newly eligible)')), ...impact.noLongerEligible.map(row('不再符合 (no longer eligible)'))];
  return stringify(rows, { ...SAFE_CSV, header: true, columns: CSV_COLUMNS, bom: true });
}
