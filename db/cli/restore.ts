/** `npm run db:restore -- FILE`: replaces DATABASE_PATH with a backup; refused while anything has the database open. */
import { readEnv } from '../../server/env.ts';
import { BackupRefused, restoreDatabase } from '../backup.ts';

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) {
  console.error('usage: npm run db:restore -- FILE');
  process.exit(2);
}
const env = readEnv();
try {
  restoreDatabase(file, env.DATABASE_PATH);
  console.log(`restored ${env.DATABASE_PATH} from ${file}`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`db:restore: ${error.message}`);
  process.exit(1);
}
