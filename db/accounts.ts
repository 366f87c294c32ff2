import { and, asc, count, eq, gt, inArray, lt, min, ne } from 'drizzle-orm';
import type { Role } from '../server/domain/accounts.ts';
import type { Db } from './client.ts';
import type { Queries } from './jobs.ts';
import { loginFailures, sessions, users } from './schema.ts';

/** Users, sessions and failed sign-ins. Names are given normalised; times are epoch milliseconds from the app's clock. */

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

const publicColumns = { id: users.id, name: users.name, role: users.role, unit: users.unit, disabled: users.disabled, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt };
export type UserSummary = Pick<UserRow, keyof typeof publicColumns>;

/** Adds a user and answers it, or null when the name is taken. */
export function insertUser(db: Db, user: { name: string; role: Role; unit?: string; passwordHash: string }): UserSummary | null {
  return db.insert(users).values(user).onConflictDoNothing({ target: users.name }).returning(publicColumns).get() ?? null;
}

export const findUserByName = (db: Db, name: string): UserRow | null => db.select().from(users).where(eq(users.name, name)).get() ?? null;

export const findUserById = (db: Db, id: number): UserSummary | null =>
  db.select(publicColumns).from(users).where(eq(users.id, id)).get() ?? null;

export const listUsers = (db: Db): UserSummary[] => db.select(publicColumns).from(users).orderBy(asc(users.name)).all();

export function updateUser(db: Db, id: number, change: { role?: Role; unit?: string; disabled?: boolean; passwordHash?: string; lastLoginAt?: number }) {
  db.update(users).set(change).where(eq(users.id, id)).run();
}

/** Enabled admins other than the given user: the last one may not be disabled or demoted. */
export const countOtherActiveAdmins = (db: Db, exceptId: number) =>
  db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, exceptId))).get()!.n;

export function insertSession(db: Db, session: SessionRow) {
  db.insert(sessions).values(session).run();
}

/** A session with its user, or null. */
export function findSession(db: Db, id: string) {
  return (
    db
      .select({ session: sessions, user: { id: users.id, name: users.name, role: users.role, unit: users.unit, disabled: users.disabled } })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .get() ?? null
  );
}

export function touchSession(db: Db, id: string, lastUsedAt: number) {
  db.update(sessions).set({ lastUsedAt }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Db, id: string) {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: Db, now: number) {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

/** Failures of a key since a moment: how many, and the oldest (when the window frees a place again). */
export function failuresSince(db: Queries, key: string, since: number): { count: number; oldest: number | null } {
  const row = db
    .select({ count: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .get()!;
  return { count: row.count, oldest: row.oldest };
}

/** Records one failure per key and answers their ids, in the order of the keys. */
export function recordFailures(db: Queries, keys: string[], at: number): number[] {
  return db.insert(loginFailures).values(keys.map((key) => ({ key, at }))).returning({ id: loginFailures.id }).all().map((row) => row.id);
}

export function deleteFailures(db: Queries, ids: number[]) {
  db.delete(loginFailures).where(inArray(loginFailures.id, ids)).run();
}

export function clearFailures(db: Queries, key: string) {
  db.delete(loginFailures).where(eq(loginFailures.key, key)).run();
}

/** Failures older than any window are forgotten. */
export function deleteFailuresBefore(db: Queries, before: number) {
  db.delete(loginFailures).where(lt(loginFailures.at, before)).run();
}
