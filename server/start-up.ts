/**
 * The checks of a start-up, in the order server/index.ts runs them: each failure is a StartupError whose message is
 * one line naming the path or port at fault and what to do. Nothing is written to the database before they pass.
 */
import type { Server } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { isReadOnlyError, openDatabase, openDatabaseReadOnly, type Db } from '../db/client.ts';
import { planIsEmpty, planShippedSync, reportOf, syncShippedRules, WithdrawalRefused, type ShippedDocument, type SyncReport } from '../db/rules.ts';
import { CorpusError } from './corpus/load.ts';
import { readShippedRules } from './corpus/shipped.ts';
import { listen } from './http/node-server.ts';
import { PublishedRulesets } from './services/rulesets.ts';

export class StartupError extends Error {}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code ?? '';

/** The rule files of RULES_DIR with their documents' texts, all read and checked. */
export function readRules(dir: string): ShippedDocument[] {
  const path = resolve(dir);
  if (!existsSync(path)) throw new StartupError(`start-up: the rules folder ${path} does not exist: set RULES_DIR to the folder of the <document-id>.json rule files`);
  if (!statSync(path).isDirectory()) throw new StartupError(`start-up: RULES_DIR ${path} is a file, not a folder: set RULES_DIR to the folder of the rule files`);
  try {
    return readShippedRules(dir);
  } catch (error) {
    if (error instanceof CorpusError) {
      const issues = error.problems.flatMap((p) => p.issues.map((issue) => `${p.path}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`));
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more; npm run rules:check lists them)` : '';
      throw new StartupError(`start-up: invalid rule file: ${issues[0]}${more}`);
    }
    const missing = codeOf(error) === 'ENOENT' ? (error as { path?: string }).path : undefined;
    if (missing) throw new StartupError(`start-up: the document text ${resolve(missing)} is missing: restore it, or correct "text" in its rule file`);
    if (codeOf(error) === 'EACCES') throw new StartupError(`start-up: cannot read ${(error as { path?: string }).path ?? path}: permission denied; let this user read RULES_DIR`);
    throw error;
  }
}

/** Binds the port first, so that a port in use stops the start before the database is touched. */
export async function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  try {
    return await listen(server, port, host);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EADDRINUSE') throw new StartupError(`start-up: port ${port} on ${host} is already in use: stop the other server, or set PORT to a free port`);
    if (code === 'EACCES') throw new StartupError(`start-up: not allowed to listen on port ${port}: set PORT to a port above 1023, or grant the permission`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StartupError(`start-up: HOST ${host} is not an address of this machine: set HOST (0.0.0.0 listens on all)`);
    throw error;
  }
}

export type OpenedDatabase = { db: Db; close: () => void; readOnly: boolean; pendingMigrations: number };

/** DATABASE_PATH opened for writing, or, when it may not be written, for reading only. */
export function openDatabaseAt(path: string): OpenedDatabase {
  const absolute = resolve(path);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    throw new StartupError(`start-up: DATABASE_PATH ${absolute} is a folder: set DATABASE_PATH to a database file, e.g. ${absolute}/huiqi.db`);
  }
  try {
    return { ...openDatabase(path), readOnly: false, pendingMigrations: 0 };
  } catch (error) {
    if (isReadOnlyError(error) || (existsSync(absolute) && ['SQLITE_CANTOPEN', 'EACCES', 'EPERM'].includes(codeOf(error)))) return openReadOnly(absolute, error);
    throw new StartupError(`start-up: cannot use DATABASE_PATH ${absolute}: ${reasonOf(error)}`);
  }
}

function openReadOnly(path: string, writeError: unknown): OpenedDatabase {
  try {
    return { ...openDatabaseReadOnly(path), readOnly: true };
  } catch (error) {
    throw new StartupError(`start-up: cannot use DATABASE_PATH ${path}: ${reasonOf(writeError)}; reading it fails too (${reasonOf(error)})`);
  }
}

function reasonOf(error: unknown): string {
  const code = codeOf(error);
  const message = (error as Error)?.message ?? String(error);
  if (code === 'SQLITE_NOTADB') return 'the file is not an SQLite database: point DATABASE_PATH at the database, or at a new file';
  if (code === 'SQLITE_CORRUPT') return 'the database file is damaged: restore it from a backup';
  if (code === 'ENOTDIR' || code === 'EEXIST') return `a part of the path is a file, not a folder (${message}): choose another path`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${message}): let this user write the file and its folder`;
  if (code === 'SQLITE_CANTOPEN') return 'SQLite cannot create or open the file there: check that its folder exists and is writable';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'it is read-only: make the file and its folder writable';
  return `${message}${code ? ` (${code})` : ''}`;
}

type SyncSettings = { rulesDir: string; databasePath: string; allowWithdrawal: boolean };

/**
 * Brings rules/ into the database (db/rules.ts). A read-only database is served as it is only when it needs
 * nothing written: its migrations applied and the rules already in sync.
 */
export function syncRules(database: OpenedDatabase, shipped: ShippedDocument[], settings: SyncSettings): SyncReport {
  const databasePath = resolve(settings.databasePath);
  const rulesDir = resolve(settings.rulesDir);
  if (!database.readOnly) {
    try {
      return syncShippedRules(database.db, shipped, { allowWithdrawal: settings.allowWithdrawal });
    } catch (error) {
      if (!(error instanceof WithdrawalRefused)) throw error;
      throw new StartupError(`start-up: syncing RULES_DIR ${rulesDir} ${error.message}: is RULES_DIR the right folder? To withdraw them, start once with ALLOW_RULE_WITHDRAWAL=1`);
    }
  }
  if (database.pendingMigrations) {
    throw new StartupError(`start-up: the database ${databasePath} is read-only and needs ${database.pendingMigrations} migration(s): make it and its folder writable for one start`);
  }
  const plan = planShippedSync(database.db, shipped);
  if (!planIsEmpty(plan)) {
    const { added, updated, withdrawn } = reportOf(plan);
    const changes = `${added.length} added, ${updated.length} updated, ${withdrawn.length} withdrawn, ${plan.documents.length} documents changed`;
    throw new StartupError(`start-up: the database ${databasePath} is read-only and ${rulesDir} differs from it (${changes}): make the database writable for one start, or set RULES_DIR to the rules it was synced with`);
  }
  return reportOf(plan);
}

/** The published ruleset, recorded by version: a read-only database must have recorded it already. */
export function loadRulesets(database: OpenedDatabase, databasePath: string, checkEveryMs?: number): PublishedRulesets {
  try {
    return new PublishedRulesets(database.db, { checkEveryMs });
  } catch (error) {
    if (!database.readOnly || !isReadOnlyError(error)) throw error;
    throw new StartupError(`start-up: the database ${resolve(databasePath)} is read-only and has not recorded its ruleset version: make it writable for one start`);
  }
}
