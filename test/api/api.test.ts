import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCatalogue } from '../../server/domain/facts/index.ts';
import { baiyinFirm, inBaiyin, testDocument, testRule } from '../fixtures.ts';
import { testApp } from '../support/test-app.ts';

const document = testDocument();
const landing = testRule();
const textBenefit = testRule({ id: 'test-doc/land', title: '用地保障', category: 'land_utilities', concrete: false, conditions: { all: [...inBaiyin] }, amount: { kind: 'text', text: '优先保障用地' } });
const shaanxiDoc = testDocument({ id: 'sx-doc', title: '陕西测试文件', province: '陕西', city: null, text: 'sx-doc.txt' });
const shaanxiRule = testRule({ id: 'sx-doc/service', title: '帮办代办', category: 'service', conditions: { all: [{ fact: 'province', operator: 'equal', value: '陕西' }] }, amount: { kind: 'text', text: '免费帮办代办' } });

const { app, postJson } = testApp([
  { document, text: '# Page 1:\n第三条落地投资奖。', rules: [landing, textBenefit] },
  { document: shaanxiDoc, text: '# Page 1:\n帮办代办', rules: [shaanxiRule] },
]);
const bigProject = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });

describe('GET /api/health and /api/facts', () => {
  it('reports the ruleset version', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, rulesetVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('serves the whole fact catalogue with labels and options', async () => {
    const facts = await (await app.request('/api/facts')).json();
    expect(facts.map((f: { name: string }) => f.name)).toEqual(factCatalogue.map((f) => f.name));
    expect(facts.find((f: { name: string }) => f.name === 'ownership')).toMatchObject({
      type: 'enum', label: { zh: '所有制', en: 'Ownership' }, options: expect.arrayContaining([{ value: 'private', label: { zh: '民营', en: 'Private' } }]),
    });
    expect(facts.find((f: { name: string }) => f.name === 'fixedAssetInvestmentYuan')).toMatchObject({ type: 'number', unit: 'yuan' });
  });

  it('gives city and county their choices, each with its province, pinyin and initials', async () => {
    type RegionChoice = { value: string; label: { zh: string; en: string }; province: string; city?: string; pinyin: string; initials: string };
    const facts: { name: string; divisions?: string; options?: RegionChoice[] }[] = await (await app.request('/api/facts')).json();
    const city = facts.find((f) => f.name === 'city')!;
    expect(city.divisions).toBe('city');
    expect(city.options).toContainEqual({ value: '银川', label: { zh: '银川', en: 'Yinchuan' }, province: '宁夏', pinyin: 'yinchuan', initials: 'yc' });
    expect(city.options!.filter((o) => o.province === '青海').length).toBeGreaterThan(0);
    const county = facts.find((f) => f.name === 'county')!;
    expect(county.divisions).toBe('county');
    expect(county.options).toContainEqual(expect.objectContaining({ value: '白银区', province: '甘肃', city: '白银' }));
    // Every county's city is one of the city choices of the same province.
    const cities = new Set(city.options!.map((o) => `${o.province}/${o.value}`));
    expect(county.options!.every((o) => cities.has(`${o.province}/${o.city}`))).toBe(true);
  });
});

describe('POST /api/match', () => {
  it('answers eligible benefits with amounts, reasons, sources and totals', async () => {
    const res = await postJson('/api/match', { profile: bigProject, asOf: '2024-06-01' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe('2024-06-01');
    expect(body.eligible.map((i: { ruleId: string }) => i.ruleId)).toEqual(['test-doc/landing', 'test-doc/land']);
    expect(body.eligible[0]).toMatchObject({ amountYuan: 2_000_000, source: { documentNumber: '测政发〔2023〕1 号', clause: '第三条' } });
    expect(body.totals.estimatedYuan).toBe(2_000_000);
  });

  it('compresses the answer for clients that accept gzip', async () => {
    const res = await app.request('/api/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ profile: bigProject, asOf: '2024-06-01' }),
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const text = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(JSON.parse(text).totals.estimatedYuan).toBe(2_000_000);
  });

  it("defaults asOf to today's date in China", async () => {
    const body = await (await postJson('/api/match', { profile: bigProject })).json();
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['a missing required fact', { profile: { province: '甘肃' } }, 'profile.entityType'],
    ['an unknown enum value', { profile: { province: '甘肃省', entityType: 'enterprise' } }, 'profile.province'],
    ['a wrong type', { profile: { ...bigProject, employees: '十' } }, 'profile.employees'],
    ['a negative amount', { profile: { ...bigProject, fixedAssetInvestmentYuan: -1 } }, 'profile.fixedAssetInvestmentYuan'],
    ['an impossible date', { profile: bigProject, asOf: '2024-02-30' }, 'asOf'],
    ['a malformed date', { profile: bigProject, asOf: '1/6/2024' }, 'asOf'],
    ['an unknown field', { profile: { ...bigProject, turnover: 1 } }, 'profile'],
    ['a duplicated certification', { profile: { ...bigProject, certifications: ['high_tech', 'high_tech'] } }, 'profile.certifications'],
    ['no profile', {}, 'profile'],
  ])('rejects %s with 400, the field path and a reason', async (_, body, path) => {
    const res = await postJson('/api/match', body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('bad_request');
    expect(error.issues).toContainEqual({ path, message: expect.any(String) });
  });

  it('rejects malformed JSON with 400 in the error shape', async () => {
    const res = await postJson('/api/match', '{"profile": ');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
  });

  it('rejects a body over the limit with 413', async () => {
    const small = testApp([], { bodyLimitBytes: 1000 });
    const res = await small.postJson('/api/match', { profile: { ...bigProject, county: 'x'.repeat(2000) } });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});

describe('GET /api/rules and /api/documents', () => {
  it('lists published rules with their source, filtered', async () => {
    const all = await (await app.request('/api/rules')).json();
    expect(all).toHaveLength(3);
    expect(all.find((r: { id: string }) => r.id === 'test-doc/landing').source).toMatchObject({ documentId: 'test-doc', documentTitle: '测试文件', page: 1 });
    const ids = async (query: string) => (await (await app.request(`/api/rules?${query}`)).json()).map((r: { id: string }) => r.id);
    expect(await ids('province=陕西')).toEqual(['sx-doc/service']);
    expect(await ids('city=白银&category=land_utilities')).toEqual(['test-doc/land']);
    expect(await ids(`q=${encodeURIComponent('落地')}`)).toEqual(['test-doc/landing']);
  });

  it('answers a page at a time, 50 unless asked, with the total in X-Total-Count', async () => {
    const many = Array.from({ length: 120 }, (_, i) => testRule({ id: `test-doc/rule-${String(i).padStart(3, '0')}`, title: `规则 ${i}` }));
    const paged = testApp([{ document, text: '# Page 1:\n正文', rules: many }]).app;
    const page = async (query: string) => {
      const res = await paged.request(`/api/rules${query}`);
      return { total: res.headers.get('x-total-count'), ids: (await res.json()).map((r: { id: string }) => r.id) };
    };
    expect(await page('')).toEqual({ total: '120', ids: many.slice(0, 50).map((r) => r.id) });
    expect(await page('?limit=30&offset=100')).toEqual({ total: '120', ids: many.slice(100).map((r) => r.id) });
    expect(await page('?limit=500&offset=200')).toEqual({ total: '120', ids: [] });
    expect(await page(`?q=${encodeURIComponent('规则 11')}&limit=5`)).toEqual({ total: '11', ids: ['test-doc/rule-011', ...[110, 111, 112, 113].map((i) => `test-doc/rule-${i}`)] });
  });

  it.each(['limit=501', 'limit=0', 'limit=ten', 'offset=-1', 'limit=2.5'])('rejects a page out of bounds with 400: %s', async (query) => {
    const res = await app.request(`/api/rules?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe(query.split('=')[0]);
  });

  it('documents the paging in the OpenAPI document', async () => {
    const list = (await (await app.request('/api/openapi.json')).json()).paths['/api/rules'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'offset']));
    expect(list.responses['200'].headers['X-Total-Count']).toBeDefined();
  });

  it('rejects an unknown category filter with 400', async () => {
    const res = await app.request('/api/rules?category=gift');
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('category');
  });

  it('serves one rule by its URL-encoded id, and 404 for an unknown one', async () => {
    const res = await app.request(`/api/rules/${encodeURIComponent('test-doc/landing')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'test-doc/landing', effectiveValidTo: '2028-03-30' });
    const missing = await app.request(`/api/rules/${encodeURIComponent('test-doc/nope')}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('lists documents with rule counts and serves one with its rules and text', async () => {
    const list = await (await app.request('/api/documents?province=甘肃')).json();
    expect(list).toEqual([expect.objectContaining({ id: 'test-doc', ruleCount: 2, concreteRuleCount: 1 })]);
    const detail = await (await app.request('/api/documents/test-doc')).json();
    expect(detail.rules.map((r: { id: string }) => r.id)).toEqual(['test-doc/landing', 'test-doc/land']);
    expect(detail.text).toContain('# Page 1:');
    expect((await app.request('/api/documents/nope')).status).toBe(404);
  });
});

describe('the API described', () => {
  it('serves an OpenAPI document generated from the schemas', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/facts', '/api/documents', '/api/documents/{id}', '/api/rules', '/api/rules/{id}', '/api/match']));
    expect(doc.components.schemas.MatchResult).toBeDefined();
    expect(doc.paths['/api/match'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('serves readable docs at /api/docs with local assets', async () => {
    const html = await (await app.request('/api/docs')).text();
    expect(html).toContain('<script src="/api/docs/start.js"></script>');
    expect(await (await app.request('/api/docs/start.js')).text()).toContain('"/api/openapi.json"');
    expect((await app.request('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await app.request('/api/docs/assets/swagger-ui.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each(['package.json', 'index.html', 'oauth2-redirect.html', 'swagger-ui-bundle.js.map', 'swagger-initializer.js', '', '../package.json', '%2e%2e/package.json'])(
    'serves no other file of swagger-ui-dist: %s',
    async (name) => {
      const res = await app.request(`/api/docs/assets/${name}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    },
  );

  it('lists 413 and 415 for every operation that takes a body', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/match'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415']));
    expect(doc.paths['/api/match'].post.responses['415'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.paths['/api/health'].get.responses['415']).toBeUndefined();
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('with the web app served', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'huiqi-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>惠企匹配</title>');
  const web = testApp([{ document, text: '# Page 1:\n正文', rules: [landing] }], { webRoot }).app;

  it('answers unknown API paths with JSON, not the page', async () => {
    const res = await web.request('/api/nothing/here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('serves a rule by its unencoded id too', async () => {
    expect((await (await web.request('/api/rules/test-doc/landing')).json()).id).toBe('test-doc/landing');
  });

  it("serves the web app's page for its own routes", async () => {
    const page = await web.request('/documents/test-doc');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('惠企匹配');
  });
});
