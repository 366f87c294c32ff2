import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findUserByName, insertUser } from '../../db/accounts.ts';
import { loginFailures, sessions, users } from '../../db/schema.ts';
import { addUser, legacyScryptHash, login, OWN_ORIGIN, passwordOf, send, sessionCookieOf, signedInAs, signIn } from '../support/accounts.ts';
import { testApp } from '../support/test-app.ts';

const HOUR = 3600_000;
const MINUTE = 60_000;

async function setup(accounts = {}) {
  const t = testApp([], { accounts });
  await addUser(t.db, 'wang', 'officer');
  return t;
}

describe('POST /api/auth/login', () => {
  it('signs in with a __Host- cookie: HttpOnly, Secure, SameSite=Lax, Path=/; answers name and role', async () => {
    const { app } = await setup();
    const res = await login(app, 'wang');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: expect.any(Number), name: 'wang', role: 'officer', unit: '' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-huiqi_session='))!;
    expect(cookie).toMatch(/^__Host-huiqi_session=[a-z2-7]{24}\.[a-z2-7]{24}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('finds the name after NFKC and trimming', async () => {
    const { app } = await setup();
    expect((await login(app, ' ｗａｎｇ ', passwordOf('wang'))).status).toBe(200);
  });

  it('stores only a hash of the session secret', async () => {
    const { app, db } = await setup();
    const cookie = sessionCookieOf(await login(app, 'wang'))!;
    const [id, secret] = cookie.split('=')[1]!.split('.');
    const row = db.select().from(sessions).get()!;
    expect(row.id).toBe(id);
    expect(row.secretHash.toString('hex')).not.toContain(Buffer.from(secret!).toString('hex'));
    expect(row.secretHash).toHaveLength(32);
  });

  it('answers 401 in the error shape for a wrong password and for an unknown name alike', async () => {
    const { app } = await setup();
    const wrong = await login(app, 'wang', 'not the password');
    const unknown = await login(app, 'li', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const body = await wrong.json();
    expect(body).toEqual({ error: { code: 'wrong_credentials', message: expect.stringContaining('名称或密码不正确') } });
    expect(await unknown.json()).toEqual(body);
    expect(sessionCookieOf(wrong)).toBeNull();
  });

  it('checks an unknown name’s password too: it takes a place among the password checks', async () => {
    const { app } = await setup({ maxConcurrentPasswordChecks: 1, maxQueuedPasswordChecks: 0 });
    // wang's check holds the only place; the unknown name needs one too, and there is none.
    const [known, busy] = await Promise.all([login(app, 'wang'), login(app, 'nobody', 'whatever it is')]);
    expect(known.status).toBe(200);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await busy.json()).error.code).toBe('busy');
  });

  it('rejects a password longer than 256 characters before hashing it', async () => {
    const { app } = await setup();
    const res = await login(app, 'wang', 'x'.repeat(257));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toContainEqual({ path: 'password', message: expect.stringContaining('256') });
  });

  it('answers a disabled account the same 401 with the right password as with a wrong one: the password is not confirmed', async () => {
    const { app, db } = await setup();
    db.update(users).set({ disabled: true }).where(eq(users.name, 'wang')).run();
    const wrong = await login(app, 'wang', 'not the password');
    const right = await login(app, 'wang');
    expect(right.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await right.json()).toEqual(await wrong.json());
    expect(sessionCookieOf(right)).toBeNull();
    // It counts as a failed sign-in, like any other.
    expect(db.select().from(loginFailures).where(eq(loginFailures.key, 'name:wang')).all()).toHaveLength(2);
  });

  it('rehashes an old scrypt hash as Argon2id at the next successful sign-in', async () => {
    const { app, db } = testApp([]);
    insertUser(db, { name: 'old', role: 'officer', passwordHash: legacyScryptHash('the old password') });
    expect((await login(app, 'old', 'wrong password')).status).toBe(401);
    expect(findUserByName(db, 'old')!.passwordHash).toMatch(/^scrypt\$/);
    expect((await login(app, 'old', 'the old password')).status).toBe(200);
    const { passwordHash } = findUserByName(db, 'old')!;
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    // The new hash works, and the old password is still the password.
    expect((await login(app, 'old', 'the old password')).status).toBe(200);
    expect(findUserByName(db, 'old')!.passwordHash).toBe(passwordHash);
  });

  it('starts a new session at every sign-in and ends the one the browser brought', async () => {
    const { app, db } = await setup();
    const first = await signIn(app, 'wang');
    const res = await login(app, 'wang', passwordOf('wang'), { cookie: first.cookie });
    const second = sessionCookieOf(res)!;
    expect(second).not.toBe(first.cookie);
    expect((await send(app, first, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await send(app, { cookie: second }, 'GET', '/api/auth/me')).status).toBe(200);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });
});

describe('the sign-in throttle', () => {
  it('answers 429 with Retry-After after 5 failures for a name in 15 minutes, even with the right password', async () => {
    const { app, clock } = await setup();
    for (let i = 0; i < 5; i++) {
      expect((await login(app, 'wang', 'guess number ' + i)).status).toBe(401);
      clock.advance(MINUTE);
    }
    const res = await login(app, 'wang');
    expect(res.status).toBe(429);
    // The first failure leaves the window 15 minutes after it: 10 minutes from now.
    expect(res.headers.get('retry-after')).toBe(String(10 * 60));
    expect(await res.json()).toEqual({ error: { code: 'too_many_attempts', message: expect.stringContaining('10 分钟') } });
    clock.advance(10 * MINUTE);
    expect((await login(app, 'wang')).status).toBe(200);
  });

  it('runs at most 5 password checks for a name when 30 wrong passwords arrive at once', async () => {
    const { app, db } = await setup();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(app, 'wang', 'guess number ' + i)));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expect(db.select().from(loginFailures).where(eq(loginFailures.key, 'name:wang')).all()).toHaveLength(5);
  });

  it('counts a sign-in while its password is checked; a success takes back its address’s place and the name’s count', async () => {
    const { app, db } = await setup({ maxFailuresPerName: 2 });
    const failuresOf = (key: string) => db.select().from(loginFailures).where(eq(loginFailures.key, key)).all();
    // Two right passwords at once: both checks are counted while they run, so a third waits for them.
    const answers = await Promise.all([login(app, 'wang'), login(app, 'wang'), login(app, 'wang')]);
    expect(answers.map((res) => res.status)).toEqual([200, 200, 429]);
    expect(failuresOf('name:wang')).toEqual([]);
    expect(failuresOf('ip:unknown')).toEqual([]);
  });

  it('gives the place back when no password was checked (503: too many at once)', async () => {
    const { app, db } = await setup({ maxConcurrentPasswordChecks: 1, maxQueuedPasswordChecks: 0 });
    const [checked, busy] = await Promise.all([login(app, 'li', 'guess one'), login(app, 'li', 'guess two')]);
    expect([checked.status, busy.status]).toEqual([401, 503]);
    expect(db.select().from(loginFailures).where(eq(loginFailures.key, 'name:li')).all()).toHaveLength(1);
  });

  it('counts unknown names like known ones', async () => {
    const { app } = await setup();
    for (let i = 0; i < 5; i++) await login(app, 'ghost', 'guess number ' + i);
    expect((await login(app, 'ghost', 'guess')).status).toBe(429);
  });

  it('forgives a name’s failures after a successful sign-in', async () => {
    const { app, db } = await setup();
    for (let i = 0; i < 4; i++) await login(app, 'wang', 'guess number ' + i);
    expect((await login(app, 'wang')).status).toBe(200);
    expect(db.select().from(loginFailures).where(eq(loginFailures.key, 'name:wang')).all()).toEqual([]);
    for (let i = 0; i < 4; i++) await login(app, 'wang', 'guess number ' + i);
    expect((await login(app, 'wang')).status).toBe(200);
  });

  it('limits an address across names, reading X-Forwarded-For only behind a trusted proxy', async () => {
    const { app } = await setup({ trustProxy: 1, maxFailuresPerAddress: 3 });
    const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });
    for (const name of ['a', 'b', 'c']) await login(app, name, 'guess', from('198.51.100.7'));
    expect((await login(app, 'wang', passwordOf('wang'), from('198.51.100.7'))).status).toBe(429);
    // Another client (as the proxy saw it) is not held back; the spoofable left-hand entry does not count.
    expect((await login(app, 'wang', passwordOf('wang'), from('198.51.100.8'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For without a trusted proxy', async () => {
    const { app } = await setup({ maxFailuresPerAddress: 3 });
    for (const address of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) await login(app, 'x' + address, 'guess', { 'x-forwarded-for': address });
    expect((await login(app, 'wang', passwordOf('wang'), { 'x-forwarded-for': '4.4.4.4' })).status).toBe(429);
  });

  it('counts an IPv4 client the same on a dual-stack socket (::ffff:a.b.c.d) as on an IPv4 one', async () => {
    const { app } = await setup({ maxFailuresPerAddress: 3 });
    const fromSocket = (remoteAddress: string, name: string, password = 'guess') =>
      app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) }, { incoming: { socket: { remoteAddress } } });
    for (const name of ['a', 'b', 'c']) expect((await fromSocket('::ffff:192.0.2.1', name)).status).toBe(401);
    expect((await fromSocket('192.0.2.1', 'wang', passwordOf('wang'))).status).toBe(429);
    expect((await fromSocket('192.0.2.2', 'wang', passwordOf('wang'))).status).toBe(200);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers the signed-in user, 401 without a session', async () => {
    const { app } = await setup();
    const session = await signIn(app, 'wang');
    const res = await send(app, session, 'GET', '/api/auth/me');
    expect(await res.json()).toEqual({ id: expect.any(Number), name: 'wang', role: 'officer', unit: '' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const anonymous = await app.request('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
  });

  it('marks every signed-in answer no-store, without an ETag; public answers to anonymous requests are revalidated', async () => {
    const { app } = await setup();
    const session = await signIn(app, 'wang');
    const signedIn = await send(app, session, 'GET', '/api/health');
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect(signedIn.headers.get('etag')).toBeNull();
    const anonymous = await app.request('/api/health');
    expect(anonymous.headers.get('cache-control')).toBe('no-cache');
    expect(anonymous.headers.get('etag')).toMatch(/^W\//);
  });

  it('sign-out deletes the session and clears the cookie', async () => {
    const { app, db } = await setup();
    const session = await signIn(app, 'wang');
    const res = await send(app, session, 'POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-huiqi_session=; Max-Age=0; Path=\/; Secure/);
    expect(db.select().from(sessions).all()).toEqual([]);
    expect((await send(app, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends after 30 idle minutes, and use keeps it alive', async () => {
    const { app, clock } = await setup();
    const session = await signIn(app, 'wang');
    for (let i = 0; i < 6; i++) {
      clock.advance(29 * MINUTE);
      expect((await send(app, session, 'GET', '/api/auth/me')).status).toBe(200);
    }
    clock.advance(30 * MINUTE);
    const res = await send(app, session, 'GET', '/api/auth/me');
    expect(res.status).toBe(401);
    // The dead session's cookie is cleared.
    expect(res.headers.getSetCookie().join()).toContain('__Host-huiqi_session=; Max-Age=0');
  });

  it('writes its last use at most once a minute', async () => {
    const { app, db, clock } = await setup();
    const session = await signIn(app, 'wang');
    const lastUsed = () => db.select().from(sessions).get()!.lastUsedAt;
    const start = lastUsed();
    clock.advance(59_000);
    await send(app, session, 'GET', '/api/auth/me');
    expect(lastUsed()).toBe(start);
    clock.advance(1_000);
    await send(app, session, 'GET', '/api/auth/me');
    expect(lastUsed()).toBe(start + 60_000);
  });

  it('ends 12 hours after sign-in however busy it is', async () => {
    const { app, clock } = await setup();
    const session = await signIn(app, 'wang');
    for (let i = 0; i < 28; i++) {
      clock.advance(25 * MINUTE);
      expect((await send(app, session, 'GET', '/api/auth/me')).status).toBe(200);
    }
    clock.advance(12 * HOUR - 28 * 25 * MINUTE);
    expect((await send(app, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses a forged secret for a real session id', async () => {
    const { app } = await setup();
    const { cookie } = await signIn(app, 'wang');
    const forged = cookie.replace(/\.[a-z2-7]{24}$/, '.' + 'a'.repeat(24));
    expect((await send(app, { cookie: forged }, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF: state-changing requests come from the app’s own origin', () => {
  it('refuses a signed-in POST without Origin or Sec-Fetch-Site', async () => {
    const { app } = await setup();
    const { cookie } = await signIn(app, 'wang');
    const res = await send(app, { cookie }, 'POST', '/api/auth/logout');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden_origin');
  });

  it('refuses another origin, and a cross-site fetch, even when not signed in', async () => {
    const { app } = await setup();
    expect((await login(app, 'wang', passwordOf('wang'), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await login(app, 'wang', passwordOf('wang'), { origin: 'null' })).status).toBe(403);
    const crossSite = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ name: 'wang', password: passwordOf('wang') }),
    });
    expect(crossSite.status).toBe(403);
  });

  it('accepts Sec-Fetch-Site: same-origin without Origin, and origins the settings allow', async () => {
    const { app } = await setup({ allowedOrigins: ['https://huiqi.example.gov.cn'] });
    const { cookie } = await signIn(app, 'wang');
    expect((await send(app, { cookie, 'sec-fetch-site': 'same-origin' }, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await login(app, 'wang', passwordOf('wang'), { origin: 'https://huiqi.example.gov.cn' })).status).toBe(200);
  });

  it('trusts the scheme a trusted proxy reports', async () => {
    const { app } = await setup({ trustProxy: 1 });
    const headers = { origin: 'https://localhost', 'x-forwarded-proto': 'https' };
    expect((await login(app, 'wang', passwordOf('wang'), headers)).status).toBe(200);
    expect((await login(app, 'wang', passwordOf('wang'), { origin: 'https://localhost' })).status).toBe(403);
  });

  it('keeps POST /api/match open to clients without cookies and without Origin (curl)', async () => {
    const { postJson } = await setup();
    const res = await postJson('/api/match', { profile: { province: '甘肃', entityType: 'enterprise' } });
    expect(res.status).toBe(200);
  });

  it('lets reads through from anywhere', async () => {
    const { app } = await setup();
    expect((await app.request('/api/health', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('managing users (admin)', () => {
  it('lists, creates, changes role, disables and enables', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin', 'boss');
    const created = await send(app, admin, 'POST', '/api/users', { name: ' ｌｉ ', role: 'author', password: 'a long password' });
    expect(created.status).toBe(201);
    const li = await created.json();
    expect(li).toEqual({ id: expect.any(Number), name: 'li', role: 'author', unit: '', disabled: false, lastLoginAt: null, createdAt: expect.any(String) });
    expect((await login(app, 'li', 'a long password')).status).toBe(200);

    const changed = await send(app, admin, 'PATCH', `/api/users/${li.id}`, { role: 'officer' });
    expect(await changed.json()).toMatchObject({ name: 'li', role: 'officer', lastLoginAt: '2024-06-01T08:00:00.000Z' });
    expect((await send(app, admin, 'PATCH', `/api/users/${li.id}`, { disabled: true })).status).toBe(200);
    expect((await login(app, 'li', 'a long password')).status).toBe(401);
    expect((await send(app, admin, 'PATCH', `/api/users/${li.id}`, { disabled: false })).status).toBe(200);
    expect((await login(app, 'li', 'a long password')).status).toBe(200);

    const list = await (await send(app, admin, 'GET', '/api/users')).json();
    expect(list.map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual(['boss:admin', 'li:officer', 'wang:officer']);
  });

  it('sets a unit (部门 / 区县) on create and change, read by the user’s live session at once; refuses a bad one at the field', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin');
    const created = await send(app, admin, 'POST', '/api/users', { name: 'zhao', role: 'officer', unit: ' 白银区 ', password: 'a long password' });
    expect(await created.json()).toMatchObject({ name: 'zhao', unit: '白银区' });
    const zhao = await signIn(app, 'zhao', 'a long password');
    expect(await (await send(app, zhao, 'GET', '/api/auth/me')).json()).toMatchObject({ unit: '白银区' });
    const wangId = findUserByName(db, 'wang')!.id;
    const moved = await send(app, admin, 'PATCH', `/api/users/${findUserByName(db, 'zhao')!.id}`, { unit: '平川区' });
    expect(await moved.json()).toMatchObject({ name: 'zhao', unit: '平川区' });
    expect(await (await send(app, zhao, 'GET', '/api/auth/me')).json()).toMatchObject({ unit: '平川区' });
    const list = await (await send(app, admin, 'GET', '/api/users')).json();
    expect(list.map((u: { name: string; unit: string }) => `${u.name}:${u.unit}`)).toEqual([expect.stringMatching(/^admin-.*:$/), 'wang:', 'zhao:平川区']);
    const bad = await send(app, admin, 'PATCH', `/api/users/${wangId}`, { unit: 'x'.repeat(61) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'unit', message: expect.stringContaining('60') }]);
  });

  it('refuses a taken name with 409 at the field, and a weak password with 400 at the field', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin');
    const taken = await send(app, admin, 'POST', '/api/users', { name: 'ｗａｎｇ', role: 'officer', password: 'a long password' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.issues).toEqual([{ path: 'name', message: expect.stringContaining('已被使用') }]);
    const weak = await send(app, admin, 'POST', '/api/users', { name: 'zhao', role: 'officer', password: 'short' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.issues).toContainEqual({ path: 'password', message: expect.stringContaining('至少 10 个字符') });
    const badRole = await send(app, admin, 'POST', '/api/users', { name: 'zhao', role: 'root', password: 'a long password' });
    expect((await badRole.json()).error.issues).toContainEqual({ path: 'role', message: expect.stringContaining('officer, author, admin') });
  });

  it('ends every session of a user who is disabled or whose password is reset', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin');
    const wangId = findUserByName(db, 'wang')!.id;
    const phone = await signIn(app, 'wang');
    const desk = await signIn(app, 'wang');
    expect((await send(app, admin, 'PATCH', `/api/users/${wangId}`, { password: 'a brand new password' })).status).toBe(200);
    for (const session of [phone, desk]) expect((await send(app, session, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(app, 'wang')).status).toBe(401);
    const again = await signIn(app, 'wang', 'a brand new password');
    expect((await send(app, admin, 'PATCH', `/api/users/${wangId}`, { disabled: true })).status).toBe(200);
    expect((await send(app, again, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('never leaves the app without an active admin', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin', 'boss');
    const bossId = findUserByName(db, 'boss')!.id;
    for (const change of [{ disabled: true }, { role: 'officer' }]) {
      const res = await send(app, admin, 'PATCH', `/api/users/${bossId}`, change);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('last_admin');
    }
    await addUser(db, 'deputy', 'admin');
    expect((await send(app, admin, 'PATCH', `/api/users/${bossId}`, { role: 'officer' })).status).toBe(200);
  });

  it('keeps an active admin when two admins disable each other at once, each setting a password', async () => {
    const { app, db } = await setup();
    const boss = await signedInAs(app, db, 'admin', 'boss');
    const deputy = await signedInAs(app, db, 'admin', 'deputy');
    const idOf = (name: string) => findUserByName(db, name)!.id;
    const answers = await Promise.all([
      send(app, boss, 'PATCH', `/api/users/${idOf('deputy')}`, { disabled: true, password: 'a brand new password' }),
      send(app, deputy, 'PATCH', `/api/users/${idOf('boss')}`, { disabled: true, password: 'another new password' }),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    const activeAdmins = db.select().from(users).all().filter((user) => user.role === 'admin' && !user.disabled);
    expect(activeAdmins).toHaveLength(1);
  });

  it('answers 404 for an unknown user and 400 for an empty change', async () => {
    const { app, db } = await setup();
    const admin = await signedInAs(app, db, 'admin');
    expect((await send(app, admin, 'PATCH', '/api/users/999', { role: 'officer' })).status).toBe(404);
    expect((await send(app, admin, 'PATCH', '/api/users/1', {})).status).toBe(400);
    expect((await send(app, admin, 'PATCH', '/api/users/x', { role: 'officer' })).status).toBe(400);
  });

  it('is for admins only', async () => {
    const { app } = await setup();
    const officer = await signIn(app, 'wang');
    const res = await send(app, officer, 'GET', '/api/users');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    expect((await app.request('/api/users', { headers: { origin: OWN_ORIGIN } })).status).toBe(401);
  });
});
