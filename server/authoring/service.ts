import {
  appendVersion, auditEntries, bumpRulesetGeneration, findDocument, findRule, findRuleVersion, insertRule, recordAudit,
  ruleHistory, setPublishedVersion, writing, type AuditAction, type RuleRow, type RuleVersionRow,
} from '../../db/authoring.ts';
import type { Db } from '../../db/client.ts';
import { hashOf } from '../../db/rules.ts';
import type { Issue } from '../api/errors.ts';
import { todayInChina } from '../domain/dates.ts';
import { evaluateProfile } from '../domain/evaluate.ts';
import { runExample } from '../domain/examples.ts';
import { impactOf } from '../domain/impact.ts';
import { MATCH_LISTS } from '../domain/match-schema.ts';
import type { Profile } from '../domain/profile.ts';
import { diffRules } from '../domain/rule-diff.ts';
import { checkRule, type CheckIssue, type CheckReport } from '../domain/rule-lint.ts';
import { ruleSchema, type Rule } from '../domain/rule-schema.ts';
import { prepareRuleset, type PreparedRule } from '../domain/ruleset.ts';
import type { RulesetSource } from '../deps.ts';
import type { ApplicantSource } from './applicants.ts';
import { AuthoringError, notFoundError } from './errors.ts';

export type AuthoringDeps = { db: Db; rulesets: RulesetSource; now: () => number; applicants: ApplicantSource };

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
const issuesOf = (checks: CheckIssue[], prefix = 'rule') => checks.map((c) => ({ path: c.path ? `${prefix}.${c.path}` : prefix, message: c.message }));
const badRequest = (message: string, issues: Issue[]) => new AuthoringError(400, 'bad_request', message, issues);
const ruleLabel = (id: string) => `规则 (rule) ${id}`;

/**
 * Drafts, versions, checks, publishing and the previews of a rule. Every change is a new version with its author,
 * time and message, and an audit entry; drafts never reach /api/match; a publish moves the ruleset generation, which
 * every process serving the database reads (see PublishedRulesets).
 */
export class Authoring {
  constructor(private readonly deps: AuthoringDeps) {}

  private get db() {
    return this.deps.db;
  }

  /** Every check on a rule as given, against its document and the document's other published rules. */
  check(documentId: string, rule: unknown, db: Db = this.db): CheckReport & { rule: Rule | null } {
    const document = findDocument(db, documentId);
    const id = (rule as { id?: unknown } | null)?.id;
    const published = this.deps.rulesets.current().rulesOfDocument(documentId).map((p) => p.rule).filter((r) => r.id !== id);
    return checkRule({ documentId, rule, document: document?.body ?? null, documentText: document?.text ?? null, published });
  }

  validate(documentId: string, rule: unknown): CheckReport {
    const { errors, warnings } = this.check(documentId, rule);
    return { errors, warnings };
  }

  create(actor: string, documentId: string, rule: Record<string, unknown>, message = '新建 (created)', action: AuditAction = 'create') {
    if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id) || !rule.id.startsWith(`${documentId}/`)) {
      throw badRequest('规则编号有误 (bad rule id)', [{ path: 'rule.id', message: `应为 "${documentId}/<小写字母、数字和连字符>" (must be "${documentId}/<kebab-case>")` }]);
    }
    const id = rule.id;
    const at = this.deps.now();
    return writing(this.db, (tx) => {
      if (!findDocument(tx, documentId)) throw badRequest('文件不存在 (unknown document)', [{ path: 'documentId', message: `没有文件 (no document) ${documentId}` }]);
      if (findRule(tx, id)) throw new AuthoringError(409, 'rule_exists', `${ruleLabel(id)} 已存在 (already exists): 请修改它 (edit it instead)`);
      const checks = this.check(documentId, rule, tx);
      insertRule(tx, documentId, { ruleId: id, body: checks.rule ?? rule, author: actor, message, at });
      recordAudit(tx, { at, actor, action, ruleId: id, documentId, version: 1, message });
      return { id, version: 1, status: 'draft' as const, checks: { errors: checks.errors, warnings: checks.warnings } };
    });
  }

  /** A new draft version, when `baseVersion` is still the latest; otherwise a 409 saying what was saved since. */
  update(actor: string, id: string, rule: Record<string, unknown>, baseVersion: number, message = '修改 (edited)', action: AuditAction = 'edit') {
    if (rule.id !== id) throw badRequest('规则编号不能修改 (the rule id cannot change)', [{ path: 'rule.id', message: `应为 (must be) ${id}` }]);
    const at = this.deps.now();
    return writing(this.db, (tx) => {
      const state = this.ruleOrThrow(tx, id);
      const latest = findRuleVersion(tx, id, state.latestVersion)!;
      if (baseVersion !== state.latestVersion) throw this.conflict(tx, id, baseVersion, latest);
      const checks = this.check(state.documentId, rule, tx);
      const report = { errors: checks.errors, warnings: checks.warnings };
      const body = checks.rule ?? rule;
      if (hashOf(body) === latest.contentHash) return { id, version: latest.version, status: 'draft' as const, unchanged: true, checks: report };
      const version = appendVersion(tx, state, { ruleId: id, body, author: actor, message, at });
      recordAudit(tx, { at, actor, action, ruleId: id, documentId: state.documentId, version, message });
      return { id, version, status: 'draft' as const, checks: report };
    });
  }

  private conflict(db: Db, id: string, baseVersion: number, latest: RuleVersionRow) {
    const base = findRuleVersion(db, id, baseVersion);
    const { fields, lines } = diffRules(base?.body ?? {}, latest.body);
    return new AuthoringError(
      409, 'version_conflict',
      `第 ${baseVersion} 版之后已有人保存了第 ${latest.version} 版 (version ${latest.version} was saved after version ${baseVersion})`,
      undefined,
      { conflict: { baseVersion, latestVersion: latest.version, author: latest.author, at: latest.createdAt, message: latest.message, fields, lines, rule: latest.body } },
    );
  }

  /** Publishes a version (an earlier one too: that is a rollback) once it passes every check. */
  publish(actor: string, id: string, version: number, message?: string) {
    const at = this.deps.now();
    const previousVersion = writing(this.db, (tx) => {
      const state = this.ruleOrThrow(tx, id);
      const row = findRuleVersion(tx, id, version);
      if (!row) throw notFoundError(`${ruleLabel(id)} 第 ${version} 版 (version ${version})`);
      if (state.publishedVersion === version) return version;
      const checks = this.check(state.documentId, row.body, tx);
      if (checks.errors.length || !ruleSchema.safeParse(row.body).success) {
        throw new AuthoringError(400, 'checks_failed', `第 ${version} 版未通过检查，不能发布 (version ${version} fails its checks)`, issuesOf(checks.errors));
      }
      const rollback = state.publishedVersion !== null && version < state.publishedVersion;
      const text = message || (rollback ? `恢复第 ${version} 版 (rolled back to version ${version})` : `发布第 ${version} 版 (published version ${version})`);
      setPublishedVersion(tx, id, version);
      recordAudit(tx, { at, actor, action: 'publish', ruleId: id, documentId: state.documentId, version, previousVersion: state.publishedVersion, message: text });
      bumpRulesetGeneration(tx, at);
      return state.publishedVersion;
    });
    const ruleset = previousVersion === version ? this.deps.rulesets.current() : this.deps.rulesets.reload();
    return { id, version, status: 'published' as const, previousVersion, rulesetVersion: ruleset.version };
  }

  withdraw(actor: string, id: string, message = '撤回 (withdrawn)') {
    const at = this.deps.now();
    const version = writing(this.db, (tx) => {
      const state = this.ruleOrThrow(tx, id);
      if (state.publishedVersion === null) throw new AuthoringError(400, 'not_published', `${ruleLabel(id)} 未发布 (is not published)`);
      setPublishedVersion(tx, id, null, state.publishedVersion);
      recordAudit(tx, { at, actor, action: 'withdraw', ruleId: id, documentId: state.documentId, version: state.publishedVersion, previousVersion: state.publishedVersion, message });
      bumpRulesetGeneration(tx, at);
      return state.publishedVersion;
    });
    return { id, version, status: 'withdrawn' as const, rulesetVersion: this.deps.rulesets.reload().version };
  }

  history(id: string) {
    const state = this.ruleOrThrow(this.db, id);
    return ruleHistory(this.db, id).map((row) => historyItem(row, state));
  }

  version(id: string, version: number) {
    const state = this.ruleOrThrow(this.db, id);
    const row = findRuleVersion(this.db, id, version);
    if (!row) throw notFoundError(`${ruleLabel(id)} 第 ${version} 版 (version ${version})`);
    const { errors, warnings } = this.check(state.documentId, row.body);
    return {
      ...historyItem(row, state), id, documentId: state.documentId, rule: row.body as Record<string, unknown>,
      checks: { errors, warnings }, publishedVersion: state.publishedVersion, latestVersion: state.latestVersion,
    };
  }

  diff(id: string, from: number, to: number) {
    this.ruleOrThrow(this.db, id);
    const [a, b] = [from, to].map((v) => findRuleVersion(this.db, id, v));
    if (!a || !b) throw notFoundError(`${ruleLabel(id)} 第 ${!a ? from : to} 版 (version ${!a ? from : to})`);
    return { id, from, to, ...diffRules(a.body, b.body) };
  }

  /** Runs the rule's examples and, when given, tries it on a profile. */
  test(id: string, input: { rule?: Record<string, unknown>; profile?: Profile; asOf?: string }) {
    const state = this.ruleOrThrow(this.db, id);
    const prepared = this.prepare(state, input.rule);
    const examples = prepared.rule.examples.map((example) => ({ name: example.name, ...runExample(prepared, example) }));
    if (!input.profile) return { examples, profile: null };
    const ruleset = prepareRuleset({ documents: [prepared.document], rules: [{ documentId: prepared.document.id, rule: prepared.rule }] });
    const result = evaluateProfile(ruleset, input.profile, input.asOf ?? todayInChina());
    const item = MATCH_LISTS.flatMap((list) => result[list]).find((i) => i.ruleId === prepared.rule.id) ?? null;
    return { examples, profile: { status: item?.status ?? ('ineligible' as const), item } };
  }

  /** How publishing the rule as given would change the outcome for the applicants of one unit's stored screenings (null: every unit's). */
  impact(id: string, input: { rule?: Record<string, unknown>; asOf?: string }, unit: string | null) {
    const state = this.ruleOrThrow(this.db, id);
    const after = this.prepare(state, input.rule);
    const before = this.deps.rulesets.current().rulesById.get(id) ?? null;
    const asOf = input.asOf ?? todayInChina();
    return { ...impactOf(before, after, this.deps.applicants.storedApplicants(unit), asOf), asOf, comparedWith: state.publishedVersion };
  }

  audit(filter: { ruleId?: string; limit: number; before?: number }) {
    return auditEntries(this.db, { ruleId: filter.ruleId, limit: filter.limit, beforeId: filter.before }).map(auditView);
  }

  /** The rule (as given, or its latest version) ready to judge; a 400 when its shape or facts do not allow it. */
  private prepare(state: RuleRow, given?: Record<string, unknown>): PreparedRule {
    const body = given ?? findRuleVersion(this.db, state.id, state.latestVersion)!.body;
    const checks = this.check(state.documentId, body);
    const blocking = checks.errors.filter((e) => ['limits', 'schema', 'document', 'unknown_fact', 'type_mismatch'].includes(e.code));
    if (!checks.rule || blocking.length) throw new AuthoringError(400, 'bad_request', '规则无法运行 (the rule cannot be run)', issuesOf(blocking));
    const document = findDocument(this.db, state.documentId)!.body;
    return prepareRuleset({ documents: [document], rules: [{ documentId: document.id, rule: checks.rule }] }).rules[0]!;
  }

  private ruleOrThrow(db: Db, id: string): RuleRow {
    const state = findRule(db, id);
    if (!state) throw notFoundError(ruleLabel(id));
    return state;
  }
}

function historyItem(row: RuleVersionRow, state: RuleRow) {
  return {
    version: row.version, status: row.status, author: row.author, at: row.createdAt, message: row.message, origin: row.origin,
    current: state.publishedVersion === row.version,
  };
}

export const auditView = (row: ReturnType<typeof auditEntries>[number]) => ({ ...row, at: new Date(row.at).toISOString() });
