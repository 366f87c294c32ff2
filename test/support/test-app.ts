import { openDatabase } from '../../db/client.ts';
import { syncShippedRules, type ShippedDocument } from '../../db/rules.ts';
import { createApp } from '../../server/app.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

/** The real app over an in-memory database seeded with the given documents. */
export function testApp(shipped: ShippedDocument[], options: { bodyLimitBytes?: number; webRoot?: string } = {}) {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, shipped);
  const rulesets = new PublishedRulesets(db);
  const app = createApp({ db, rulesets, webRoot: null, ...options });
  const postJson = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { app, db, rulesets, postJson };
}
