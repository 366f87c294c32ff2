/**
 * App processes serving one database file: a rule published through one is matched by another, whose cached ruleset
 * notices the moved generation on its own at its next check (RULESET_CHECK_MS), and not before.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../db/accounts.ts';
import { openDatabase } from '../../db/client.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { readShippedRules } from '../../server/corpus/shipped.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { testAccountSettings } from '../../server/accounts/settings.ts';
import { startAppProcess } from '../support/app-process.ts';
import { DOCUMENT_TEXT, goodRule } from '../support/authoring.ts';
import { testDocument } from '../fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-two-'));
const databasePath = join(dir, 'huiqi.db');
const rulesDir = join(dir, 'rules');
const servers: ChildProcess[] = [];

/** Starts `tsx server/index.ts` on the shared database and answers its origin once it listens. */
async function startServer(env: Record<string, string> = {}): Promise<string> {
  const server = await startAppProcess(databasePath, dir, { rulesDir, env });
  servers.push(server.child);
  return server.origin;
}

const health = async (origin: string) => (await (await fetch(`${origin}/api/health`)).json()).rulesetVersion as string;

beforeAll(async () => {
  mkdirSync(rulesDir);
  writeFileSync(join(rulesDir, 'test-doc.json'), `${JSON.stringify({ document: testDocument(), rules: [goodRule()] }, null, 2)}\n`);
  writeFileSync(join(rulesDir, 'test-doc.txt'), DOCUMENT_TEXT);
  // Migrated and synced here, so that the two servers can start at once with nothing to write.
  const { db, close } = openDatabase(databasePath);
  syncShippedRules(db, readShippedRules(rulesDir));
  insertUser(db, { name: 'zhang', role: 'author', passwordHash: await hashPassword('password of zhang', testAccountSettings.argon2) });
  close();
}, 30_000);

afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('two processes on one database', () => {
  it('a publish through one process changes rulesetVersion and /api/match in the other at its next check', async () => {
    // The third process checks once an hour: it must go on serving what it built at start, whatever the others do.
    const [first, second, hourly] = await Promise.all([startServer(), startServer(), startServer({ RULESET_CHECK_MS: String(3_600_000) })]);
    const versionBefore = await health(second);
    expect(await health(hourly)).toBe(versionBefore);

    const login = await fetch(`${first}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: first },
      body: JSON.stringify({ name: 'zhang', password: 'password of zhang' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const asAuthor = (path: string, body: unknown) =>
      fetch(`${first}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: first, cookie }, body: JSON.stringify(body) });

    const rule = goodRule({ id: 'test-doc/landing-two', title: '第二个进程看到的规则' });
    expect((await asAuthor('/api/rules', { documentId: 'test-doc', rule })).status).toBe(201);
    const published = await asAuthor(`/api/rules/${encodeURIComponent(rule.id)}/publish`, { version: 1 });
    expect(published.status).toBe(200);
    const { rulesetVersion } = await published.json();
    expect(rulesetVersion).not.toBe(versionBefore);
    expect(await health(first)).toBe(rulesetVersion);

    // The second process was told nothing: it reads the generation every 250 ms (the default). Poll, with a
    // deadline only so that a failure ends the test.
    let seen = await health(second);
    for (const deadline = Date.now() + 20_000; seen !== rulesetVersion && Date.now() < deadline; seen = await health(second)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen).toBe(rulesetVersion);
    const match = await fetch(`${second}/api/match`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: rule.examples[0]!.profile, asOf: '2024-06-01' }),
    });
    expect((await match.json()).eligible.map((i: { ruleId: string }) => i.ruleId)).toContain(rule.id);
    // The new rules are in the database and the second process serves them; the hourly one has not checked yet.
    expect(await health(hourly)).toBe(versionBefore);
  }, 120_000);
});
