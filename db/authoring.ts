import { and, asc, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { SourceDocument } from '../server/domain/rule-schema.ts';
import type { Db } from './client.ts';
import { hashOf } from './rules.ts';
import { auditLog, documents, rules, rulesetState, ruleVersions } from './schema.ts';

/** Drafts, versions, publishing, the audit log and the ruleset generation. Times are epoch milliseconds. */

export type RuleRow = typeof rules.$inferSelect;
export type RuleVersionRow = typeof ruleVersions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type AuditAction = AuditRow['action'];

/** Runs `work` in a write transaction taken at once, so two processes never both read the same latest version. */
export const writing = <T>(db: Db, work: (tx: Db) => T): T => db.transaction((tx) => work(tx as unknown as Db), { behavior: 'immediate' });

export const findRule = (db: Db, id: string): RuleRow | null => db.select().from(rules).where(eq(rules.id, id)).get() ?? null;

export const findRuleVersion = (db: Db, ruleId: string, version: number): RuleVersionRow | null =>
  db.select().from(ruleVersions).where(and(eq(ruleVersions.ruleId, ruleId), eq(ruleVersions.version, version))).get() ?? null;

export const ruleHistory = (db: Db, ruleId: string): RuleVersionRow[] =>
  db.select().from(ruleVersions).where(eq(ruleVersions.ruleId, ruleId)).orderBy(asc(ruleVersions.version)).all();

const isoAt = (at: number) => new Date(at).toISOString();

type NewVersion = { ruleId: string; body: unknown; author: string; message: string; at: number; origin?: 'author' | 'shipped' };

/** A new rule (placed after its document's other rules) with its first version, a draft. */
export function insertRule(db: Db, documentId: string, first: NewVersion): void {
  const last = db.select({ position: max(rules.position) }).from(rules).where(eq(rules.documentId, documentId)).get()?.position;
  db.insert(rules).values({ id: first.ruleId, documentId, position: (last ?? -1) + 1, publishedVersion: null, latestVersion: 1 }).run();
  insertVersionRow(db, 1, first);
}

/** The next version of a rule, a draft; answers its number. */
export function appendVersion(db: Db, rule: RuleRow, next: NewVersion): number {
  const version = rule.latestVersion + 1;
  insertVersionRow(db, version, next);
  db.update(rules).set({ latestVersion: version }).where(eq(rules.id, rule.id)).run();
  return version;
}

function insertVersionRow(db: Db, version: number, v: NewVersion) {
  db.insert(ruleVersions).values({
    ruleId: v.ruleId, version, status: 'draft', body: v.body, origin: v.origin ?? 'author', contentHash: hashOf(v.body),
    author: v.author, message: v.message, createdAt: isoAt(v.at),
  }).run();
}

/** Makes `version` the one /api/match uses (null: none); the version becomes `published`, a withdrawn one `withdrawn`. */
export function setPublishedVersion(db: Db, ruleId: string, version: number | null, withdrawnVersion: number | null = null): void {
  db.update(rules).set({ publishedVersion: version }).where(eq(rules.id, ruleId)).run();
  if (version !== null) {
    db.update(ruleVersions).set({ status: 'published' }).where(and(eq(ruleVersions.ruleId, ruleId), eq(ruleVersions.version, version))).run();
  }
  if (withdrawnVersion !== null) {
    db.update(ruleVersions).set({ status: 'withdrawn' }).where(and(eq(ruleVersions.ruleId, ruleId), eq(ruleVersions.version, withdrawnVersion))).run();
  }
}

export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

export const recordAudit = (db: Db, entry: AuditEntry): AuditRow => db.insert(auditLog).values(entry).returning().get();

export function auditEntries(db: Db, filter: { ruleId?: string; action?: AuditAction; limit: number; beforeId?: number }): AuditRow[] {
  const where = [
    filter.ruleId ? eq(auditLog.ruleId, filter.ruleId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.beforeId ? sql`${auditLog.id} < ${filter.beforeId}` : undefined,
  ].filter(Boolean);
  return db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(filter.limit).all();
}

export const findAuditEntry = (db: Db, id: number): AuditRow | null => db.select().from(auditLog).where(eq(auditLog.id, id)).get() ?? null;

/**
 * Rules an author has acted on in the database (created, edited, published, withdrawn, imported): the shipped files no
 * longer decide them.
 */
export function authorHeldRuleIds(db: Db): Set<string> {
  const rows = db.selectDistinct({ ruleId: auditLog.ruleId }).from(auditLog).where(isNotNull(auditLog.ruleId)).all();
  return new Set(rows.map((row) => row.ruleId!));
}

/** The ruleset generation; 0 until the first change. */
export const rulesetGeneration = (db: Db): number =>
  db.select({ generation: rulesetState.generation }).from(rulesetState).where(eq(rulesetState.id, 1)).get()?.generation ?? 0;

/** Says every process that the published rules changed. */
export function bumpRulesetGeneration(db: Db, at: number): void {
  db.insert(rulesetState).values({ id: 1, generation: 1, changedAt: at })
    .onConflictDoUpdate({ target: rulesetState.id, set: { generation: sql`${rulesetState.generation} + 1`, changedAt: at } }).run();
}

export type DocumentRow = typeof documents.$inferSelect;

export const findDocument = (db: Db, id: string): { body: SourceDocument; text: string } | null => {
  const row = db.select({ body: documents.body, text: documents.text }).from(documents).where(eq(documents.id, id)).get();
  return row ? { body: row.body as SourceDocument, text: row.text } : null;
};

export function upsertDocument(db: Db, document: SourceDocument, text: string, at: number): void {
  db.insert(documents).values({ id: document.id, body: document, text, updatedAt: isoAt(at) })
    .onConflictDoUpdate({ target: documents.id, set: { body: document, text, updatedAt: isoAt(at) } }).run();
}

export const allDocuments = (db: Db): SourceDocument[] =>
  db.select({ body: documents.body }).from(documents).orderBy(asc(documents.id)).all().map((row) => row.body as SourceDocument);

/**
 * Each rule with its latest version's title and status, by document and printed order. A version whose stored JSON
 * SQLite cannot read (nested 1,000 levels, or malformed) is listed with `readable: false` and no title, so one bad row
 * never fails the list.
 */
export function ruleStates(db: Db, documentIds?: string[]) {
  const body = ruleVersions.body;
  return db
    .select({
      id: rules.id, documentId: rules.documentId, position: rules.position,
      publishedVersion: rules.publishedVersion, latestVersion: rules.latestVersion,
      latestStatus: ruleVersions.status, latestAuthor: ruleVersions.author, latestAt: ruleVersions.createdAt,
      // CASE evaluates only the branch it takes: json_extract never sees a body json_valid refused.
      title: sql<string | null>`CASE WHEN json_valid(${body}) THEN CASE WHEN json_type(${body}, '$.title') = 'text' THEN json_extract(${body}, '$.title') END END`,
      readable: sql<number>`json_valid(${body})`.mapWith(Boolean),
    })
    .from(rules)
    .innerJoin(ruleVersions, and(eq(ruleVersions.ruleId, rules.id), eq(ruleVersions.version, rules.latestVersion)))
    .where(documentIds ? inArray(rules.documentId, documentIds) : undefined)
    .orderBy(asc(rules.documentId), asc(rules.position))
    .all();
}
