import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../server/domain/accounts.ts';
import { REVIEW_STATUSES } from '../server/domain/screening/applicants.ts';

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
  /** 部门 / 区县, free text set by an admin ('' for none): an officer reads the screenings of their own unit. */
  unit: text('unit').notNull().default(''),
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

/**
 * A batch screening: who ran it, when, on which ruleset version and date, from which file. Its progress and status
 * live on its job. Times are epoch milliseconds from the app's clock.
 */
export const screenings = sqliteTable(
  'screenings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    rulesetVersion: text('ruleset_version').notNull(),
    asOf: text('as_of').notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    /** The unit of the officer who ran it (a re-run keeps it): only that unit's officers, and admins, read it. */
    unit: text('unit').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    source: text('source', { enum: ['json', 'csv', 'xlsx'] }).notNull(),
    fileName: text('file_name'),
    fileSha256: text('file_sha256'),
    fileEncoding: text('file_encoding'),
    fileBytes: integer('file_bytes'),
    /** What each sheet column was read as, and the headers left unread. */
    columns: text('columns', { mode: 'json' }).$type<{ column: string; reads: string; note?: string }[]>(),
    unread: text('unread', { mode: 'json' }).$type<string[]>(),
    /** The screening this one re-ran on the rules current at the time. */
    rerunOf: integer('rerun_of'),
    /** Every applicant of the file, screened or not (the job counts those to screen). */
    applicantCount: integer('applicant_count').notNull(),
  },
  (t) => [index('screenings_created_idx').on(t.createdAt), index('screenings_unit_idx').on(t.unit, t.id)],
);

/**
 * The applicants of a screening, in file order. `answer` is the summary view as computed, packed (see
 * server/domain/screening/stored-answer.ts); the counts and total beside it are for sorting and filtering.
 */
export const screeningApplicants = sqliteTable(
  'screening_applicants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    screeningId: integer('screening_id').notNull().references(() => screenings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sheetRow: integer('sheet_row'),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    profile: text('profile', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    city: text('city'),
    /** Why the applicant is listed but not screened (登记状态：注销), or null. */
    notScreened: text('not_screened'),
    answer: text('answer'),
    eligibleCount: integer('eligible_count'),
    possibleCount: integer('possible_count'),
    estimatedYuan: real('estimated_yuan'),
    /** For a re-run: what changed against the screening it re-ran. */
    changes: text('changes', { mode: 'json' }),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('pending'),
    reviewNote: text('review_note').notNull().default(''),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [
    uniqueIndex('screening_applicants_position_idx').on(t.screeningId, t.position),
    index('screening_applicants_yuan_idx').on(t.screeningId, t.estimatedYuan),
    index('screening_applicants_credit_code_idx').on(t.creditCode),
  ],
);

/** The item texts a screening's packed answers refer to by number, each kept once per screening. */
export const screeningFragments = sqliteTable(
  'screening_fragments',
  {
    screeningId: integer('screening_id').notNull().references(() => screenings.id, { onDelete: 'cascade' }),
    no: integer('no').notNull(),
    json: text('json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.screeningId, t.no] })],
);

/** Who changed an applicant's review, when, from what to what. Never rewritten. */
export const reviewEvents = sqliteTable(
  'review_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicantId: integer('applicant_id').notNull().references(() => screeningApplicants.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id),
    at: integer('at').notNull(),
    fromStatus: text('from_status', { enum: REVIEW_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: REVIEW_STATUSES }).notNull(),
    fromNote: text('from_note').notNull(),
    toNote: text('to_note').notNull(),
  },
  (t) => [index('review_events_applicant_idx').on(t.applicantId)],
);

/**
 * Background work, claimed by one process at a time with a lease it refreshes while working; a lease that runs out
 * (the process died) lets another claim it and resume. Progress is `done` of `total`.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['screening'] }).notNull(),
    screeningId: integer('screening_id').notNull().references(() => screenings.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [uniqueIndex('jobs_screening_idx').on(t.screeningId), index('jobs_claim_idx').on(t.status, t.leaseUntil)],
);

/**
 * Every change authors make (and every document added), in order: who, when (epoch milliseconds from the app's
 * clock), what, to which rule or document and version. Rows are only ever added.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action', { enum: ['create', 'edit', 'publish', 'withdraw', 'import', 'add_document', 'update_document'] }).notNull(),
    ruleId: text('rule_id'),
    documentId: text('document_id'),
    version: integer('version'),
    /** For a publish: the version that was published before (null: none), so "who newly qualifies" can compare. */
    previousVersion: integer('previous_version'),
    message: text('message').notNull(),
  },
  (t) => [index('audit_log_rule_idx').on(t.ruleId, t.id), index('audit_log_action_idx').on(t.action, t.id)],
);

/**
 * One row (id 1): `generation` goes up whenever the published rules change. Every app process serving the database
 * polls it and rebuilds its ruleset when it moved, so a publish reaches them all.
 */
export const rulesetState = sqliteTable('ruleset_state', {
  id: integer('id').primaryKey(),
  generation: integer('generation').notNull(),
  changedAt: integer('changed_at').notNull(),
});
