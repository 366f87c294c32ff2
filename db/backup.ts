/**
 * Backups of the live database and their restoration (`npm run db:backup` / `db:restore`).
 * - A backup is SQLite's online backup API (better-sqlite3's `backup()`) copying every page in one step, that is in one
 *   read transaction: a consistent snapshot of a database that app servers keep writing (WAL readers never block
 *   writers). It is written beside the target under a temporary name and renamed once checked, so a backup file that
 *   exists is whole.
 * - A restore replaces the database file, so it needs the database to itself: it refuses while any other connection
 *   has it open (leaving WAL mode, which it must do first, needs exactly that).
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** A backup or restore that cannot go ahead; its message says why and what to do. */
export class BackupRefused extends Error {}

/** The most pages `sqlite3_backup_step` takes: all of them, in one step. */
const ALL_PAGES = 0x7fffffff;

const syncFile = (path: string) => {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Opens a copy for checking: a readable SQLite file of this app (it has the migrations table), intact. */
function checkCopy(path: string, what: string): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupRefused(`${what} ${path} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const migrations = sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get() as { n: number };
    if (!migrations.n) throw new BackupRefused(`${what} ${path} is not a 惠企匹配 database (no migrations table)`);
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupRefused(`${what} ${path} is damaged: ${String(check)}`);
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`${what} ${path} is not a database: ${(error as Error).message}`);
  } finally {
    sqlite.close();
  }
}

/** Writes a consistent copy of the database at `databasePath` to `file` (which must not exist yet). */
export async function backupDatabase(databasePath: string, file: string): Promise<{ pages: number }> {
  if (existsSync(file)) throw new BackupRefused(`${file} already exists: name a new file`);
  let source: Database.Database;
  try {
    source = new Database(databasePath, { fileMustExist: true });
  } catch (error) {
    throw new BackupRefused(`the database ${databasePath} cannot be opened: ${(error as Error).message}`);
  }
  const partial = `${file}.partial`;
  try {
    source.pragma('busy_timeout = 5000');
    source.pragma('query_only = ON');
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
    checkCopy(partial, 'the backup');
    syncFile(partial);
    renameSync(partial, file);
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`the backup to ${file} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
}

/**
 * Replaces the database at `databasePath` with the backup `file`. Refused while any process has the database open:
 * stop the app servers (and any other command using it) first. A database that did not exist is simply created.
 */
export function restoreDatabase(file: string, databasePath: string): void {
  checkCopy(file, 'the backup');
  if (existsSync(databasePath)) {
    const live = new Database(databasePath, { fileMustExist: true });
    try {
      live.pragma('busy_timeout = 0');
      // Leaving WAL mode needs the only connection: any other (a server, a worker thread, a command) makes it busy.
      live.pragma('journal_mode = DELETE');
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
        throw new BackupRefused(`the database ${databasePath} is in use: stop the app servers (and any command using it), then restore`);
      }
      throw new BackupRefused(`the database ${databasePath} cannot be replaced: ${(error as Error).message}`);
    } finally {
      live.close();
    }
  }
  mkdirSync(dirname(databasePath), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  copyFileSync(file, incoming);
  syncFile(incoming);
  // A journal left beside the old file would be applied to the new one: none should remain, none may.
  for (const leftover of [`${databasePath}-wal`, `${databasePath}-shm`, `${databasePath}-journal`]) rmSync(leftover, { force: true });
  renameSync(incoming, databasePath);
}
