/**
 * `npm run rules:export [-- --out DIR]`: writes the database's published rules to DIR (default RULES_DIR, ./rules) as
 * <document-id>.json files with their texts, in the shipped files' format; unchanged content keeps its bytes.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import { exportRuleFiles } from '../authoring/rule-files.ts';
import { readEnv } from '../env.ts';

const env = readEnv();
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const { db, close } = openDatabase(env.DATABASE_PATH);
try {
  const report = exportRuleFiles(db, values.out ?? env.RULES_DIR);
  for (const path of report.written) console.log(`wrote ${path}`);
  console.log(`${report.written.length} files written, ${report.unchanged} unchanged`);
} finally {
  close();
}
