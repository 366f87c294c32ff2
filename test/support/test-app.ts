import { openDatabase } from '../../db/client.ts';
import { syncShippedRules, type ShippedDocument } from '../../db/rules.ts';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

type Options = Pick<AppDeps, 'bodyLimitBytes' | 'webRoot' | 'allowedHosts' | 'hstsMaxAgeSeconds'>;

/** The real app over an in-memory database seeded with the given documents; its log lines are kept in `logs`. */
export function testApp(shipped: ShippedDocument[], options: Options = {}) {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, shipped);
  const rulesets = new PublishedRulesets(db);
  const logs: { level: string; line: string }[] = [];
  const app = createApp({ db, rulesets, webRoot: null, log: (level, line) => logs.push({ level, line }), ...options });
  const postJson = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { app, db, rulesets, postJson, logs };
}
