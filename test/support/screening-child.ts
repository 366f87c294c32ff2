/**
 * A worker process for the kill -9 test: works the screening jobs of the database it is given with two evaluator
 * threads, as a server does, slowly (each clock reading waits 30 ms, so each chunk takes that long at least).
 */
import { openDatabase } from '../../db/client.ts';
import { EvaluatorPool } from '../../server/screening/evaluators.ts';
import { ScreeningWorker } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

const [databasePath, leaseMs] = process.argv.slice(2);
const { db } = openDatabase(databasePath!);
const pause = new Int32Array(new SharedArrayBuffer(4));
const slowNow = () => {
  Atomics.wait(pause, 0, 0, 30);
  return Date.now();
};
const rulesets = new PublishedRulesets(db);
const pool = new EvaluatorPool(databasePath!, 2);
await pool.warm(rulesets.current().version);
const worker = new ScreeningWorker(db, new RulesetVersions(db, rulesets), slowNow, { chunkSize: 20, leaseMs: Number(leaseMs), pool });
process.send?.('started');
await worker.drain();
process.send?.('finished');
