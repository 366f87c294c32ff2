/**
 * (e) How long a publish takes to reach another process: `npm start`'s server (its own process) serves the finder under
 * load while this process, serving the same database, withdraws a rule now and then (a publish, as far as the ruleset
 * is concerned); from each commit the server's /api/health is asked every 10 ms until it reports the new version.
 * The figure includes the server's wait for its next generation check (RULESET_CHECK_MS), its ruleset rebuild, and the
 * health request's own wait behind the finder's requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/client.ts';
import { noStoredApplicants } from '../server/authoring/applicants.ts';
import { Authoring } from '../server/authoring/service.ts';
import { PublishedRulesets } from '../server/services/rulesets.ts';
import { prepareDatabase, startAppProcess } from './app-process.ts';
import { finderLoad } from './upload-stall.ts';

const PUBLISHES = 6;

async function reachAfter(origin: string, publish: () => string): Promise<number> {
  const version = publish();
  const start = performance.now();
  for (;;) {
    const health = (await (await fetch(`${origin}/api/health`)).json()) as { rulesetVersion: string };
    if (health.rulesetVersion === version) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function publishReachBench(summaryBodies: readonly string[], figures: Record<string, number>) {
  console.log(`(e) a publish (a rule withdrawn by another process) until the server reports the new ruleset version, ${PUBLISHES} times while the finder is loaded (autocannon, 10 connections)`);
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-publish-bench-'));
  const databasePath = join(dir, 'huiqi.db');
  await prepareDatabase(databasePath);
  const server = await startAppProcess(databasePath, dir);
  const { db, close } = openDatabase(databasePath);
  try {
    const rulesets = new PublishedRulesets(db);
    const authoring = new Authoring({ db, rulesets, now: Date.now, applicants: noStoredApplicants });
    const ids = rulesets.current().rules.slice(0, PUBLISHES + 1).map((r) => r.rule.id);
    const withdraw = () => authoring.withdraw('bench', ids.shift()!).rulesetVersion;
    const idle = await reachAfter(server.origin, withdraw);
    await finderLoad(server.origin, summaryBodies, 3); // warm up
    const delays: number[] = [];
    let loading = true;
    const publishing = (async () => {
      while (loading && delays.length < PUBLISHES) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        delays.push(await reachAfter(server.origin, withdraw));
      }
    })();
    await finderLoad(server.origin, summaryBodies, 8 + PUBLISHES * 2);
    loading = false;
    await publishing;
    const sorted = [...delays].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`  idle server: ${idle.toFixed(0)} ms; under load: ${delays.map((d) => d.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})\n`);
    Object.assign(figures, { publishReachIdleMs: idle, publishReachMedianMs: median, publishReachMaxMs: sorted.at(-1)! });
  } finally {
    close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
