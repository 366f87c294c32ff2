/** `npm run db:backup -- FILE`: a consistent copy of DATABASE_PATH, taken while the app servers keep serving it. */
import { readEnv } from '../../server/env.ts';
import { backupDatabase, BackupRefused } from '../backup.ts';

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) {
  console.error('usage: npm run db:backup -- FILE');
  process.exit(2);
}
const env = readEnv();
try {
  const { pages } = await backupDatabase(env.DATABASE_PATH, file);
  console.log(`backed up ${env.DATABASE_PATH} to ${file} (${pages} pages)`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`db:backup: ${error.message}`);
  process.exit(1);
}
