/**
 * `npm start`'s server (server/index.ts) in a process of its own, on an on-disk database prepared here with the shipped
 * rules and an officer, for the benches that load it while something else happens: (d) uploads, (e) publishes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { insertUser } from '../db/accounts.ts';
import { openDatabase } from '../db/client.ts';
import { syncShippedRules } from '../db/rules.ts';
import { hashPassword } from '../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../server/accounts/settings.ts';
import { readShippedRules } from '../server/corpus/shipped.ts';

export const OFFICER = { name: 'bench-officer', password: 'bench officer password' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Migrates `databasePath`, loads the shipped rules and adds the officer. */
export async function prepareDatabase(databasePath: string): Promise<void> {
  const { db, close } = openDatabase(databasePath);
  syncShippedRules(db, readShippedRules('rules'));
  insertUser(db, { name: OFFICER.name, role: 'officer', passwordHash: await hashPassword(OFFICER.password, PRODUCTION_ARGON2) });
  close();
}

/** Starts the server on a prepared database; answers once it listens. */
export async function startAppProcess(databasePath: string, dir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, RULES_DIR: 'rules', WEB_ROOT: join(dir, 'no-web') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  /** The server's resident memory (VmRSS) and its peak so far (VmHWM), in MiB. */
  const memoryMiB = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  return { origin: `http://127.0.0.1:${port}`, memoryMiB, stop: () => child.kill('SIGTERM') };
}
