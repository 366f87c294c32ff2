import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;

const MIGRATIONS = join(import.meta.dirname, 'migrations');

/** An error of SQLite (or of the file system) saying the database cannot be written, as opposed to unusable. */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'EROFS');
}

/**
 * The one place that opens the database: WAL, foreign keys on, committed migrations applied. `:memory:` for tests.
 * Throws when the database cannot be written (see isReadOnlyError) before writing anything itself.
 */
export function openDatabase(path: string): { db: Db; close: () => void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    // Writes the version the header already holds: fails on a read-only file before anything else is written.
    sqlite.pragma(`user_version = ${Number(sqlite.pragma('user_version', { simple: true }))}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS });
    return { db, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * An existing database that this process may not write, opened for reading. SQLite reads a WAL-mode file
 * read-only only when its -shm file can be used; otherwise the file is read into memory (it was closed cleanly: no
 * -wal content is waiting) and served from there, with writes refused all the same.
 */
export function openDatabaseReadOnly(path: string): { db: Db; close: () => void; pendingMigrations: number } {
  let sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    sqlite.close();
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) throw error;
    const image = readFileSync(path);
    // Bytes 18 and 19 say "WAL"; an in-memory copy has no WAL, so they are set back to the rollback journal.
    if (image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
    sqlite = new Database(image);
    sqlite.pragma('query_only = ON');
  }
  sqlite.pragma('foreign_keys = ON');
  const applied = sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get() as { n: number };
  const last = applied.n ? (sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? 0 : 0;
  const pendingMigrations = readMigrationFiles({ migrationsFolder: MIGRATIONS }).filter((m) => m.folderMillis > last).length;
  return { db: drizzle(sqlite, { schema }), close: () => sqlite.close(), pendingMigrations };
}
