import { allDocuments, findDocument, recordAudit, ruleStates, upsertDocument, writing } from '../../db/authoring.ts';
import type { Db } from '../../db/client.ts';
import type { SourceDocument } from '../domain/rule-schema.ts';
import { indexSourceText } from '../domain/source-text.ts';
import { AuthoringError, notFoundError } from './errors.ts';

/** Source documents for authors: every document with its rules' states, and new documents (metadata and text). */

type RuleState = ReturnType<typeof ruleStates>[number];
const stateView = ({ documentId: _d, position: _p, ...state }: RuleState) => state;

export function authoringDocuments(db: Db) {
  const byDocument = new Map<string, RuleState[]>();
  for (const state of ruleStates(db)) {
    const list = byDocument.get(state.documentId);
    if (list) list.push(state);
    else byDocument.set(state.documentId, [state]);
  }
  return allDocuments(db).map((document) => ({ document, rules: (byDocument.get(document.id) ?? []).map(stateView) }));
}

export function authoringDocument(db: Db, id: string) {
  const found = findDocument(db, id);
  if (!found) throw notFoundError(`文件 (document) ${id}`);
  return { document: found.body, text: found.text, rules: ruleStates(db, [id]).map(stateView) };
}

/**
 * Adds a document a rule can then be written for. Its text keeps the page markers (`# Page N:` lines) that quotes are
 * checked against, and is exported beside its rule file as `<id>.txt`.
 */
export function addDocument(db: Db, actor: string, document: SourceDocument, text: string, at: number) {
  const issues = [];
  if (document.text !== `${document.id}.txt`) issues.push({ path: 'document.text', message: `应为 (must be) ${document.id}.txt` });
  if (document.pages[0] > document.pages[1]) issues.push({ path: 'document.pages', message: '首页在末页之后 (first page after last page)' });
  const pages = indexSourceText(text).pages.map((p) => p.page);
  if (!pages.includes(document.pages[0])) {
    issues.push({ path: 'text', message: `原文需以页码行标明每页，如 "# Page ${document.pages[0]}:" (mark each page with a line "# Page ${document.pages[0]}:")` });
  }
  if (issues.length) throw new AuthoringError(400, 'bad_request', '文件信息有误 (invalid document)', issues);
  writing(db, (tx) => {
    if (findDocument(tx, document.id)) throw new AuthoringError(409, 'document_exists', `文件 (document) ${document.id} 已存在 (already exists)`);
    upsertDocument(tx, document, text, at);
    recordAudit(tx, { at, actor, action: 'add_document', documentId: document.id, message: `新增文件 (added) ${document.title}` });
  });
  return { document, rules: [] };
}
