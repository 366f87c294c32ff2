/**
 * `npm run rules:import [-- --from DIR] [--author NAME] [--publish]`: loads the rule files of DIR (default RULES_DIR,
 * ./rules) into the database as new versions by NAME; with --publish, each imported version that passes its checks is
 * published. Files that fail the start-up checks are refused whole, naming what is wrong.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import { noStoredApplicants } from '../authoring/applicants.ts';
import { importRuleFiles } from '../authoring/rule-files.ts';
import { Authoring } from '../authoring/service.ts';
import { CorpusError } from '../corpus/load.ts';
import { readEnv } from '../env.ts';
import { PublishedRulesets } from '../services/rulesets.ts';

const env = readEnv();
const { values } = parseArgs({ options: { from: { type: 'string' }, author: { type: 'string' }, publish: { type: 'boolean' } } });
const { db, close } = openDatabase(env.DATABASE_PATH);
try {
  const authoring = new Authoring({ db, rulesets: new PublishedRulesets(db), now: Date.now, applicants: noStoredApplicants });
  const report = importRuleFiles(db, authoring, values.from ?? env.RULES_DIR, { actor: values.author ?? 'rules:import', publish: values.publish, now: Date.now });
  console.log(`documents stored: ${report.documents.length}; rules created: ${report.created.length}, new versions: ${report.updated.length}, unchanged: ${report.unchanged}`);
  for (const id of [...report.created, ...report.updated]) console.log(`  ${id}`);
  if (values.publish) console.log(`published: ${report.published.length}`);
  for (const { id, reason } of report.notPublished) console.log(`  not published ${id}: ${reason}`);
  process.exitCode = report.notPublished.length ? 1 : 0;
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  close();
}
