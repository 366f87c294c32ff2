/**
 * `npm start`'s server (server/index.ts) in a process of its own, on an on-disk database prepared here with the shipped
 * rules and an officer, for the benches that load it while something else happens: (d) uploads, (e) publishes.
 */
import { insertUser } from '../db/accounts.ts';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { hashPassword } from '../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../server/accounts/settings.ts';
import { readShippedRules } from '../server/corpus/shipped.ts';

export const OFFICER = { name: 'bench-officer', password: 'bench officer password' };

/** Migrates `databasePath`, loads the shipped rules and adds the officer. */
export async function prepareDatabase(databasePath: string): Promise<void> {
  const { db, close } = openDatabase(databasePath);
  syncShippedRules(db, readShippedRules('rules'));
  insertUser(db, { name: OFFICER.name, role: 'officer', passwordHash: await hashPassword(OFFICER.password, PRODUCTION_ARGON2) });
  close();
}

export { startAppProcess } from '../test/support/app-process.ts';
