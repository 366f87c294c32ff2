import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Rule, SourceDocument } from '../server/domain/rule-schema.ts';
import type { RulesetInput } from '../server/domain/ruleset.ts';
import { authorHeldRuleIds, bumpRulesetGeneration } from './authoring.ts';
import type { Db } from './client.ts';
import { documents, rules, ruleVersions, rulesetSnapshots } from './schema.ts';

export type ShippedDocument = { document: SourceDocument; text: string; rules: Rule[] };
export type SyncReport = { added: string[]; updated: string[]; withdrawn: string[]; keptAuthorEdits: string[] };

export const hashOf = (rule: unknown) => createHash('sha256').update(JSON.stringify(rule)).digest('hex');

/** What a sync would write, worked out by reading only. */
export type SyncPlan = {
  documents: ShippedDocument[];
  added: { documentId: string; position: number; rule: Rule; contentHash: string }[];
  updated: { documentId: string; rule: Rule; version: number; contentHash: string }[];
  moved: { id: string; position: number }[];
  withdrawn: { id: string; documentId: string; versionRowId: number }[];
  keptAuthorEdits: string[];
  /** Published rules before the sync, per document. */
  publishedByDocument: Map<string, number>;
};

export const planIsEmpty = (plan: SyncPlan) =>
  !plan.documents.length && !plan.added.length && !plan.updated.length && !plan.moved.length && !plan.withdrawn.length;

export const reportOf = (plan: SyncPlan): SyncReport => ({
  added: plan.added.map((a) => a.rule.id),
  updated: plan.updated.map((u) => u.rule.id),
  withdrawn: plan.withdrawn.map((w) => w.id),
  keptAuthorEdits: plan.keptAuthorEdits,
});

/**
 * How the shipped rules/ files differ from the database. A rule new in the files is to be added and published. A
 * shipped rule whose file content changed gets a new published version, unless an author has edited it in the
 * database since: then the author's version is kept and reported. A shipped rule that left the files is withdrawn.
 * A rule an author has acted on in the database (edited, published, rolled back, withdrawn, imported: the audit log
 * says so) is the author's: the files leave it alone.
 */
export function planShippedSync(db: Db, shipped: readonly ShippedDocument[]): SyncPlan {
  const plan: SyncPlan = { documents: [], added: [], updated: [], moved: [], withdrawn: [], keptAuthorEdits: [], publishedByDocument: new Map() };
  const inFiles = new Set<string>();
  const heldByAuthors = authorHeldRuleIds(db);
  for (const entry of shipped) {
    const { document, text, rules: fileRules } = entry;
    const stored = db.select({ body: documents.body, text: documents.text }).from(documents).where(eq(documents.id, document.id)).get();
    if (!stored || stored.text !== text || JSON.stringify(stored.body) !== JSON.stringify(document)) plan.documents.push(entry);
    for (const [position, rule] of fileRules.entries()) {
      inFiles.add(rule.id);
      const contentHash = hashOf(rule);
      const existing = db.select().from(rules).where(eq(rules.id, rule.id)).get();
      if (!existing) {
        plan.added.push({ documentId: document.id, position, rule, contentHash });
        continue;
      }
      const latest = db.select().from(ruleVersions)
        .where(and(eq(ruleVersions.ruleId, rule.id), eq(ruleVersions.version, existing.latestVersion))).get();
      if (existing.position !== position) plan.moved.push({ id: rule.id, position });
      if (latest?.contentHash === contentHash && existing.publishedVersion === existing.latestVersion) continue;
      if ((latest && latest.origin !== 'shipped') || heldByAuthors.has(rule.id)) {
        plan.keptAuthorEdits.push(rule.id);
        continue;
      }
      plan.updated.push({ documentId: document.id, rule, version: existing.latestVersion + 1, contentHash });
    }
  }
  const published = db.select({ id: rules.id, documentId: rules.documentId, version: rules.publishedVersion }).from(rules).where(isNotNull(rules.publishedVersion)).all();
  for (const { id, documentId, version } of published) {
    plan.publishedByDocument.set(documentId, (plan.publishedByDocument.get(documentId) ?? 0) + 1);
    if (inFiles.has(id) || heldByAuthors.has(id)) continue;
    const current = db.select().from(ruleVersions).where(and(eq(ruleVersions.ruleId, id), eq(ruleVersions.version, version!))).get();
    if (current?.origin === 'shipped') plan.withdrawn.push({ id, documentId, versionRowId: current.id });
  }
  return plan;
}

/** At most this share of the published rules is withdrawn by a start-up without ALLOW_RULE_WITHDRAWAL. */
export const MAX_UNASKED_WITHDRAWAL = 0.1;

/** Thrown, before anything is written, by a sync that would withdraw more than it may unasked. */
export class WithdrawalRefused extends Error {}

/**
 * A wrong or empty rules folder looks like "every rule was deleted": withdrawing more than a small share of the
 * published rules, or every rule of a document, needs to be asked for.
 */
function refusedWithdrawal(plan: SyncPlan): string | null {
  if (!plan.withdrawn.length) return null;
  const published = [...plan.publishedByDocument.values()].reduce((sum, n) => sum + n, 0);
  const perDocument = new Map<string, number>();
  for (const { documentId } of plan.withdrawn) perDocument.set(documentId, (perDocument.get(documentId) ?? 0) + 1);
  const emptied = [...perDocument].filter(([id, n]) => n === plan.publishedByDocument.get(id)).map(([id]) => id);
  const tooMany = plan.withdrawn.length > MAX_UNASKED_WITHDRAWAL * published;
  if (!tooMany && !emptied.length) return null;
  const why = emptied.length
    ? `every rule of ${emptied.length} document${emptied.length > 1 ? 's' : ''} (${emptied.slice(0, 3).join(', ')}${emptied.length > 3 ? ', …' : ''})`
    : `more than ${MAX_UNASKED_WITHDRAWAL * 100}% of them`;
  return `would withdraw ${plan.withdrawn.length} of ${published} published rules, ${why}`;
}

function applySyncPlan(db: Db, plan: SyncPlan): void {
  for (const { document, text } of plan.documents) {
    db.insert(documents).values({ id: document.id, body: document, text })
      .onConflictDoUpdate({ target: documents.id, set: { body: document, text } }).run();
  }
  for (const { documentId, position, rule, contentHash } of plan.added) {
    db.insert(rules).values({ id: rule.id, documentId, position, publishedVersion: 1, latestVersion: 1 }).run();
    db.insert(ruleVersions).values({
      ruleId: rule.id, version: 1, status: 'published', body: rule, origin: 'shipped', contentHash,
      author: 'rules/', message: `loaded from rules/${documentId}.json`,
    }).run();
  }
  for (const { id, position } of plan.moved) db.update(rules).set({ position }).where(eq(rules.id, id)).run();
  for (const { documentId, rule, version, contentHash } of plan.updated) {
    db.insert(ruleVersions).values({
      ruleId: rule.id, version, status: 'published', body: rule, origin: 'shipped', contentHash,
      author: 'rules/', message: `updated from rules/${documentId}.json`,
    }).run();
    db.update(rules).set({ publishedVersion: version, latestVersion: version }).where(eq(rules.id, rule.id)).run();
  }
  for (const { id, versionRowId } of plan.withdrawn) {
    db.update(rules).set({ publishedVersion: null }).where(eq(rules.id, id)).run();
    db.update(ruleVersions).set({ status: 'withdrawn' }).where(eq(ruleVersions.id, versionRowId)).run();
  }
  // Other processes serving this database rebuild their rulesets when the generation moves.
  if (plan.added.length || plan.updated.length || plan.withdrawn.length) bumpRulesetGeneration(db, Date.now());
}

/**
 * Brings the shipped rules/ files into the database, in one transaction (see planShippedSync). A withdrawal larger
 * than refusedWithdrawal allows throws WithdrawalRefused, with nothing written, unless `allowWithdrawal`.
 */
export function syncShippedRules(db: Db, shipped: readonly ShippedDocument[], options: { allowWithdrawal?: boolean } = {}): SyncReport {
  return db.transaction((tx) => {
    const plan = planShippedSync(tx, shipped);
    const refused = options.allowWithdrawal ? null : refusedWithdrawal(plan);
    if (refused) throw new WithdrawalRefused(refused);
    applySyncPlan(tx, plan);
    return reportOf(plan);
  });
}

/** The documents and the published version of every rule: what a ruleset is built from. */
export function publishedRules(db: Db): RulesetInput & { ruleVersions: { ruleId: string; version: number }[] } {
  const documentRows = db.select({ body: documents.body }).from(documents).orderBy(documents.id).all();
  const ruleRows = db
    .select({ documentId: rules.documentId, ruleId: rules.id, version: ruleVersions.version, body: ruleVersions.body })
    .from(rules)
    .innerJoin(ruleVersions, and(eq(ruleVersions.ruleId, rules.id), eq(ruleVersions.version, rules.publishedVersion)))
    .orderBy(rules.documentId, rules.position)
    .all();
  return {
    documents: documentRows.map((row) => row.body as SourceDocument),
    rules: ruleRows.map((row) => ({ documentId: row.documentId, rule: row.body as Rule })),
    ruleVersions: ruleRows.map(({ ruleId, version }) => ({ ruleId, version })),
  };
}

/** Records a ruleset version once; a version already recorded writes nothing (so a read-only database can serve it). */
export function recordRulesetSnapshot(db: Db, version: string, members: { ruleId: string; version: number }[]): void {
  if (db.select({ version: rulesetSnapshots.version }).from(rulesetSnapshots).where(eq(rulesetSnapshots.version, version)).get()) return;
  db.insert(rulesetSnapshots).values({ version, ruleVersions: members }).onConflictDoNothing().run();
}

export function documentText(db: Db, id: string): string | null {
  return db.select({ text: documents.text }).from(documents).where(eq(documents.id, id)).get()?.text ?? null;
}

/**
 * What a past ruleset version was built from: the rule versions its snapshot lists, in ruleset order, and the
 * documents (which are not versioned). Null when no snapshot of that version exists.
 */
export function rulesetInputAt(db: Db, version: string): RulesetInput | null {
  const snapshot = db.select().from(rulesetSnapshots).where(eq(rulesetSnapshots.version, version)).get();
  if (!snapshot) return null;
  const documentRows = db.select({ body: documents.body }).from(documents).orderBy(documents.id).all();
  const rows = db
    .select({ documentId: rules.documentId, ruleId: ruleVersions.ruleId, version: ruleVersions.version, body: ruleVersions.body })
    .from(ruleVersions)
    .innerJoin(rules, eq(rules.id, ruleVersions.ruleId))
    .where(inArray(ruleVersions.ruleId, snapshot.ruleVersions.map((m) => m.ruleId)))
    .all();
  const byMember = new Map(rows.map((row) => [`${row.ruleId}@${row.version}`, row]));
  return {
    documents: documentRows.map((row) => row.body as SourceDocument),
    rules: snapshot.ruleVersions.map(({ ruleId, version: v }) => {
      const row = byMember.get(`${ruleId}@${v}`);
      if (!row) throw new Error(`ruleset ${version} lists ${ruleId} version ${v}, which the database does not hold`);
      return { documentId: row.documentId, rule: row.body as Rule };
    }),
  };
}
