import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { rules } from '../../db/schema.ts';

describe('openDatabase', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'huiqi-db-')), 'nested', 'huiqi.db');
  const { db, close } = openDatabase(path);

  it('creates the file with WAL journaling and foreign keys enforced', () => {
    expect(db.get<{ journal_mode: string }>(sql`pragma journal_mode`)).toEqual({ journal_mode: 'wal' });
    expect(db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`)).toEqual({ foreign_keys: 1 });
    expect(() => db.insert(rules).values({ id: 'x/y', documentId: 'no-such-doc', position: 0, latestVersion: 1 }).run()).toThrow(/FOREIGN KEY/);
  });

  it('applies the committed migrations once, and again is a no-op', () => {
    close();
    const again = openDatabase(path);
    expect(again.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' order by name`).map((t) => t.name)).toEqual(
      expect.arrayContaining(['documents', 'rules', 'rule_versions', 'ruleset_snapshots', 'users']),
    );
    again.close();
  });
});
