import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { publishedRules, syncShippedRules } from '../../db/rules.ts';
import { ruleVersions } from '../../db/schema.ts';
import { readShippedRules } from '../../server/corpus/shipped.ts';
import { readEnv } from '../../server/env.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { listenOn, openDatabaseAt, readRules, StartupError, syncRules } from '../../server/start-up.ts';
import { get, LOCALHOST, rawRequest, silentConnection } from '../support/raw-http.ts';
import { otherUser, SMALL_CORPUS, startServer, tempSetup } from '../support/server-process.ts';

/** A database seeded from the small corpus, as a previous start would have left it. */
function seeded(dir: string, rulesDir: string) {
  const path = join(dir, 'db', 'huiqi.db');
  const { db, close } = openDatabase(path);
  syncShippedRules(db, readShippedRules(rulesDir));
  new PublishedRulesets(db);
  const rows = db.select().from(ruleVersions).all();
  close();
  return { path, rows };
}

/** A start-up check fails with exactly one line. */
function refusal(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    const { message } = error as Error;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the check passed');
}

const syncSettings = (rulesDir: string, databasePath: string) => ({ rulesDir, databasePath, allowWithdrawal: false });

describe('start-up checks', () => {
  it('name a missing rules folder, a file in its place, a missing document text and an invalid rule file', () => {
    const { dir, rulesDir } = tempSetup();
    expect(refusal(() => readRules(join(dir, 'nope')))).toMatch(/^start-up: the rules folder .*\/nope does not exist: set RULES_DIR/);
    writeFileSync(join(dir, 'file'), '');
    expect(refusal(() => readRules(join(dir, 'file')))).toMatch(/^start-up: RULES_DIR .*\/file is a file, not a folder/);
    rmSync(join(rulesDir, `${SMALL_CORPUS[1]}.txt`));
    expect(refusal(() => readRules(rulesDir))).toBe(`start-up: the document text ${rulesDir}/${SMALL_CORPUS[1]}.txt is missing: restore it, or correct "text" in its rule file`);
    writeFileSync(join(rulesDir, 'broken.json'), '{ "document": ');
    expect(refusal(() => readRules(rulesDir))).toMatch(/^start-up: invalid rule file: .*broken\.json: not valid JSON/);
  });

  it.each([
    ['a folder', (dir: string) => dir, /is a folder: set DATABASE_PATH to a database file/],
    ['not a database', (dir: string) => (writeFileSync(join(dir, 'notes.txt'), 'hello, not sqlite'), join(dir, 'notes.txt')), /the file is not an SQLite database/],
    ['under a file', (dir: string) => (writeFileSync(join(dir, 'file'), ''), join(dir, 'file', 'huiqi.db')), /a part of the path is a file, not a folder/],
  ])('name a DATABASE_PATH that is %s', (_, pathIn, line) => {
    const { dir } = tempSetup();
    expect(refusal(() => openDatabaseAt(pathIn(dir)))).toMatch(new RegExp(`^start-up: (cannot use )?DATABASE_PATH ${dir}.*${line.source}`));
  });

  it('name a port in use', async () => {
    const holder = createNetServer().listen(0, LOCALHOST);
    await new Promise((resolve) => holder.once('listening', resolve));
    const { port } = holder.address() as { port: number };
    await expect(listenOn(createServer(), port, LOCALHOST)).rejects.toThrow(new StartupError(`start-up: port ${port} on 127.0.0.1 is already in use: stop the other server, or set PORT to a free port`));
    holder.close();
  });

  it('refuse to withdraw every rule of a document unasked, writing nothing, and do it when allowed', () => {
    const { dir, rulesDir } = tempSetup();
    const { path, rows } = seeded(dir, rulesDir);
    rmSync(join(rulesDir, `${SMALL_CORPUS[0]}.json`));
    const database = openDatabaseAt(path);
    expect(refusal(() => syncRules(database, readRules(rulesDir), syncSettings(rulesDir, path)))).toBe(
      `start-up: syncing RULES_DIR ${rulesDir} would withdraw 1 of 5 published rules, every rule of 1 document (${SMALL_CORPUS[0]}): is RULES_DIR the right folder? To withdraw them, start once with ALLOW_RULE_WITHDRAWAL=1`,
    );
    expect(database.db.select().from(ruleVersions).all()).toEqual(rows);
    expect(syncRules(database, readRules(rulesDir), { ...syncSettings(rulesDir, path), allowWithdrawal: true }).withdrawn).toEqual([`${SMALL_CORPUS[0]}/art-01`].map(() => expect.stringMatching(new RegExp(`^${SMALL_CORPUS[0]}/`))));
    database.close();
  });

  it('refuse a read-only database that the rules folder would change, and pass one in sync', () => {
    const { dir, rulesDir } = tempSetup();
    const { path } = seeded(dir, rulesDir);
    const database = { ...openDatabaseAt(path), readOnly: true };
    expect(syncRules(database, readRules(rulesDir), syncSettings(rulesDir, path))).toEqual({ added: [], updated: [], withdrawn: [], keptAuthorEdits: [] });
    rmSync(join(rulesDir, `${SMALL_CORPUS[0]}.json`));
    expect(refusal(() => syncRules(database, readRules(rulesDir), { ...syncSettings(rulesDir, path), allowWithdrawal: true }))).toMatch(
      /^start-up: the database .* is read-only and .* differs from it \(0 added, 0 updated, 1 withdrawn, 0 documents changed\): make the database writable/,
    );
    expect(refusal(() => syncRules({ ...database, pendingMigrations: 2 }, [], syncSettings(rulesDir, path)))).toMatch(/is read-only and needs 2 migration\(s\)/);
    expect(publishedRules(database.db).rules).toHaveLength(5);
    database.close();
  });

  it('read the settings, and name every bad one in one line', () => {
    expect(readEnv({ ALLOWED_HOSTS: ' Huiqi.example.cn, localhost ', ALLOW_RULE_WITHDRAWAL: '1', HSTS_MAX_AGE: '600' })).toMatchObject({
      ALLOWED_HOSTS: ['huiqi.example.cn', 'localhost'], ALLOW_RULE_WITHDRAWAL: true, HSTS_MAX_AGE: 600, IDLE_TIMEOUT_MS: 30_000, PORT: 3000,
    });
    expect(readEnv({})).toMatchObject({ ALLOWED_HOSTS: null, ALLOW_RULE_WITHDRAWAL: false, HSTS_MAX_AGE: null });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    readEnv({ PORT: 'eighty', IDLE_TIMEOUT_MS: '5', ALLOW_RULE_WITHDRAWAL: 'maybe' });
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toMatch(/^start-up: bad setting: PORT: .*; IDLE_TIMEOUT_MS: .*; ALLOW_RULE_WITHDRAWAL: [^\n]*$/);
    vi.restoreAllMocks();
  });
});

/** The server stopped with exit code 1 and said why in exactly one line. */
async function expectExit(env: Record<string, string>, line: RegExp) {
  const started = startServer(env);
  expect(await started.exited).toBe(1);
  expect(started.stderr()).toMatch(new RegExp(`^${line.source}[^\\n]*\\n$`));
}

describe('the server process', () => {
  it('serves, and exits 0 on SIGTERM closing every connection', async () => {
    const { dir, rulesDir } = tempSetup();
    const started = startServer({ RULES_DIR: rulesDir, DATABASE_PATH: join(dir, 'huiqi.db') });
    const port = await started.port;
    expect(started.stdout()).toContain('rules/: 5 added');
    expect((await rawRequest(port, get('/api/health', `localhost:${port}`))).status).toBe(200);
    const silent = silentConnection(port);
    const kept = silentConnection(port);
    kept.socket.write(`GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    await new Promise((resolve) => kept.socket.once('data', resolve));
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    await Promise.all([silent.closed, kept.closed]);
  });

  it('exits 1 with one line for a missing rules folder, writing no database', async () => {
    const { dir } = tempSetup();
    await expectExit({ RULES_DIR: join(dir, 'nope'), DATABASE_PATH: join(dir, 'huiqi.db') }, /start-up: the rules folder .*\/nope does not exist/);
    expect(existsSync(join(dir, 'huiqi.db'))).toBe(false);
  });

  it('exits 1 with one line for a port in use, writing no database', async () => {
    const { dir, rulesDir } = tempSetup();
    const holder = createNetServer().listen(0, LOCALHOST);
    await new Promise((resolve) => holder.once('listening', resolve));
    const { port } = holder.address() as { port: number };
    await expectExit({ RULES_DIR: rulesDir, DATABASE_PATH: join(dir, 'huiqi.db'), PORT: String(port) }, new RegExp(`start-up: port ${port} on 127\\.0\\.0\\.1 is already in use`));
    holder.close();
    expect(existsSync(join(dir, 'huiqi.db'))).toBe(false);
  });

  it('serves a read-only database whose rules are in sync, read-only', async () => {
    const { dir, rulesDir } = tempSetup();
    const { path } = seeded(dir, rulesDir);
    chmodSync(path, 0o444);
    chmodSync(join(dir, 'db'), 0o555);
    const started = startServer({ RULES_DIR: rulesDir, DATABASE_PATH: path }, otherUser());
    const port = await started.port;
    expect(started.stderr()).toMatch(/^database: .* is read-only: serving it as it is\n$/);
    const rules = await rawRequest(port, get('/api/rules', `localhost:${port}`));
    expect(JSON.parse(rules.body)).toHaveLength(5);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});
