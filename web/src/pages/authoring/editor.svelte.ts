/** One rule being edited: its content, the version it started from, its checks, and saving and publishing it. */
import { api, ApiError } from '../../lib/api.ts';
import type { CheckReport, SourceDocument, VersionConflict } from '../../lib/types.ts';
import { ta } from './i18n.ts';
import { newRule, type RuleDraft } from './rule-model.ts';

const snapshot = (rule: unknown) => JSON.stringify($state.snapshot(rule));

export class RuleEditor {
  document = $state<SourceDocument | null>(null);
  text = $state('');
  /** The rule as edited: the form and the JSON view both change it. */
  rule = $state<RuleDraft>({} as RuleDraft);
  /** The saved rule's id; null until a new rule is first saved. */
  savedId = $state<string | null>(null);
  /** The latest version when the editing started: an edit is saved on top of it, or gets a conflict. */
  baseVersion = $state<number | null>(null);
  publishedVersion = $state<number | null>(null);
  checks = $state<CheckReport | null>(null);
  checking = $state(false);
  conflict = $state<VersionConflict | null>(null);
  busy = $state<'saving' | 'publishing' | null>(null);
  /** What the last action did, shown and read out. */
  status = $state('');
  error = $state<unknown>(null);
  /** Moves when a save or publish changed the history, so the history tab reloads. */
  revision = $state(0);
  #saved = $state('');
  #checkTimer: ReturnType<typeof setTimeout> | null = null;
  #checkRun = 0;

  readonly dirty = $derived(snapshot(this.rule) !== this.#saved);
  readonly errorCount = $derived(this.checks?.errors.length ?? 0);

  async open(ruleId: string) {
    const versions = await api.ruleHistory(ruleId);
    const latest = versions.at(-1)!;
    const version = await api.ruleVersion(ruleId, latest.version);
    const documentDetail = await api.authoringDocument(version.documentId);
    this.document = documentDetail.document;
    this.text = documentDetail.text;
    this.savedId = ruleId;
    this.#take(version.rule as unknown as RuleDraft, version.version, version.publishedVersion);
    this.checks = version.checks;
  }

  async start(documentId: string) {
    const detail = await api.authoringDocument(documentId);
    this.document = detail.document;
    this.text = detail.text;
    this.savedId = null;
    this.#take(newRule(detail.document), null, null);
    this.#saved = '';
  }

  #take(rule: RuleDraft, version: number | null, published: number | null) {
    this.rule = rule;
    this.#saved = snapshot(rule);
    this.baseVersion = version;
    this.publishedVersion = published;
    this.conflict = null;
  }

  /** Replaces the content (from the JSON view, or an older version loaded), keeping the version it is based on. */
  replace(rule: RuleDraft) {
    this.rule = rule;
  }

  /** Runs the checks a moment after the last change. */
  scheduleCheck(delayMs = 500) {
    if (this.#checkTimer) clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.check(), delayMs);
  }

  async check() {
    if (!this.document) return;
    const run = ++this.#checkRun;
    this.checking = true;
    try {
      const report = await api.validateRule(this.document.id, $state.snapshot(this.rule));
      if (run === this.#checkRun) this.checks = report;
    } catch (error) {
      if (run === this.#checkRun) this.error = error;
    } finally {
      if (run === this.#checkRun) this.checking = false;
    }
  }

  async save(message?: string): Promise<boolean> {
    if (!this.document) return false;
    this.busy = 'saving';
    this.error = null;
    try {
      const rule = $state.snapshot(this.rule);
      const saved = this.savedId === null
        ? await api.createRule(this.document.id, rule, message)
        : await api.updateRule(this.savedId, rule, this.baseVersion!, message);
      this.savedId = saved.id;
      this.baseVersion = saved.version;
      this.#saved = snapshot(this.rule);
      this.checks = saved.checks;
      this.conflict = null;
      this.status = saved.unchanged ? ta('unchangedVersion', { v: saved.version }) : ta('savedVersion', { v: saved.version });
      this.revision++;
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (error.body as { conflict?: VersionConflict })?.conflict) {
        this.conflict = (error.body as { conflict: VersionConflict }).conflict;
      } else {
        this.error = error;
      }
      return false;
    } finally {
      this.busy = null;
    }
  }

  /** Drops the edits and continues from the version saved in between. */
  loadTheirs() {
    if (!this.conflict) return;
    this.#take(this.conflict.rule as unknown as RuleDraft, this.conflict.latestVersion, this.publishedVersion);
    this.scheduleCheck(0);
  }

  /** Keeps the edits, to be saved on top of the version saved in between. */
  keepMine() {
    if (!this.conflict) return;
    this.baseVersion = this.conflict.latestVersion;
    this.conflict = null;
  }

  async publish(version = this.baseVersion, message?: string) {
    if (!this.savedId || version === null) return;
    this.busy = 'publishing';
    this.error = null;
    try {
      const published = await api.publishRule(this.savedId, version, message);
      this.publishedVersion = published.version;
      this.status = ta('publishedVersion', { v: published.version, ruleset: published.rulesetVersion });
      this.revision++;
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }

  async withdraw(message?: string) {
    if (!this.savedId) return;
    this.error = null;
    try {
      const withdrawn = await api.withdrawRule(this.savedId, message);
      this.publishedVersion = null;
      this.status = ta('withdrawnRule', { ruleset: withdrawn.rulesetVersion });
      this.revision++;
    } catch (error) {
      this.error = error;
    }
  }
}
