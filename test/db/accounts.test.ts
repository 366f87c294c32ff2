import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failuresSince, findSession, findUserByName, insertSession, insertUser, recordFailures } from '../../db/accounts.ts';
import { openDatabase } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { verifyPassword } from '../../server/accounts/passwords.ts';

describe('account queries', () => {
  it('add a user once per name', () => {
    const { db } = openDatabase(':memory:');
    expect(insertUser(db, { name: 'wang', role: 'officer', passwordHash: 'x' })).toMatchObject({ name: 'wang', role: 'officer', disabled: false });
    expect(insertUser(db, { name: 'wang', role: 'admin', passwordHash: 'y' })).toBeNull();
    expect(findUserByName(db, 'wang')?.role).toBe('officer');
  });

  it('delete a user’s sessions with the user', () => {
    const { db } = openDatabase(':memory:');
    const user = insertUser(db, { name: 'wang', role: 'officer', passwordHash: 'x' })!;
    insertSession(db, { id: 's1', secretHash: Buffer.alloc(32), userId: user.id, createdAt: 0, lastUsedAt: 0, expiresAt: 1 });
    expect(findSession(db, 's1')?.user.name).toBe('wang');
    db.delete(users).run();
    expect(findSession(db, 's1')).toBeNull();
  });

  it('count failures in a window, with the oldest', () => {
    const { db } = openDatabase(':memory:');
    recordFailures(db, ['name:wang', 'ip:1'], 1000);
    recordFailures(db, ['name:wang', 'ip:1'], 2000);
    expect(failuresSince(db, 'name:wang', 0)).toEqual({ count: 2, oldest: 1000 });
    expect(failuresSince(db, 'name:wang', 1000)).toEqual({ count: 1, oldest: 2000 });
    expect(failuresSince(db, 'name:li', 0)).toEqual({ count: 0, oldest: null });
  });
});

describe('npm run user:add', () => {
  const run = (dir: string, args: string[], password: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'db/cli/user-add.ts', ...args], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'huiqi.db'), HUIQI_PASSWORD: password },
      encoding: 'utf8',
    });

  it('adds a user with a normalised name and an Argon2id hash at production cost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-user-add-'));
    try {
      const added = run(dir, ['--role', 'admin', '--name', ' ｂｏｓｓ '], 'the first admin password');
      expect(added.stderr).toBe('');
      expect(added.stdout).toContain('added admin boss');
      expect(run(dir, ['--role', 'officer', '--name', 'boss'], 'another long password').status).toBe(1);
      const officer = run(dir, ['--role', 'officer', '--name', 'wang', '--unit', ' 白银区 '], 'an officer password');
      expect(officer.stdout).toContain('added officer wang of 白银区');
      const short = run(dir, ['--role', 'officer', '--name', 'li'], 'short');
      expect(short.status).toBe(2);
      expect(short.stderr).toContain('至少 10 个字符');

      const { db, close } = openDatabase(join(dir, 'huiqi.db'));
      const boss = findUserByName(db, 'boss')!;
      const wang = findUserByName(db, 'wang')!;
      close();
      expect([boss.unit, wang.unit]).toEqual(['', '白银区']);
      expect(boss.role).toBe('admin');
      expect(boss.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword('the first admin password', boss.passwordHash)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
