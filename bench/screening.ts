/**
 * (c) Batch screening: a CSV of N applicants uploaded to POST /api/screenings, worked by the background worker,
 * until the screening reads `done` and a page of results and one applicant's answer can be read back. The app,
 * its worker and an on-disk database (WAL) run in this process, as in `npm start`. Also the database bytes each
 * applicant costs (file size after a checkpoint, before and after).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertUser } from '../db/accounts.ts';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { hashPassword } from '../server/accounts/passwords.ts';
import { testAccountSettings } from '../server/accounts/settings.ts';
import { createApp } from '../server/app.ts';
import { readShippedRules } from '../server/corpus/shipped.ts';
import { factCatalogue } from '../server/domain/facts/index.ts';
import type { Profile } from '../server/domain/profile.ts';
import { writeCsv } from '../server/screening/csv.ts';
import { EvaluatorPool } from '../server/screening/evaluators.ts';
import { ScreeningWorker } from '../server/screening/worker.ts';
import { RulesetVersions } from '../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../server/services/rulesets.ts';
import { AS_OF } from './profile.ts';

const ORIGIN = 'http://localhost';
/** Evaluator threads, as the server's default (one per core, at most 4), or `--threads=N`. */
const THREADS = Number(process.argv.find((a) => a.startsWith('--threads='))?.slice('--threads='.length) ?? Math.min(4, availableParallelism()));

/** A CSV of `count` applicants: the given profiles in turn, each with its own name and head count. */
function applicantCsv(profiles: readonly Profile[], count: number): string {
  const header = ['名称', ...factCatalogue.map((f) => f.name)];
  const rows = Array.from({ length: count }, (_, i) => {
    const profile = { ...profiles[i % profiles.length]!, employees: (i * 7) % 900 } as Record<string, unknown>;
    const cells = factCatalogue.map((f) => {
      const value = profile[f.name];
      if (value === undefined) return null;
      if (Array.isArray(value)) return value.join('、');
      if (typeof value === 'boolean') return value ? '是' : '否';
      return value as string | number;
    });
    return [`企业${i}有限公司`, ...cells];
  });
  return writeCsv(header, rows);
}

type Run = { seconds: number; cpuSeconds: number; postSeconds: number; bytesPerApplicant: number };

async function screenOnce(profiles: readonly Profile[], count: number, threads: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-screening-bench-'));
  const path = join(dir, 'huiqi.db');
  const { db, close } = openDatabase(path);
  syncShippedRules(db, readShippedRules('rules'));
  const rulesets = new PublishedRulesets(db);
  // As `npm start` runs it: evaluator threads, one per core (at most 4), with the current ruleset built.
  const pool = threads > 0 ? new EvaluatorPool(path, threads) : null;
  await pool?.warm(rulesets.current().version);
  const worker = new ScreeningWorker(db, new RulesetVersions(db, rulesets), Date.now, { pool });
  worker.start();
  const app = createApp({
    db, rulesets, now: Date.now, accounts: testAccountSettings,
    screening: { limits: { maxRows: count, maxFileBytes: 256 * 2 ** 20, maxBodyBytes: 256 * 2 ** 20 }, queued: () => worker.wake() },
  });
  insertUser(db, { name: 'bench', role: 'officer', passwordHash: await hashPassword('bench password', testAccountSettings.argon2) });
  const login = await app.request('/api/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ name: 'bench', password: 'bench password' }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const headers = { cookie, origin: ORIGIN };
  const checkpoint = () => (db as unknown as { $client: Database.Database }).$client.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint();
  const bytesBefore = statSync(path).size;
  const csv = applicantCsv(profiles, count);

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const form = new FormData();
  form.set('file', new File([csv], 'bench.csv'));
  form.set('asOf', AS_OF);
  const posted = await app.request('/api/screenings', { method: 'POST', headers, body: form });
  if (posted.status !== 201) throw new Error(`upload refused: ${posted.status} ${(await posted.text()).slice(0, 500)}`);
  const { id } = await posted.json();
  const postSeconds = (performance.now() - start) / 1000;
  for (;;) {
    const screening = await (await app.request(`/api/screenings/${id}?limit=1`, { headers })).json();
    if (screening.status === 'failed') throw new Error(`screening failed: ${screening.error}`);
    if (screening.status === 'done') {
      const page = await (await app.request(`/api/screenings/${id}?sort=estimatedYuan&order=desc&limit=50`, { headers })).json();
      const applicant = await app.request(`/api/screenings/${id}/applicants/${page.applicants[0].id}`, { headers });
      if (page.applicantsTotal !== count || applicant.status !== 200) throw new Error('screening not readable');
      break;
    }
    // The page polls every second; a tenth of that keeps the figure within 0.1 s of the moment it is done.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await worker.stop();
  await pool?.close();
  checkpoint();
  const bytesPerApplicant = (statSync(path).size - bytesBefore) / count;
  close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuSeconds, postSeconds, bytesPerApplicant };
}

export async function screeningBench(profiles: readonly Profile[], figures: Record<string, number>, sizes: readonly number[]) {
  console.log(`(c) batch screening: a CSV uploaded to POST /api/screenings until it reads done and its results read back (worker with ${THREADS} evaluator threads, on-disk WAL database, this process)`);
  for (const count of sizes) {
    const run = await screenOnce(profiles, count, THREADS);
    const label = `${count.toLocaleString('en')} applicants`;
    console.log(
      `  ${label.padEnd(20)} ${run.seconds.toFixed(1).padStart(6)} s from POST to done (${run.cpuSeconds.toFixed(1)} s of CPU; upload read, validated and stored in ${run.postSeconds.toFixed(1)} s)   ` +
        `${(run.bytesPerApplicant / 1024).toFixed(1)} KiB of database per applicant`,
    );
    if (count === 10_000) Object.assign(figures, { screening10kSeconds: run.seconds, screening10kCpuSeconds: run.cpuSeconds, screeningBytesPerApplicant: Math.round(run.bytesPerApplicant) });
    if (count === 100_000) Object.assign(figures, { screening100kSeconds: run.seconds, screening100kCpuSeconds: run.cpuSeconds });
  }
  console.log(`  target: 10,000 applicants under 5 s (wall time; the CPU time shows what a shared, busy machine hides)\n`);
}
