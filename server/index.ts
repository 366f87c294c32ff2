/** Composition root: environment → rules/ → port → database → ruleset → screening worker → app → serving. */
import { createApp, type App } from './app.ts';
import { accountSettingsFrom, importLimitsFrom, readEnv } from './env.ts';
import { closeServer, createHttpServer } from './http/node-server.ts';
import { consoleLog } from './http/request-log.ts';
import { securityHeaderValues } from './http/security-headers.ts';
import { EvaluatorPool } from './screening/evaluators.ts';
import { SheetReaderThread } from './screening/sheet-reader.ts';
import { ScreeningWorker } from './screening/worker.ts';
import { RulesetVersions } from './services/ruleset-versions.ts';
import { listenOn, loadRulesets, openDatabaseAt, readRules, StartupError, syncRules } from './start-up.ts';

/** Shutdown closes every connection and exits within this long, whatever the clients do. */
const SHUTDOWN_LIMIT_MS = 5_000;

const env = readEnv();
let app: App | undefined;
const server = createHttpServer(
  // Until the app exists nothing is served; the start-up work below is synchronous, so no request waits on it.
  (request, bindings) => (app ? app.fetch(request, bindings) : new Response(null, { status: 503 })),
  { idleTimeoutMs: env.IDLE_TIMEOUT_MS, headers: securityHeaderValues({ hstsMaxAgeSeconds: env.HSTS_MAX_AGE }), log: consoleLog, hostname: env.HOST },
);

try {
  const shipped = readRules(env.RULES_DIR);
  const address = await listenOn(server, env.PORT, env.HOST);
  const database = openDatabaseAt(env.DATABASE_PATH);
  const report = syncRules(database, shipped, { rulesDir: env.RULES_DIR, databasePath: env.DATABASE_PATH, allowWithdrawal: env.ALLOW_RULE_WITHDRAWAL });
  const changes = Object.entries(report).filter(([, ids]) => ids.length).map(([kind, ids]) => `${ids.length} ${kind}`);
  console.log(`rules/: ${changes.length ? changes.join(', ') : 'database up to date'}`);
  for (const id of report.keptAuthorEdits) console.warn(`rules/: ${id} changed in the files but was edited by an author; the author's version is kept`);
  if (database.readOnly) console.warn(`database: ${env.DATABASE_PATH} is read-only: serving it as it is`);

  const rulesets = loadRulesets(database, env.DATABASE_PATH, env.RULESET_CHECK_MS);
  // Screenings are judged in the background, in evaluator threads when there is a database file for them to read.
  // On start, a screening that a stopped or killed process left running is resumed once its lease has run out.
  const threads = database.readOnly || env.DATABASE_PATH === ':memory:' ? 0 : env.SCREENING_THREADS;
  const pool = threads > 0 ? new EvaluatorPool(env.DATABASE_PATH, threads) : null;
  // A warm-up cut short by a shutdown is of no consequence (a thread that cannot start fails the first screening,
  // which says so); left unhandled, its rejection would turn a clean SIGTERM into exit code 1.
  pool?.warm(rulesets.current().version).catch(() => {});
  const worker = new ScreeningWorker(database.db, new RulesetVersions(database.db, rulesets), Date.now, { pool });
  if (!database.readOnly) worker.start();
  // Uploaded sheets are read and validated off the serving thread, so that a large one stalls nobody.
  const sheets = new SheetReaderThread();
  app = createApp({
    db: database.db, rulesets, now: Date.now, accounts: accountSettingsFrom(env), webRoot: env.WEB_ROOT,
    allowedHosts: env.ALLOWED_HOSTS, hstsMaxAgeSeconds: env.HSTS_MAX_AGE, log: consoleLog,
    screening: { limits: importLimitsFrom(env), queued: () => worker.wake(), readSheet: sheets.read },
  });
  const { version, rules } = rulesets.current();
  console.log(`惠企匹配 listening on http://localhost:${address.port} — ruleset ${version}, ${rules.length} rules`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    void closeServer(server, SHUTDOWN_LIMIT_MS - 1_000).then(async () => {
      await worker.stop();
      await pool?.close();
      await sheets.close();
      database.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
