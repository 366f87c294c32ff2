/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH (the server also does this on start). */
import { readEnv } from '../../server/env.ts';
import { openDatabase } from '../client.ts';

const env = readEnv();
openDatabase(env.DATABASE_PATH).close();
console.log(`migrated ${env.DATABASE_PATH}`);
