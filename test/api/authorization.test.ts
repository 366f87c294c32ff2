/**
 * The authorization matrix: every route registered on the app, with every role, an officer of another unit and with
 * no session, against the status it must answer. The routes are read from the app itself, so a new route that is not in the table below fails
 * the first test: add it with who may call it and a request that succeeds for them.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { findUserByName } from '../../db/accounts.ts';
import { findRule, insertRule, recordAudit, setPublishedVersion } from '../../db/authoring.ts';
import { screenings, users } from '../../db/schema.ts';
import { ROLES, roleAllows, type Role } from '../../server/domain/accounts.ts';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { addUser, OWN_ORIGIN, passwordOf, send, signIn } from '../support/accounts.ts';
import { testApp } from '../support/test-app.ts';

/** `other-officer` is an officer of another unit than the one that ran screening 1. */
type Principal = Role | 'none' | 'other-officer';
type Expected = Record<Principal, number>;

/** Everyone, signed in or not. */
const open = (status = 200): Expected => ({ none: status, officer: status, author: status, admin: status, 'other-officer': status });
/** Any signed-in role. */
const signedIn = (status = 200): Expected => ({ none: 401, officer: status, author: status, admin: status, 'other-officer': status });
/** One role (and admin, who may do everything); the other roles get 403. */
const only = (role: Role, status = 200): Expected => {
  const byRole = Object.fromEntries(ROLES.map((r) => [r, roleAllows(r, [role]) ? status : 403])) as Record<Role, number>;
  return { none: 401, ...byRole, 'other-officer': byRole.officer };
};
/** Screening 1: officers of its unit and admins; an officer of another unit does not find it. */
const ownUnit = (status = 200): Expected => ({ ...only('officer', status), 'other-officer': 404 });

type Case = { expect: Expected; path?: string; body?: () => unknown };

let serial = 0;
const table: Record<string, Case> = {
  'GET /api/health': { expect: open() },
  'GET /api/facts': { expect: open() },
  'GET /api/documents': { expect: open() },
  'GET /api/documents/:id': { expect: open(), path: '/api/documents/test-doc' },
  'GET /api/rules': { expect: open() },
  'GET /api/rules/:id': { expect: open(), path: '/api/rules/test-doc%2Flanding' },
  'GET /api/rules/:documentId/:slug': { expect: open(), path: '/api/rules/test-doc/landing' },
  'POST /api/match': { expect: open(), body: () => ({ profile: baiyinFirm() }) },
  'POST /api/auth/login': { expect: open(), body: () => ({ name: 'someone', password: passwordOf('someone') }) },
  'POST /api/auth/logout': { expect: open(204) },
  'GET /api/auth/me': { expect: signedIn() },
  'GET /api/users': { expect: only('admin') },
  'POST /api/users': { expect: only('admin', 201), body: () => ({ name: `new-${++serial}`, role: 'officer', password: 'a long password' }) },
  'PATCH /api/users/:id': { expect: only('admin'), path: '/api/users/1', body: () => ({ role: 'officer' }) },
  'GET /api/screenings/template': { expect: only('officer'), path: '/api/screenings/template?format=csv' },
  'POST /api/screenings': { expect: only('officer', 201), body: () => ({ name: `screening ${++serial}`, applicants: [{ name: '甲', profile: baiyinFirm() }] }) },
  'GET /api/screenings': { expect: only('officer') },
  'GET /api/screenings/:id': { expect: ownUnit(), path: '/api/screenings/1' },
  'GET /api/screenings/:id/applicants/:applicantId': { expect: ownUnit(), path: '/api/screenings/1/applicants/1' },
  'PATCH /api/screenings/:id/applicants/:applicantId': { expect: ownUnit(), path: '/api/screenings/1/applicants/1', body: () => ({ status: 'qualified', note: '' }) },
  'POST /api/screenings/:id/rerun': { expect: ownUnit(201), path: '/api/screenings/1/rerun' },
  'GET /api/screenings/:id/export': { expect: ownUnit(), path: '/api/screenings/1/export?format=csv' },
  'POST /api/rules/validate': { expect: only('author'), body: () => ({ documentId: 'test-doc', rule: testRule() }) },
  'POST /api/rules': { expect: only('author', 201), body: () => ({ documentId: 'test-doc', rule: { id: `test-doc/new-${++serial}` } }) },
  'PUT /api/rules/:id': {
    expect: only('author'), path: '/api/rules/test-doc%2Flanding',
    body: () => ({ rule: testRule({ notes: `edit ${++serial}` }), baseVersion: findRule(db, 'test-doc/landing')!.latestVersion }),
  },
  'POST /api/rules/:id/publish': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/publish', body: () => ({ version: 1 }) },
  'POST /api/rules/:id/withdraw': {
    expect: only('author'), path: '/api/rules/test-doc%2Fwithdrawable/withdraw',
    body: () => (setPublishedVersion(db, 'test-doc/withdrawable', 1), {}),
  },
  'GET /api/rules/:id/history': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/history' },
  'GET /api/rules/:id/diff': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/diff?from=1&to=1' },
  'GET /api/rules/:id/versions/:version': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/versions/1' },
  'POST /api/rules/:id/test': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/test', body: () => ({ profile: baiyinFirm() }) },
  'POST /api/rules/:id/impact': { expect: only('author'), path: '/api/rules/test-doc%2Flanding/impact', body: () => ({}) },
  'GET /api/authoring/documents': { expect: only('author') },
  'GET /api/authoring/documents/:id': { expect: only('author'), path: '/api/authoring/documents/test-doc' },
  'POST /api/authoring/documents': {
    expect: only('author', 201),
    body: () => ({ document: testDocument({ id: `doc-${++serial}`, text: `doc-${serial}.txt` }), text: '# Page 1:\n第一条' }),
  },
  'GET /api/authoring/audit': { expect: only('author') },
  // Authors read publications as counts and sums only (test/api/authoring.test.ts); officers by name, of their unit.
  'GET /api/publications': { expect: signedIn() },
  'GET /api/publications/:id': { expect: signedIn(), path: '/api/publications/1' },
  'GET /api/publications/:id/export': { expect: only('officer'), path: '/api/publications/1/export' },
  'GET /api/openapi.json': { expect: open() },
  'GET /api/docs': { expect: open() },
  'GET /api/docs/start.js': { expect: open() },
  'GET /api/docs/assets/swagger-ui.css': { expect: open() },
  'GET /api/docs/assets/swagger-ui-bundle.js': { expect: open() },
};

const { app, db } = testApp([{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
// User 1 is the target of PATCH /api/users/:id (an officer, so changes to it never touch the last admin).
await addUser(db, 'target', 'officer');
await addUser(db, 'someone', 'author');
for (const role of ROLES) await addUser(db, `as-${role}`, role);
// Two officers of different units; screening 1 is the first one's. The admin has a unit of their own, and reads all.
db.update(users).set({ unit: '白银区' }).where(eq(users.name, 'as-officer')).run();
db.update(users).set({ unit: '市局' }).where(eq(users.name, 'as-admin')).run();
await addUser(db, 'as-other-officer', 'officer');
db.update(users).set({ unit: '平川区' }).where(eq(users.name, 'as-other-officer')).run();
expect(findUserByName(db, 'target')!.id).toBe(1);
// Screening 1 with applicant 1: the target of the screening routes.
const created = await send(app, await signIn(app, 'as-officer'), 'POST', '/api/screenings', { name: 'target', applicants: [{ name: '甲', profile: baiyinFirm() }] });
expect((await created.json()).id).toBe(1);
// A second rule to withdraw (re-published before each withdrawal), and publication 1 for the officers' routes.
insertRule(db, 'test-doc', { ruleId: 'test-doc/withdrawable', body: testRule({ id: 'test-doc/withdrawable' }), author: 'test', message: 'setup', at: 0 });
recordAudit(db, { at: 0, actor: 'test', action: 'publish', ruleId: 'test-doc/landing', documentId: 'test-doc', version: 1, previousVersion: null, message: 'setup' });

/** Every method and path the app answers under /api (middleware-only entries, method ALL, are not routes). */
const registered = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))];

describe('the authorization matrix', () => {
  it('covers every route the app registers, and no route it does not', () => {
    expect(registered.sort()).toEqual(Object.keys(table).sort());
  });

  const cases = registered.flatMap((route) => (['none', ...ROLES, 'other-officer'] as Principal[]).map((who) => [route, who] as const));
  it.each(cases)('%s as %s', async (route, who) => {
    const entry = table[route]!;
    const [method, pattern] = route.split(' ') as [string, string];
    // A fresh session per request: some routes (logout) end the one they are given.
    const session = who === 'none' ? { origin: OWN_ORIGIN } : await signIn(app, `as-${who}`);
    const res = await send(app, session, method, entry.path ?? pattern, entry.body?.());
    expect(res.status, await res.clone().text()).toBe(entry.expect[who]);
    if (res.status === 401 || res.status === 403) expect((await res.json()).error.code).toMatch(/^(unauthorized|forbidden)$/);
  });

  it('lists to an officer the screenings of their unit only, to an admin every unit’s; a re-run stays in its unit', async () => {
    const listed = async (who: string) => {
      const res = await send(app, await signIn(app, who), 'GET', '/api/screenings?limit=200');
      expect(Number(res.headers.get('x-total-count'))).toBe((await res.clone().json()).length);
      return (await res.json()) as { id: number; unit: string }[];
    };
    const admin = await signIn(app, 'as-admin');
    const rerun = await (await send(app, admin, 'POST', '/api/screenings/1/rerun')).json();
    expect(rerun.unit).toBe('白银区');
    const other = await (await send(app, await signIn(app, 'as-other-officer'), 'POST', '/api/screenings', { name: '平川', applicants: [{ name: '乙', profile: baiyinFirm() }] })).json();
    expect(other.unit).toBe('平川区');

    const ofOfficer = await listed('as-officer');
    expect(ofOfficer.map((s) => s.id)).toEqual(expect.arrayContaining([1, rerun.id]));
    expect(new Set(ofOfficer.map((s) => s.unit))).toEqual(new Set(['白银区']));
    const ofOther = await listed('as-other-officer');
    expect(ofOther.map((s) => s.id)).toContain(other.id);
    expect(new Set(ofOther.map((s) => s.unit))).toEqual(new Set(['平川区']));
    const ofAdmin = await listed('as-admin');
    expect(ofAdmin.map((s) => s.id)).toEqual(expect.arrayContaining([1, rerun.id, other.id]));
    expect(ofAdmin).toHaveLength(await db.$count(screenings));
  });
});
