import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { RULE_JSON_LIMITS } from '../../server/domain/json-limits.ts';
import { TOO_DEEP } from '../../server/domain/rule-diff.ts';
import { baiyinFirm } from '../fixtures.ts';
import { send, signedInAs } from '../support/accounts.ts';
import { authoringApp, enc, goodRule } from '../support/authoring.ts';

const ID = 'test-doc/landing';

/** `"x"` inside `levels` arrays, as text: JSON.stringify itself overflows the stack a few thousand levels down. */
const nestedText = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;

/** `body` as JSON text, its placeholder string "@deep@" replaced by a value nested `levels` deep. */
const bodyWith = (body: unknown, levels: number) => JSON.stringify(body).replace('"@deep@"', nestedText(levels));

type Session = Awaited<ReturnType<typeof authoringApp>>['author'];
const sendText = (app: Awaited<ReturnType<typeof authoringApp>>['app'], session: Session, method: string, path: string, body: string) =>
  app.request(path, { method, headers: { ...session, 'content-type': 'application/json' }, body });

/** Puts a version into the database as it is, beside the API: a row written before the limits, or damaged. */
function insertRawVersion(db: Db, ruleId: string, version: number, body: string) {
  db.run(sql`insert into rule_versions (rule_id, version, status, body, origin, content_hash, author, message)
    values (${ruleId}, ${version}, 'draft', ${body}, 'author', 'x', 'zhang', 'raw')`);
  db.run(sql`update rules set latest_version = ${version} where id = ${ruleId}`);
}

describe('deep JSON in a draft (issue 15, item 7)', () => {
  it.each([1_000, 5_000])('refuses a draft whose notes nest %i levels with a 400 naming the field, storing nothing', async (levels) => {
    const { app, author } = await authoringApp();
    const created = await sendText(app, author, 'POST', '/api/rules', bodyWith({ documentId: 'test-doc', rule: { ...goodRule({ id: 'test-doc/deep' }), notes: '@deep@' } }, levels));
    expect(created.status).toBe(400);
    const { error } = await created.json();
    expect(error.issues[0].path).toMatch(/^rule\.notes\.0\.0/);
    expect(error.issues[0].message).toContain('nested deeper than');

    const edited = await sendText(app, author, 'PUT', `/api/rules/${enc(ID)}`, bodyWith({ rule: { ...goodRule(), notes: '@deep@' }, baseVersion: 1 }, levels));
    expect(edited.status).toBe(400);
    expect(await (await send(app, author, 'GET', `/api/rules/${enc(ID)}/history`)).json()).toHaveLength(1);
    expect((await send(app, author, 'GET', `/api/rules/${enc('test-doc/deep')}/history`)).status).toBe(404);
    const list = await send(app, author, 'GET', '/api/authoring/documents');
    expect(list.status).toBe(200);
  });

  it('refuses a draft within the request limit but deeper than a stored rule may nest, naming the field (an example profile)', async () => {
    const { app, author } = await authoringApp();
    const levels = RULE_JSON_LIMITS.depth + 2;
    const rule = goodRule();
    const examples = [{ ...rule.examples[0], profile: { ...rule.examples[0]!.profile, industries: '@deep@' } }, rule.examples[1]];
    const res = await sendText(app, author, 'PUT', `/api/rules/${enc(ID)}`, bodyWith({ rule: { ...rule, examples }, baseVersion: 1 }, levels));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.issues).toEqual([{ path: expect.stringMatching(/^rule\.examples\.0\.profile\.industries\.0/), message: expect.stringContaining(`${RULE_JSON_LIMITS.depth} levels`) }]);
  });

  it('refuses a draft larger than a stored rule may be', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: { ...goodRule(), notes: 'x'.repeat(RULE_JSON_LIMITS.chars) }, baseVersion: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: 'rule.notes', message: expect.stringContaining('characters in all') });
  });

  it.each([
    ['POST', '/api/rules/validate', { documentId: 'test-doc', rule: { ...goodRule(), notes: '@deep@' } }],
    ['POST', `/api/rules/${enc(ID)}/test`, { rule: { ...goodRule(), notes: '@deep@' } }],
    ['POST', `/api/rules/${enc(ID)}/impact`, { rule: { ...goodRule(), notes: '@deep@' } }],
    ['POST', '/api/match', { profile: { ...baiyinFirm(), industries: '@deep@' } }],
    ['POST', '/api/screenings', { name: 'x', applicants: [{ name: '甲', profile: { ...baiyinFirm(), industries: '@deep@' } }] }],
  ])('%s %s answers 400, not 500, to 5,000 levels', async (method, path, body) => {
    const { app, db, author } = await authoringApp();
    const session = path === '/api/screenings' ? await signedInAs(app, db, 'officer') : author;
    const res = await sendText(app, session, method, path, bodyWith(body, 5_000));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].message).toContain('nested deeper than');
  });
});

describe('a bad stored version (issue 15, item 7)', () => {
  it('leaves the authoring lists working, the bad rule flagged unreadable', async () => {
    const { app, db, author } = await authoringApp();
    await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: goodRule({ id: 'test-doc/second', title: '第二条' }) });
    await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: goodRule({ id: 'test-doc/third', title: '第三条' }) });
    insertRawVersion(db, 'test-doc/second', 2, `{"id":"test-doc/second","title":"深","notes":${nestedText(1_000)}}`);
    insertRawVersion(db, 'test-doc/third', 2, '{"id": "test-doc/third", "title": ');

    const list = await send(app, author, 'GET', '/api/authoring/documents');
    expect(list.status).toBe(200);
    const [entry] = await list.json();
    const states = Object.fromEntries(entry.rules.map((r: { id: string }) => [r.id, r]));
    expect(states[ID]).toMatchObject({ title: '落地投资奖', readable: true });
    expect(states['test-doc/second']).toMatchObject({ title: null, readable: false, latestVersion: 2 });
    expect(states['test-doc/third']).toMatchObject({ title: null, readable: false, latestVersion: 2 });

    const page = await send(app, author, 'GET', '/api/authoring/documents/test-doc');
    expect(page.status).toBe(200);
    expect((await page.json()).rules).toHaveLength(3);
  });

  it('diffs against a version nested 5,000 levels (cut, not a stack overflow) and replaces it by a new version', async () => {
    const { app, db, author } = await authoringApp();
    insertRawVersion(db, ID, 2, JSON.stringify({ ...goodRule(), notes: '@deep@' }).replace('"@deep@"', nestedText(5_000)));

    const diff = await send(app, author, 'GET', `/api/rules/${enc(ID)}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    const { fields, lines } = await diff.json();
    expect(fields).toEqual(['notes']);
    expect(lines.some((l: { op: string; text: string }) => l.op === '+' && l.text.includes(TOO_DEEP))).toBe(true);

    const replaced = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ notes: '修好了' }), baseVersion: 2 });
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).version).toBe(3);
    const list = await (await send(app, author, 'GET', '/api/authoring/documents')).json();
    expect(list[0].rules[0]).toMatchObject({ readable: true, latestVersion: 3 });
  });
});
