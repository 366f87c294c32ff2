/** Child process for the HTTP benchmark: the real app and a bare Hono route with the same zod validation. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { defaultAccountSettings } from '../server/accounts/settings.ts';
import { createApp } from '../server/app.ts';
import { readShippedRules, rulesetFromFiles } from '../server/corpus/shipped.ts';
import { evaluateProfile } from '../server/domain/evaluate.ts';
import { benchProfile } from './profile.ts';
import { matchRequestSchema } from '../server/domain/match-schema.ts';
import { PublishedRulesets } from '../server/services/rulesets.ts';

const which = process.argv[2];
let fetch: (request: Request) => Response | Promise<Response>;
if (which === 'app') {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, readShippedRules('rules'));
  fetch = createApp({ db, rulesets: new PublishedRulesets(db), now: Date.now, accounts: defaultAccountSettings }).fetch;
} else {
  // 'bare-payload' answers with the JSON of a real match answer for the 白银 profile, fixed: the bytes without the work.
  const payload = which === 'bare-payload' ? JSON.stringify(evaluateProfile(rulesetFromFiles('rules'), benchProfile as never, '2024-06-01')) : null;
  const bare = new Hono();
  bare.post('/api/match', async (c) => {
    const parsed = matchRequestSchema.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: parsed.error.issues }, 400);
    return payload ? c.body(payload, 200, { 'content-type': 'application/json' }) : c.json({ ok: true });
  });
  fetch = bare.fetch;
}
const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send?.({ port: info.port });
});
process.on('message', (m) => {
  if (m === 'rss') process.send?.({ rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) });
  if (m === 'stop') server.close(() => process.exit(0));
});
