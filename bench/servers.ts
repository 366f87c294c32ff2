/**
 * Child process for the HTTP benchmark. `app`: the real app. `bare`: a Hono route with the same zod validation that
 * answers `{ ok: true }`. `same-bytes`: the same validation, answering the precomputed full answer of the very profile
 * it was sent — the bytes of /api/match without the matching.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { defaultAccountSettings } from '../server/accounts/settings.ts';
import { createApp } from '../server/app.ts';
import { readShippedRules, rulesetFromFiles } from '../server/corpus/shipped.ts';
import { fullAnswerJson } from '../server/domain/answer-json.ts';
import { matchRequestSchema } from '../server/domain/match-schema.ts';
import { PublishedRulesets } from '../server/services/rulesets.ts';
import { AS_OF, benchBodies } from './profile.ts';

const which = process.argv[2];
let fetch: (request: Request) => Response | Promise<Response>;
if (which === 'app') {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, readShippedRules('rules'));
  fetch = createApp({ db, rulesets: new PublishedRulesets(db), now: Date.now, accounts: defaultAccountSettings }).fetch;
} else {
  const answers = new Map<string, string>();
  if (which === 'same-bytes') {
    const ruleset = rulesetFromFiles('rules');
    for (const body of benchBodies(ruleset.rules.map((r) => r.rule))) {
      answers.set(body, fullAnswerJson(ruleset, JSON.parse(body).profile, AS_OF));
    }
  }
  const bare = new Hono();
  bare.post('/api/match', async (c) => {
    const text = await c.req.text();
    const parsed = matchRequestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return c.json({ error: parsed.error.issues }, 400);
    const answer = answers.get(text);
    return answer ? c.body(answer, 200, { 'content-type': 'application/json; charset=UTF-8' }) : c.json({ ok: true });
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
