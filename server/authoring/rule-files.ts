import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDocument, findRule, findRuleVersion, recordAudit, upsertDocument, writing } from '../../db/authoring.ts';
import type { Db } from '../../db/client.ts';
import { publishedRules } from '../../db/rules.ts';
import { readShippedRules } from '../corpus/shipped.ts';
import { canonicalRule } from '../domain/rule-diff.ts';
import { documentSchema, ruleSchema, type SourceDocument } from '../domain/rule-schema.ts';
import { AuthoringError } from './errors.ts';
import type { Authoring } from './service.ts';

/**
 * The git round trip. Export writes the database's published rules back to rules/<document-id>.json in the files' own
 * format; a rule or document whose content did not change keeps its bytes, and a changed one keeps the file's key
 * order, so `git diff` shows only real changes. Import loads files into the database as new versions by an author.
 */

const fileText = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
const sameContent = (a: unknown, b: unknown) => JSON.stringify(canonicalRule(a)) === JSON.stringify(canonicalRule(b));
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `value` with its object keys in the order `template` has them (keys new to the template after them). */
export function orderLike(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => orderLike(item, Array.isArray(template) ? template[i] : undefined));
  if (!isRecord(value)) return value;
  const model = isRecord(template) ? template : {};
  const keys = [...Object.keys(model).filter((k) => k in value), ...Object.keys(value).filter((k) => !(k in model))];
  return Object.fromEntries(keys.map((key) => [key, orderLike(value[key], model[key])]));
}

/** The file's own entry when it says the same (its bytes stay), else the stored one in the file's key order. */
function keepOrUpdate<T>(stored: T, inFile: unknown, parse: (raw: unknown) => unknown): unknown {
  if (inFile === undefined) return stored;
  const parsed = parse(inFile);
  return parsed !== null && sameContent(parsed, stored) ? inFile : orderLike(stored, inFile);
}

const parsedOrNull = (schema: typeof ruleSchema | typeof documentSchema) => (raw: unknown) => {
  const result = schema.safeParse(raw);
  return result.success ? result.data : null;
};

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    return isRecord(data) ? data : null;
  } catch {
    return null;
  }
}

export type ExportReport = { written: string[]; unchanged: number };

export function exportRuleFiles(db: Db, dir: string): ExportReport {
  const { documents, rules } = publishedRules(db);
  const report: ExportReport = { written: [], unchanged: 0 };
  const write = (path: string, text: string) => {
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return void report.unchanged++;
    writeFileSync(path, text);
    report.written.push(path);
  };
  for (const document of documents) {
    const path = join(dir, `${document.id}.json`);
    const existing = readJson(path);
    const existingRules = new Map(
      (Array.isArray(existing?.rules) ? existing.rules : []).filter(isRecord).map((raw) => [raw.id, raw] as const),
    );
    const own = rules.filter((r) => r.documentId === document.id).map((r) => r.rule);
    const file = {
      $schema: existing?.$schema ?? './schema.json',
      document: keepOrUpdate(document, existing?.document, parsedOrNull(documentSchema)),
      rules: own.map((rule) => keepOrUpdate(rule, existingRules.get(rule.id), parsedOrNull(ruleSchema))),
    };
    write(path, fileText(file));
    write(join(dir, document.text), findDocument(db, document.id)!.text);
  }
  return report;
}

export type ImportReport = { documents: string[]; created: string[]; updated: string[]; unchanged: number; published: string[]; notPublished: { id: string; reason: string }[] };

/**
 * Loads the rule files of `dir` (checked as at start-up) as new versions by `actor`: a rule new to the database is
 * created, a rule whose content differs from its latest version gets a new version, the same content is skipped.
 * New or changed documents are stored. With `publish`, each imported version that passes its checks is published.
 */
export function importRuleFiles(db: Db, authoring: Authoring, dir: string, options: { actor: string; publish?: boolean; now: () => number }): ImportReport {
  const report: ImportReport = { documents: [], created: [], updated: [], unchanged: 0, published: [], notPublished: [] };
  const toPublish: { id: string; version: number }[] = [];
  for (const { document, text, rules } of readShippedRules(dir)) {
    importDocument(db, document, text, options, report);
    for (const rule of rules) {
      const message = `导入自 (imported from) ${document.id}.json`;
      const state = findRule(db, rule.id);
      if (!state) {
        const saved = authoring.create(options.actor, document.id, rule as Record<string, unknown>, message, 'import');
        report.created.push(rule.id);
        toPublish.push({ id: rule.id, version: saved.version });
        continue;
      }
      const latest = findRuleVersion(db, rule.id, state.latestVersion)!;
      if (sameContent(latest.body, rule)) {
        report.unchanged++;
        if (state.publishedVersion !== latest.version) toPublish.push({ id: rule.id, version: latest.version });
        continue;
      }
      const saved = authoring.update(options.actor, rule.id, rule as Record<string, unknown>, latest.version, message, 'import');
      report.updated.push(rule.id);
      toPublish.push({ id: rule.id, version: saved.version });
    }
  }
  if (options.publish) {
    for (const { id, version } of toPublish) {
      try {
        authoring.publish(options.actor, id, version, `导入后发布 (published on import)`);
        report.published.push(id);
      } catch (error) {
        if (!(error instanceof AuthoringError)) throw error;
        report.notPublished.push({ id, reason: [error.message, ...(error.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join('; ') });
      }
    }
  }
  return report;
}

function importDocument(db: Db, document: SourceDocument, text: string, options: { actor: string; now: () => number }, report: ImportReport) {
  const stored = findDocument(db, document.id);
  if (stored && stored.text === text && sameContent(stored.body, document)) return;
  const at = options.now();
  writing(db, (tx) => {
    upsertDocument(tx, document, text, at);
    recordAudit(tx, { at, actor: options.actor, action: stored ? 'update_document' : 'add_document', documentId: document.id, message: `导入自 (imported from) ${document.id}.json` });
  });
  report.documents.push(document.id);
}

