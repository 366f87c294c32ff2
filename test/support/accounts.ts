import { randomBytes, scryptSync } from 'node:crypto';
import { expect } from 'vitest';
import { insertUser } from '../../db/accounts.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { testAccountSettings } from '../../server/accounts/settings.ts';
import type { App } from '../../server/app.ts';
import type { Role } from '../../server/domain/accounts.ts';

/** Signing in from tests: users made straight in the database, sessions made through the real login route. */

/** The origin `app.request` gives its requests (`http://localhost/...`): a browser on the app's own page sends it. */
export const OWN_ORIGIN = 'http://localhost';

export const passwordOf = (name: string) => `password of ${name}`;

/** Adds a user (cheap test hash) and answers its id. The password is `passwordOf(name)` unless given. */
export async function addUser(db: Db, name: string, role: Role, password = passwordOf(name)): Promise<number> {
  const user = insertUser(db, { name, role, passwordHash: await hashPassword(password, testAccountSettings.argon2) });
  if (!user) throw new Error(`user ${name} exists`);
  return user.id;
}

/** The `name=value` of the session cookie a response sets, or null. */
export function sessionCookieOf(response: Response): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('__Host-huiqi_session='));
  const pair = header?.split(';')[0];
  return pair && pair !== '__Host-huiqi_session=' ? pair : null;
}

export const login = (app: App, name: string, password = passwordOf(name), headers: Record<string, string> = {}) =>
  app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: OWN_ORIGIN, ...headers },
    body: JSON.stringify({ name, password }),
  });

/** Signs in and answers the headers a browser page of the app would send with that session. */
/** The headers a signed-in browser page sends. */
export type Session = { cookie: string; origin: string };

export async function signIn(app: App, name: string, password = passwordOf(name)): Promise<Session> {
  const response = await login(app, name, password);
  expect(response.status, `sign-in of ${name}`).toBe(200);
  return { cookie: sessionCookieOf(response)!, origin: OWN_ORIGIN };
}

/** Adds a user with the role and signs them in: the headers of their requests. */
export async function signedInAs(app: App, db: Db, role: Role, name: string = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
  await addUser(db, name, role);
  return signIn(app, name);
}

/** A JSON request with the session's headers. */
export const send = (app: App, session: Record<string, string>, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...session, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A hash as the first version of the app wrote it (scrypt N=2^15, r=8, p=1), to test the upgrade path. */
export function legacyScryptHash(password: string) {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
