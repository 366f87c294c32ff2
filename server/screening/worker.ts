/**
 * Works screening jobs in the background: claims a job with a lease, screens its applicants in chunks, each chunk's
 * answers, fragments, progress and lease renewal written in one transaction, and yields the event loop between
 * chunks. A process killed mid-way leaves a running job whose lease runs out; the next worker to claim it resumes
 * from the first applicant without an answer. A job is marked done only in the transaction that finds every
 * applicant answered.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/client.ts';
import { claimJob, failJob, finishJob, inTransaction, releaseJob, renewLease, type JobRow } from '../../db/jobs.ts';
import { answersByIdentity, countAnswered, countUnanswered, findScreening, fragmentsOf, insertFragments, pendingApplicants, saveAnswers, type AnswerWrite } from '../../db/screenings.ts';
import { summarizeProfile } from '../domain/evaluate.ts';
import type { MatchSummary } from '../domain/match-schema.ts';
import type { Profile } from '../domain/profile.ts';
import type { Ruleset } from '../domain/ruleset.ts';
import { changesBetween } from '../domain/screening/answers.ts';
import { applicantKey } from '../domain/screening/applicants.ts';
import { Fragments, packLists, renumber, unpackAnswer, type Packed } from '../domain/screening/stored-answer.ts';
import type { RulesetVersions } from '../services/ruleset-versions.ts';
import type { EvaluatorPool } from './evaluators.ts';

type Pending = ReturnType<typeof pendingApplicants>[number];

export type WorkerOptions = {
  /** Applicants per transaction. */
  chunkSize: number;
  leaseMs: number;
  /** How often an idle worker looks for jobs queued by other processes. */
  pollMs: number;
  /** Lease expiries (process deaths) after which a job is failed instead of resumed. */
  maxAttempts: number;
  /** Evaluator threads to judge applicants in (none: this thread does). */
  pool: EvaluatorPool | null;
};

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { chunkSize: 200, leaseMs: 30_000, pollMs: 1_000, maxAttempts: 3, pool: null };

/** The summary view of one applicant's match, as a screening stores it. */
export const screenProfile = (ruleset: Ruleset, profile: Profile, asOf: string): MatchSummary => summarizeProfile(ruleset, profile, asOf);

class LeaseLost extends Error {}

export class ScreeningWorker {
  readonly owner = randomUUID();
  readonly #options: WorkerOptions;
  readonly #pool: EvaluatorPool | null;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  #again = false;
  #started = false;
  #stopping = false;

  constructor(
    private readonly db: Db,
    private readonly versions: RulesetVersions,
    private readonly now: () => number,
    options: Partial<WorkerOptions> = {},
  ) {
    this.#options = { ...DEFAULT_WORKER_OPTIONS, ...options };
    this.#pool = this.#options.pool;
  }

  /** Starts looking for jobs now and every `pollMs`. */
  start(): void {
    this.#started = true;
    this.#stopping = false;
    this.#schedule(0);
  }

  /** A job was queued: look now rather than at the next poll. */
  wake(): void {
    if (this.#started && !this.#stopping) this.#schedule(0);
  }

  /** Stops after the chunk in hand; a job left unfinished is resumed by the next worker once its lease runs out. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Works every job there is to claim, then resolves. */
  async drain(): Promise<void> {
    for (;;) {
      const job = claimJob(this.db, { owner: this.owner, now: this.now(), leaseMs: this.#options.leaseMs, maxAttempts: this.#options.maxAttempts });
      if (!job) return;
      await this.#work(job);
      if (this.#stopping) return;
    }
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), ms);
    this.#timer.unref();
  }

  #tick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.drain()
      .catch((error) => console.error('screening worker:', error))
      .finally(() => {
        this.#running = null;
        if (this.#stopping) return;
        this.#schedule(this.#again ? 0 : this.#options.pollMs);
        this.#again = false;
      });
  }

  async #work(job: JobRow): Promise<void> {
    const fail = (error: string) => failJob(this.db, { id: job.id, owner: this.owner, error, now: this.now() });
    const found = findScreening(this.db, job.screeningId);
    if (!found) return fail('筛查记录不存在 (screening not found)');
    const { screening } = found;
    const fragments = new Fragments(fragmentsOf(this.db, screening.id));
    const evaluate = this.#evaluator(screening.rulesetVersion, screening.asOf, fragments);
    if (!evaluate) return fail(`无法重建规则集版本 ${screening.rulesetVersion} (ruleset version not found)`);
    const previous = screening.rerunOf === null ? null : { id: screening.rerunOf, fragments: new Fragments(fragmentsOf(this.db, screening.rerunOf)) };
    let done = countAnswered(this.db, screening.id);
    // Chunks are judged ahead (one per evaluator thread) and written in file order.
    const ahead: { batch: Pending[]; answers: Promise<Packed[]> }[] = [];
    let fetchedTo = 0;
    const fetchAhead = () => {
      while (ahead.length < (this.#pool?.size ?? 0) + 1) {
        const batch = pendingApplicants(this.db, screening.id, fetchedTo, this.#options.chunkSize);
        if (!batch.length) return;
        fetchedTo = batch.at(-1)!.position;
        const answers = evaluate(batch);
        answers.catch(() => undefined); // awaited in turn below
        ahead.push({ batch, answers });
      }
    };
    try {
      fetchAhead();
      while (ahead.length) {
        const { batch, answers } = ahead.shift()!;
        const packed = await answers;
        const before = previous ? this.#previousAnswers(previous, batch) : null;
        const writes = batch.map((applicant, i): AnswerWrite => {
          const answer = JSON.stringify(packed[i]!);
          const totals = packed[i]!.t;
          const earlier = before?.get(applicantKey(applicant));
          return {
            id: applicant.id,
            answer,
            eligibleCount: totals.eligibleCount,
            possibleCount: totals.possibleCount,
            estimatedYuan: totals.estimatedYuan,
            changes: earlier ? changesBetween(earlier, unpackAnswer(answer, fragments)) : null,
          };
        });
        inTransaction(this.db, (tx) => {
          insertFragments(tx, screening.id, fragments.takeNew());
          saveAnswers(tx, writes);
          const renewed = renewLease(tx, { id: job.id, owner: this.owner, done: done + batch.length, now: this.now(), leaseMs: this.#options.leaseMs });
          if (!renewed) throw new LeaseLost();
        });
        done += batch.length;
        fetchAhead();
        await nextTurn();
        if (this.#stopping) return releaseJob(this.db, { id: job.id, owner: this.owner });
      }
      inTransaction(this.db, (tx) => {
        const left = countUnanswered(tx, screening.id);
        if (left > 0) failJob(tx, { id: job.id, owner: this.owner, error: `${left} 个申请人未能筛查 (${left} applicants left unscreened)`, now: this.now() });
        else finishJob(tx, { id: job.id, owner: this.owner, done, now: this.now() });
      });
    } catch (error) {
      if (error instanceof LeaseLost) return; // another process holds the job now
      console.error(`screening ${screening.id}:`, error);
      fail(`筛查出错，已停止：${(error as Error).message} (screening failed)`);
    }
  }

  /** Judges a chunk and packs each answer in the screening's fragments: in the evaluator threads, or in this thread. */
  #evaluator(version: string, asOf: string, fragments: Fragments): ((batch: Pending[]) => Promise<Packed[]>) | null {
    const pool = this.#pool;
    if (pool) {
      return async (batch) => {
        const answers = await pool.screen(version, asOf, batch.map((a) => a.profile));
        return answers.map((packed) => renumber(packed, (text) => fragments.numberOfText(text)));
      };
    }
    const ruleset = this.versions.at(version);
    if (!ruleset) return null;
    return async (batch) => batch.map((a) => packLists(screenProfile(ruleset, a.profile as Profile, asOf), fragments));
  }

  /** The answers the re-run screening gave the same companies, by credit code or name. */
  #previousAnswers(previous: { id: number; fragments: Fragments }, batch: readonly { name: string; creditCode: string | null }[]) {
    const codes = batch.flatMap((a) => (a.creditCode ? [a.creditCode] : []));
    const names = batch.flatMap((a) => (a.creditCode ? [] : [a.name]));
    const answers = new Map<string, MatchSummary>();
    for (const row of answersByIdentity(this.db, previous.id, codes, names)) {
      if (row.answer) answers.set(applicantKey(row), unpackAnswer(row.answer, previous.fragments));
    }
    return answers;
  }
}
