import { openDatabase } from '../../db/client.ts';
import { syncShippedRules, type ShippedDocument } from '../../db/rules.ts';
import { testAccountSettings, type AccountSettings } from '../../server/accounts/settings.ts';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import { ScreeningWorker, type WorkerOptions } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

/** A clock a test sets and moves: `clock.now()` for the app, `clock.advance(ms)` to let time pass. */
export function testClock(start = Date.parse('2024-06-01T08:00:00Z')) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms), set: (t: number) => void (time = t) };
}

type Options = Pick<AppDeps, 'bodyLimitBytes' | 'webRoot' | 'allowedHosts' | 'hstsMaxAgeSeconds' | 'applicants' | 'screening'> & {
  accounts?: Partial<AccountSettings>;
  clock?: ReturnType<typeof testClock>;
  worker?: Partial<WorkerOptions>;
};

/**
 * The real app over an in-memory database seeded with the given documents; cheap password hashing, a test clock.
 * Its log lines are kept in `logs`. Its screening worker is not started: a test calls `worker.drain()` to work the
 * queued jobs.
 */
export function testApp(shipped: ShippedDocument[], { accounts, clock = testClock(), worker: workerOptions, ...options }: Options = {}) {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, shipped);
  const rulesets = new PublishedRulesets(db);
  const logs: { level: string; line: string }[] = [];
  const app = createApp({
    db, rulesets, webRoot: null, now: clock.now, accounts: { ...testAccountSettings, ...accounts },
    log: (level, line) => logs.push({ level, line }), ...options,
  });
  const postJson = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const worker = new ScreeningWorker(db, new RulesetVersions(db, rulesets), clock.now, workerOptions);
  return { app, db, rulesets, clock, postJson, logs, worker };
}
