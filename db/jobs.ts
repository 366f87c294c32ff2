/**
 * Background jobs, and the transaction helper every multi-statement write goes through. These two are what a
 * PostgreSQL deployment replaces, and nothing else:
 * - `inTransaction`: better-sqlite3 runs a synchronous callback in BEGIN IMMEDIATE … COMMIT (drizzle refuses async
 *   callbacks here); on PostgreSQL it becomes `await db.transaction(async (tx) => …)`.
 * - `claimJob`: here one IMMEDIATE transaction takes SQLite's write lock, so the select and the compare-and-swap
 *   update cannot interleave with another process's claim; on PostgreSQL the select becomes
 *   `SELECT id FROM jobs WHERE … ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED` (drizzle: `.for('update', { skipLocked: true })`).
 */
import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { jobs } from './schema.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take either the database or a transaction. */
export type Queries = Db | Tx;

export function inTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}

export type JobRow = typeof jobs.$inferSelect;

const claimable = (now: number) => or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now)));

export function insertJob(tx: Queries, job: { screeningId: number; total: number; createdAt: number }): void {
  tx.insert(jobs).values({ kind: 'screening', status: job.total === 0 ? 'done' : 'queued', finishedAt: job.total === 0 ? job.createdAt : null, ...job }).run();
}

/**
 * Claims the oldest job that is queued, or running under a lease that ran out (its process died: it is resumed).
 * A job whose lease ran out `maxAttempts` times is failed with the reason instead, so a job that kills its process
 * cannot do so forever.
 */
export function claimJob(db: Db, claim: { owner: string; now: number; leaseMs: number; maxAttempts: number }): JobRow | null {
  const { owner, now, leaseMs, maxAttempts } = claim;
  return inTransaction(db, (tx) => {
    tx.update(jobs)
      .set({
        status: 'failed', leaseOwner: null, leaseUntil: null, finishedAt: now,
        error: `处理中断 ${maxAttempts} 次，已停止 (interrupted ${maxAttempts} times; stopped)`,
      })
      .where(and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now), gte(jobs.attempts, maxAttempts)))
      .run();
    const next = tx.select({ id: jobs.id }).from(jobs).where(claimable(now)).orderBy(jobs.id).limit(1).get();
    if (!next) return null;
    return (
      tx.update(jobs)
        .set({ status: 'running', leaseOwner: owner, leaseUntil: now + leaseMs, attempts: sql`${jobs.attempts} + 1` })
        .where(and(eq(jobs.id, next.id), claimable(now)))
        .returning()
        .get() ?? null
    );
  });
}

/** Records progress and extends the lease, if the job is still this owner's; false when another process took it over. */
export function renewLease(tx: Queries, job: { id: number; owner: string; done: number; now: number; leaseMs: number }): boolean {
  const changed = tx.update(jobs)
    .set({ done: job.done, leaseUntil: job.now + job.leaseMs })
    .where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, job.owner), eq(jobs.status, 'running')))
    .run();
  return changed.changes === 1;
}

export function finishJob(tx: Queries, job: { id: number; owner: string; done: number; now: number }): boolean {
  const changed = tx.update(jobs)
    .set({ status: 'done', done: job.done, leaseOwner: null, leaseUntil: null, finishedAt: job.now })
    .where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, job.owner), eq(jobs.status, 'running')))
    .run();
  return changed.changes === 1;
}

/**
 * Gives a running job back (the process is stopping): the next claim resumes it at once, not after the lease. The
 * claim's attempt is given back too, so that only lapsed leases (process deaths) count towards `maxAttempts`: a job
 * survives any number of graceful restarts.
 */
export function releaseJob(tx: Queries, job: { id: number; owner: string }): void {
  tx.update(jobs).set({ leaseUntil: 0, attempts: sql`max(${jobs.attempts} - 1, 0)` }).where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, job.owner), eq(jobs.status, 'running'))).run();
}

export function failJob(tx: Queries, job: { id: number; owner: string; error: string; now: number }): void {
  tx.update(jobs)
    .set({ status: 'failed', error: job.error, leaseOwner: null, leaseUntil: null, finishedAt: job.now })
    .where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, job.owner)))
    .run();
}

export const jobOfScreening = (db: Queries, screeningId: number): JobRow | null =>
  db.select().from(jobs).where(eq(jobs.screeningId, screeningId)).get() ?? null;
