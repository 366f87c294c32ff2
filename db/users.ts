import { eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { users } from './schema.ts';

export type Role = (typeof users.$inferSelect)['role'];

/** Adds a user, or returns false when the name is taken. */
export function addUser(db: Db, user: { name: string; role: Role; passwordHash: string }): boolean {
  const existing = db.select({ id: users.id }).from(users).where(eq(users.name, user.name)).get();
  if (existing) return false;
  db.insert(users).values(user).run();
  return true;
}

export function findUser(db: Db, name: string) {
  return db.select().from(users).where(eq(users.name, name)).get() ?? null;
}
