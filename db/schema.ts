import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../server/domain/accounts.ts';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** Source documents: metadata as printed (JSON of the rule file's `document`) and the document's text. */
export const documents = sqliteTable('documents', {
  id: text('id').primaryKey(),
  body: text('body', { mode: 'json' }).notNull(),
  text: text('text').notNull(),
  updatedAt: createdAt(),
});

/** A rule's identity; its content lives in rule_versions. `publishedVersion` is what /api/match uses. */
export const rules = sqliteTable(
  'rules',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id),
    /** Order within its document, as the clauses are printed. */
    position: integer('position').notNull(),
    publishedVersion: integer('published_version'),
    latestVersion: integer('latest_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rules_document_idx').on(t.documentId)],
);

/** Every version of every rule, never rewritten. `origin` is `shipped` for versions loaded from rules/ files. */
export const ruleVersions = sqliteTable(
  'rule_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ruleId: text('rule_id').notNull().references(() => rules.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    origin: text('origin', { enum: ['shipped', 'author'] }).notNull(),
    contentHash: text('content_hash').notNull(),
    author: text('author').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rule_versions_rule_version_idx').on(t.ruleId, t.version)],
);

/** Which rule versions made up each ruleset version, so a past screening can be reproduced exactly. */
export const rulesetSnapshots = sqliteTable('ruleset_snapshots', {
  version: text('version').primaryKey(),
  ruleVersions: text('rule_versions', { mode: 'json' }).$type<{ ruleId: string; version: number }[]>().notNull(),
  createdAt: createdAt(),
});

/** Accounts. `name` is stored normalised (NFKC, trimmed); `passwordHash` is a PHC string (argon2id, or an older scrypt). */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** Milliseconds since the epoch, as the app's clock gave them. */
  lastLoginAt: integer('last_login_at'),
  createdAt: createdAt(),
});

/** Signed-in sessions: the token's id and a SHA-256 of its secret, never the secret. Times in epoch milliseconds. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins, one row each, keyed `name:<normalised name>` or `ip:<address>`: the throttle counts them in a
 * sliding window. In the database, so every app process serving it sees the same counts.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at), index('login_failures_at_idx').on(t.at)],
);
