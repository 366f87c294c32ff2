/** Composition root: environment → database → shipped rules → ruleset → screening worker → app → server. */
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { createApp } from './app.ts';
import { CorpusError } from './corpus/load.ts';
import { readShippedRules } from './corpus/shipped.ts';
import { accountSettingsFrom, importLimitsFrom, readEnv } from './env.ts';
import { EvaluatorPool } from './screening/evaluators.ts';
import { ScreeningWorker } from './screening/worker.ts';
import { RulesetVersions } from './services/ruleset-versions.ts';
import { PublishedRulesets } from './services/rulesets.ts';

const env = readEnv();
const { db, close } = openDatabase(env.DATABASE_PATH);

try {
  const report = syncShippedRules(db, readShippedRules(env.RULES_DIR));
  const changes = Object.entries(report).filter(([, ids]) => ids.length).map(([kind, ids]) => `${ids.length} ${kind}`);
  console.log(`rules/: ${changes.length ? changes.join(', ') : 'database up to date'}`);
  for (const id of report.keptAuthorEdits) console.warn(`rules/: ${id} changed in the files but was edited by an author; the author's version is kept`);
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const rulesets = new PublishedRulesets(db);
// Resumes, on start, any screening a stopped or killed process left running (once its lease has run out).
const threads = env.DATABASE_PATH === ':memory:' ? 0 : env.SCREENING_THREADS;
const pool = threads > 0 ? new EvaluatorPool(env.DATABASE_PATH, threads) : null;
await pool?.warm(rulesets.current().version);
const worker = new ScreeningWorker(db, new RulesetVersions(db, rulesets), Date.now, { pool });
worker.start();
const app = createApp({
  db, rulesets, now: Date.now, accounts: accountSettingsFrom(env), webRoot: env.WEB_ROOT,
  screening: { limits: importLimitsFrom(env), queued: () => worker.wake() },
});
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const { version, rules } = rulesets.current();
  console.log(`惠企匹配 listening on http://localhost:${info.port} — ruleset ${version}, ${rules.length} rules`);
});

const shutdown = () => server.close(async () => { await worker.stop(); await pool?.close(); close(); process.exit(0); });
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
