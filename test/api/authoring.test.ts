import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { baiyinFirm } from '../fixtures.ts';
import { send, signedInAs } from '../support/accounts.ts';
import { applicant, authoringApp, enc, goodRule } from '../support/authoring.ts';

const ID = 'test-doc/landing';
const NEW_ID = 'test-doc/high-tech';

/** A second rule of the test document: 第四条's high-tech award, quoted from page 2. */
const highTech = (overrides: Record<string, unknown> = {}) => ({
  ...goodRule({
    id: NEW_ID,
    title: '高新技术企业奖励',
    summary: '新认定高新技术企业一次性奖励20万元',
    clause: '第四条',
    page: 2,
    quote: '对新认定的高新技术企业，一次性奖励20万元。',
    conditions: { all: [{ fact: 'province', operator: 'equal', value: '甘肃' }, { fact: 'city', operator: 'equal', value: '白银' }, { fact: 'newCertifications', operator: 'contains', value: 'high_tech' }] },
    amount: { kind: 'fixed', yuan: 200_000 },
    examples: [
      { name: '新认定高企', profile: baiyinFirm({ newCertifications: ['high_tech'] }), asOf: '2024-06-01', expect: { status: 'eligible', amountYuan: 200_000 } },
      { name: '非高企', profile: baiyinFirm({ newCertifications: [] }), asOf: '2024-06-01', expect: { status: 'ineligible' } },
    ],
  }),
  ...overrides,
});

const matchIds = async (app: Awaited<ReturnType<typeof authoringApp>>['app'], profile = baiyinFirm({ newCertifications: ['high_tech'], newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 })) => {
  const res = await app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile, asOf: '2024-06-01' }) });
  const body = await res.json();
  return { version: body.rulesetVersion as string, eligible: (body.eligible as { ruleId: string; amountYuan: number }[]).map((i) => i.ruleId), body };
};

describe('drafts and versions', () => {
  it('creates a draft (201 { id, version: 1, status: draft }) that /api/match does not use', async () => {
    const { app, author } = await authoringApp();
    const before = await matchIds(app);
    const res = await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: highTech(), message: '第四条' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: NEW_ID, version: 1, status: 'draft', checks: { errors: [] } });
    const after = await matchIds(app);
    expect(after.eligible).not.toContain(NEW_ID);
    expect(after.version).toBe(before.version);
    expect((await app.request(`/api/rules/${enc(NEW_ID)}`)).status).toBe(404);
  });

  it('refuses a rule id outside the document, an unknown document, and a second rule with the same id', async () => {
    const { app, author } = await authoringApp();
    const wrongId = await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: highTech({ id: 'other-doc/x' }) });
    expect(wrongId.status).toBe(400);
    expect((await wrongId.json()).error.issues).toEqual([{ path: 'rule.id', message: expect.stringContaining('test-doc/') }]);
    const noDocument = await send(app, author, 'POST', '/api/rules', { documentId: 'nope', rule: highTech({ id: 'nope/x' }) });
    expect((await noDocument.json()).error.issues[0].path).toBe('documentId');
    const taken = await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: goodRule() });
    expect(taken.status).toBe(409);
  });

  it('saves an unfinished draft, with its check errors', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: { id: NEW_ID, title: '未完成' } });
    expect(res.status).toBe(201);
    const { checks } = await res.json();
    expect(checks.errors.map((e: { code: string }) => e.code)).toContain('schema');
  });

  it('PUT makes the next version; an edit based on an older version gets 409 with what changed meanwhile', async () => {
    const { app, author } = await authoringApp();
    const first = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ department: '市投资促进局' }), baseVersion: 1, message: '部门更名' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: ID, version: 2, status: 'draft' });

    const stale = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ notes: '另一位作者的修改' }), baseVersion: 1 });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('version_conflict');
    expect(body.conflict).toMatchObject({ baseVersion: 1, latestVersion: 2, author: 'zhang', message: '部门更名', fields: ['department'] });
    expect(body.conflict.lines).toContainEqual({ op: '+', text: '  "department": "市投资促进局",' });
    expect(body.conflict.rule.department).toBe('市投资促进局');
  });

  it('two edits from the same base at once: one wins, the other gets 409', async () => {
    const { app, author } = await authoringApp();
    const edits = await Promise.all(['甲', '乙'].map((n) => send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ notes: n }), baseVersion: 1 })));
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('an edit that changes nothing makes no version', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule(), baseVersion: 1 });
    expect(await res.json()).toMatchObject({ version: 1, unchanged: true });
  });

  it('refuses to change a rule id by PUT, and answers 404 for an unknown rule', async () => {
    const { app, author } = await authoringApp();
    expect((await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: highTech(), baseVersion: 1 })).status).toBe(400);
    expect((await send(app, author, 'PUT', `/api/rules/${enc('test-doc/none')}`, { rule: { id: 'test-doc/none' }, baseVersion: 1 })).status).toBe(404);
  });
});

describe('publishing', () => {
  it('publishes a draft: /api/match uses it and rulesetVersion changes; history and audit record it', async () => {
    const { app, author, db } = await authoringApp();
    const before = await matchIds(app);
    await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: highTech() });
    const res = await send(app, author, 'POST', `/api/rules/${enc(NEW_ID)}/publish`, { version: 1 });
    expect(res.status).toBe(200);
    const published = await res.json();
    expect(published).toMatchObject({ id: NEW_ID, version: 1, status: 'published', previousVersion: null });
    const after = await matchIds(app);
    expect(after.eligible).toContain(NEW_ID);
    expect(after.version).not.toBe(before.version);
    expect(published.rulesetVersion).toBe(after.version);
    expect((await (await app.request('/api/health')).json()).rulesetVersion).toBe(after.version);

    const history = await (await send(app, author, 'GET', `/api/rules/${enc(NEW_ID)}/history`)).json();
    expect(history).toEqual([{ version: 1, status: 'published', author: 'zhang', at: expect.any(String), message: expect.any(String), origin: 'author', current: true }]);
    expect(db.select().from(auditLog).all().map((e) => e.action)).toEqual(['create', 'publish']);
  });

  it('refuses to publish a version that fails its checks, naming them', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ quote: '原文中没有这句话。' }), baseVersion: 1 });
    const res = await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('checks_failed');
    expect(body.error.issues).toContainEqual({ path: 'rule.quote', message: expect.stringContaining('原文中找不到引文') });
  });

  it('rolls back by publishing an earlier version, and withdraws', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ amount: { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', capYuan: 1_000_000 }, examples: goodRule().examples.map((e, i) => (i === 0 ? { ...e, expect: { status: 'eligible', amountYuan: 1_000_000 } } : e)), quote: goodRule().quote }), baseVersion: 1 });
    const v2 = await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    expect(await v2.json()).toMatchObject({ version: 2, previousVersion: 1 });
    const amountOf = async () => (await matchIds(app)).body.eligible.find((i: { ruleId: string }) => i.ruleId === ID)?.amountYuan;
    expect(await amountOf()).toBe(1_000_000);

    const back = await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 1 });
    expect(await back.json()).toMatchObject({ version: 1, previousVersion: 2 });
    expect(await amountOf()).toBe(2_000_000);
    const history = await (await send(app, author, 'GET', `/api/rules/${enc(ID)}/history`)).json();
    expect(history.map((h: { version: number; current: boolean }) => [h.version, h.current])).toEqual([[1, true], [2, false]]);

    const withdrawn = await send(app, author, 'POST', `/api/rules/${enc(ID)}/withdraw`, { message: '政策废止' });
    expect(await withdrawn.json()).toMatchObject({ id: ID, version: 1, status: 'withdrawn' });
    expect((await matchIds(app)).eligible).not.toContain(ID);
    expect((await app.request(`/api/rules/${enc(ID)}`)).status).toBe(404);
    expect((await send(app, author, 'POST', `/api/rules/${enc(ID)}/withdraw`, {})).status).toBe(400);
  });

  it('answers 404 for a version that does not exist', async () => {
    const { app, author } = await authoringApp();
    expect((await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 9 })).status).toBe(404);
  });
});

describe('history, versions and diffs', () => {
  it('diffs two versions by field and canonical lines, and shows one version with its checks', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ title: '落地投资奖励' }), baseVersion: 1 });
    const diff = await (await send(app, author, 'GET', `/api/rules/${enc(ID)}/diff?from=1&to=2`)).json();
    expect(diff).toMatchObject({ id: ID, from: 1, to: 2, fields: ['title'] });
    expect(diff.lines.filter((l: { op: string }) => l.op !== ' ')).toEqual([
      { op: '-', text: '  "title": "落地投资奖",' },
      { op: '+', text: '  "title": "落地投资奖励",' },
    ]);
    const version = await (await send(app, author, 'GET', `/api/rules/${enc(ID)}/versions/2`)).json();
    expect(version).toMatchObject({ id: ID, documentId: 'test-doc', version: 2, status: 'draft', current: false, publishedVersion: 1, latestVersion: 2, rule: { title: '落地投资奖励' } });
    expect(version.checks.errors).toEqual([]);
    expect((await send(app, author, 'GET', `/api/rules/${enc(ID)}/diff?from=1&to=7`)).status).toBe(404);
    expect((await send(app, author, 'GET', `/api/rules/${enc(ID)}/diff?from=x&to=2`)).status).toBe(400);
  });
});

describe('POST /api/rules/validate', () => {
  it('answers { errors, warnings } for a rule that is not stored', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'POST', '/api/rules/validate', { documentId: 'test-doc', rule: highTech({ quote: '没有的话' }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(['quote']);
    expect(body.warnings.map((e: { code: string }) => e.code)).toEqual(['amount_not_in_quote']);
  });

  it('says when the document is unknown', async () => {
    const { app, author } = await authoringApp();
    const body = await (await send(app, author, 'POST', '/api/rules/validate', { documentId: 'nope', rule: highTech() })).json();
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(['document']);
  });
});

describe('testing a rule', () => {
  it('runs the examples of the rule as edited and tries a profile', async () => {
    const { app, author } = await authoringApp();
    const failing = goodRule({ examples: [goodRule().examples[0]!, { ...goodRule().examples[1]!, expect: { status: 'eligible' } }] });
    const res = await send(app, author, 'POST', `/api/rules/${enc(ID)}/test`, {
      rule: failing, profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 300_000_000 }), asOf: '2024-06-01',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.examples.map((e: { ok: boolean }) => e.ok)).toEqual([true, false]);
    expect(body.examples[1]).toMatchObject({ expected: 'eligible', actual: 'nearMiss' });
    expect(body.profile).toMatchObject({ status: 'eligible', item: { ruleId: ID, amountYuan: 3_000_000 } });
  });

  it('answers 400 for a rule that cannot run and for a bad profile', async () => {
    const { app, author } = await authoringApp();
    const unknownFact = goodRule({ conditions: { all: [{ fact: 'turnover', operator: 'greaterThan', value: 1 }] } });
    const res = await send(app, author, 'POST', `/api/rules/${enc(ID)}/test`, { rule: unknownFact });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('rule.conditions.all[0].fact');
    expect((await send(app, author, 'POST', `/api/rules/${enc(ID)}/test`, { profile: { province: '火星' } })).status).toBe(400);
  });
});

describe('impact preview', () => {
  const applicants = [
    applicant('a', { newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 }), // eligible now
    applicant('b', { newlyIntroduced: true, fixedAssetInvestmentYuan: 60_000_000 }), // newly eligible at 5000万
    applicant('c', { newlyIntroduced: false }),
  ];
  const lowerThreshold = () => {
    const rule = goodRule();
    const [eligible, ineligible] = rule.examples;
    return {
      ...rule,
      conditions: { all: [...(rule.conditions as { all: object[] }).all.slice(0, 3), { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 50_000_000 }] },
      examples: [eligible, { ...ineligible!, name: '投资不足5000万', profile: { ...ineligible!.profile, fixedAssetInvestmentYuan: 40_000_000 } }],
    };
  };

  it('counts the applicants whose outcome would change, and lists who newly qualifies to an admin', async () => {
    const { app, db } = await authoringApp({ applicants });
    const admin = await signedInAs(app, db, 'admin');
    const res = await send(app, admin, 'POST', `/api/rules/${enc(ID)}/impact`, { rule: lowerThreshold(), asOf: '2024-06-01' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ applicants: 3, changed: 1, comparedWith: 1, noLongerEligible: [], asOf: '2024-06-01' });
    expect(body.newlyEligible).toEqual([
      { screeningId: 's1', applicantId: 'b', name: '企业b', before: { status: 'nearMiss', amountYuan: null }, after: { status: 'eligible', amountYuan: 600_000 } },
    ]);
  });

  it('gives an author counts and sums by benefit and by city, and no applicant’s name, id, profile or own figure', async () => {
    const { app, author } = await authoringApp({ applicants: [...applicants, applicant('d', { newlyIntroduced: true, fixedAssetInvestmentYuan: 70_000_000 })] });
    // A rate of 1 on the investment would pay each applicant exactly their investment.
    const revealing = { ...lowerThreshold(), amount: { kind: 'rate', rate: 1, of: 'fixedAssetInvestmentYuan' } };
    const res = await send(app, author, 'POST', `/api/rules/${enc(ID)}/impact`, { rule: revealing, asOf: '2024-06-01' });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['applicants', 'asOf', 'byBenefit', 'byCity', 'changed', 'comparedWith']);
    // a's amount changes; b and d become eligible.
    const totals = { changed: 3, newlyEligible: { count: 2, amountYuan: 130_000_000 }, noLongerEligible: { count: 0, amountYuan: 0 } };
    expect(body.byBenefit).toEqual([{ ruleId: ID, title: '落地投资奖', ...totals }]);
    expect(body.byCity).toEqual([{ city: '白银', ...totals }]);
    expect(JSON.stringify(body)).not.toMatch(/企业|"s1"|applicantId|profile|60000000|70000000/);
  });

  it('answers zero applicants when no screening is stored', async () => {
    const { app, author } = await authoringApp();
    const body = await (await send(app, author, 'POST', `/api/rules/${enc(ID)}/impact`, { rule: lowerThreshold() })).json();
    expect(body).toMatchObject({ applicants: 0, changed: 0, byCity: [] });
    expect(body.byBenefit).toEqual([expect.objectContaining({ ruleId: ID, changed: 0 })]);
  });

  it('after a publish, officers see who newly qualifies, and can export it', async () => {
    const { app, author, db } = await authoringApp({ applicants });
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: lowerThreshold(), baseVersion: 1 });
    await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    const officer = await signedInAs(app, db, 'officer', 'li');
    const list = await (await send(app, officer, 'GET', '/api/publications')).json();
    expect(list).toEqual([expect.objectContaining({ action: 'publish', ruleId: ID, version: 2, previousVersion: 1, title: '落地投资奖', actor: 'zhang' })]);
    const detail = await (await send(app, officer, 'GET', `/api/publications/${list[0].id}?asOf=2024-06-01`)).json();
    expect(detail.newlyEligible.map((c: { applicantId: string }) => c.applicantId)).toEqual(['b']);
    const csv = await send(app, officer, 'GET', `/api/publications/${list[0].id}/export?asOf=2024-06-01`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('新符合 (newly eligible),企业b,s1,b,nearMiss,eligible,600000');
    // Authors see the publication's counts and sums only, and cannot export names.
    const totals = await (await send(app, author, 'GET', `/api/publications/${list[0].id}?asOf=2024-06-01`)).json();
    expect(totals).toMatchObject({ applicants: 3, byBenefit: [{ ruleId: ID, newlyEligible: { count: 1, amountYuan: 600_000 } }], byCity: [{ city: '白银', changed: 1 }] });
    expect(totals).not.toHaveProperty('newlyEligible');
    expect(JSON.stringify(totals)).not.toContain('企业');
    expect((await send(app, author, 'GET', `/api/publications/${list[0].id}/export`)).status).toBe(403);
  });
});

describe('documents and the audit log', () => {
  const newDocument = () => ({
    document: { id: 'new-doc', title: '新政策', notice: '关于印发新政策的通知', number: null, issuer: '白银市人民政府', date: '2024-05-01', province: '甘肃', city: '白银', pages: [10, 11], validFrom: null, validTo: null, text: 'new-doc.txt', notes: null },
    text: '# Page 10:\n第一条 对新认定的专精特新企业，一次性奖励10万元。\n# Page 11:\n第二条 本政策自印发之日起施行。',
  });

  it('adds a document with its text; rules can then be written for it', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'POST', '/api/authoring/documents', newDocument());
    expect(res.status).toBe(201);
    expect((await send(app, author, 'POST', '/api/authoring/documents', newDocument())).status).toBe(409);
    const detail = await (await send(app, author, 'GET', '/api/authoring/documents/new-doc')).json();
    expect(detail).toMatchObject({ document: { id: 'new-doc' }, rules: [], text: expect.stringContaining('专精特新') });
    const all = await (await send(app, author, 'GET', '/api/authoring/documents')).json();
    expect(all.map((d: { document: { id: string } }) => d.document.id)).toEqual(['new-doc', 'test-doc']);
    expect(all[1].rules).toEqual([expect.objectContaining({ id: ID, title: '落地投资奖', publishedVersion: 1, latestVersion: 1, latestStatus: 'published' })]);
  });

  it('refuses a text without page markers', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'POST', '/api/authoring/documents', { ...newDocument(), text: '第一条 没有页码' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('text');
  });

  it('lists every change newest first, by rule', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: goodRule({ notes: '注' }), baseVersion: 1, message: '加注' });
    await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    const entries = await (await send(app, author, 'GET', `/api/authoring/audit?ruleId=${enc(ID)}`)).json();
    expect(entries.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([['publish', 2], ['edit', 2]]);
    expect(entries[1]).toMatchObject({ actor: 'zhang', message: '加注', at: '2024-06-01T08:00:00.000Z' });
  });
});
