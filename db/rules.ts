import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Rule, SourceDocument } from '../server/domain/rule-schema.ts';
import type { RulesetInput } from '../server/domain/ruleset.ts';
import type { Db } from './client.ts';
import { documents, rules, ruleVersions, rulesetSnapshots } from './schema.ts';

export type ShippedDocument = { document: SourceDocument; text: string; rules: Rule[] };
export type SyncReport = { added: string[]; updated: string[]; withdrawn: string[]; keptAuthorEdits: string[] };

const hashOf = (rule: Rule) => createHash('sha256').update(JSON.stringify(rule)).digest('hex');

/**
 * Brings the shipped rules/ files into the database, in one transaction.
 * A rule new in the files is added and published. A shipped rule whose file content changed gets a new published
 * version, unless an author has edited it in the database since: then the author's version is kept and reported.
 * A shipped rule that left the files is withdrawn (its history stays).
 */
export function syncShippedRules(db: Db, shipped: readonly ShippedDocument[]): SyncReport {
  const report: SyncReport = { added: [], updated: [], withdrawn: [], keptAuthorEdits: [] };
  db.transaction((tx) => {
    const inFiles = new Set<string>();
    for (const { document, text, rules: fileRules } of shipped) {
      tx.insert(documents).values({ id: document.id, body: document, text })
        .onConflictDoUpdate({ target: documents.id, set: { body: document, text } }).run();
      for (const [position, rule] of fileRules.entries()) {
        inFiles.add(rule.id);
        const contentHash = hashOf(rule);
        const existing = tx.select().from(rules).where(eq(rules.id, rule.id)).get();
        if (!existing) {
          tx.insert(rules).values({ id: rule.id, documentId: document.id, position, publishedVersion: 1, latestVersion: 1 }).run();
          tx.insert(ruleVersions).values({
            ruleId: rule.id, version: 1, status: 'published', body: rule, origin: 'shipped', contentHash,
            author: 'rules/', message: `loaded from rules/${document.id}.json`,
          }).run();
          report.added.push(rule.id);
          continue;
        }
        const latest = tx.select().from(ruleVersions)
          .where(and(eq(ruleVersions.ruleId, rule.id), eq(ruleVersions.version, existing.latestVersion))).get();
        if (existing.position !== position) tx.update(rules).set({ position }).where(eq(rules.id, rule.id)).run();
        if (latest?.contentHash === contentHash && existing.publishedVersion === existing.latestVersion) continue;
        if (latest && latest.origin !== 'shipped') {
          report.keptAuthorEdits.push(rule.id);
          continue;
        }
        const version = existing.latestVersion + 1;
        tx.insert(ruleVersions).values({
          ruleId: rule.id, version, status: 'published', body: rule, origin: 'shipped', contentHash,
          author: 'rules/', message: `updated from rules/${document.id}.json`,
        }).run();
        tx.update(rules).set({ publishedVersion: version, latestVersion: version }).where(eq(rules.id, rule.id)).run();
        report.updated.push(rule.id);
      }
    }
    const published = tx.select({ id: rules.id, version: rules.publishedVersion }).from(rules).where(isNotNull(rules.publishedVersion)).all();
    for (const { id, version } of published) {
      if (inFiles.has(id)) continue;
      const current = tx.select().from(ruleVersions).where(and(eq(ruleVersions.ruleId, id), eq(ruleVersions.version, version!))).get();
      if (current?.origin !== 'shipped') continue;
      tx.update(rules).set({ publishedVersion: null }).where(eq(rules.id, id)).run();
      tx.update(ruleVersions).set({ status: 'withdrawn' }).where(eq(ruleVersions.id, current.id)).run();
      report.withdrawn.push(id);
    }
  });
  return report;
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

export function recordRulesetSnapshot(db: Db, version: string, members: { ruleId: string; version: number }[]): void {
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
