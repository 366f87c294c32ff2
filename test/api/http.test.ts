import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { testAccountSettings } from '../../server/accounts/settings.ts';
import { createApp } from '../../server/app.ts';
import { apiEtags } from '../../server/http/caching.ts';
import { testDocument, testRule } from '../fixtures.ts';
import { testApp } from '../support/test-app.ts';

const shipped = [{ document: testDocument(), text: '# Page 1:\n第三条落地投资奖。', rules: [testRule()] }];

describe('the Host header', () => {
  it.each(['xn--', '256.0.0.1', 'a b', 'exa\tmple.com', 'example.com/evil', 'user@example.com', '[::1', 'bücher.de', ''])(
    'is a 400 in the error shape when it is %j',
    async (host) => {
      const { app, logs } = testApp(shipped);
      const res = await app.request('/api/health', { headers: { host } });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({ code: 'bad_request', message: '请求头 Host 无效 (invalid Host header)' });
      expect(logs).toEqual([{ level: 'warn', line: expect.stringMatching(/^400 GET \/api\/health \d+ms id=[\w-]+$/) }]);
    },
  );

  it('is checked against ALLOWED_HOSTS when set, without the port', async () => {
    const { app } = testApp(shipped, { allowedHosts: ['huiqi.example.cn', 'localhost'] });
    expect((await app.request('/api/health', { headers: { host: 'huiqi.example.cn:8443' } })).status).toBe(200);
    expect((await app.request('/api/health', { headers: { host: 'LOCALHOST' } })).status).toBe(200);
    const res = await app.request('/api/health', { headers: { host: 'evil.example.com' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('不接受这个主机名 (host not allowed)');
  });
});

describe('the request log', () => {
  it('writes one line per failed request with its id, and none for a good one', async () => {
    const { app, logs } = testApp(shipped);
    await app.request('/api/health');
    const res = await app.request('/api/rules?category=gift', { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    await app.request('/api/nope', { headers: { 'x-request-id': 'not a token\n' } });
    expect(logs.map((l) => l.line)).toEqual([
      expect.stringMatching(/^400 GET \/api\/rules \d+ms id=trace-42$/),
      expect.stringMatching(/^404 GET \/api\/nope \d+ms id=[0-9a-f-]{36}$/),
    ]);
  });

  it('logs an unexpected error once, with its stack and the request id, and answers without either', async () => {
    const logs: string[] = [];
    const broken = createApp({
      db: openDatabase(':memory:').db, rulesets: { current: () => { throw new Error('ruleset gone'); }, reload: () => { throw new Error('ruleset gone'); } }, now: Date.now, accounts: testAccountSettings,
      log: (_, line) => logs.push(line),
    });
    const res = await broken.request('/api/facts');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal', message: '服务器内部错误 (internal server error)' } });
    expect(body).not.toMatch(/ruleset gone|at |\.ts/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(new RegExp(`^500 GET /api/facts \\d+ms id=${res.headers.get('x-request-id')} Error: ruleset gone\\n\\s+at `));
  });

  it('escapes control characters and cuts long paths', async () => {
    const { app, logs } = testApp(shipped);
    await app.request(`/api/${'%0A'.repeat(3)}${'x'.repeat(1000)}`);
    expect(logs[0]!.line).not.toContain('\n');
    expect(logs[0]!.line.length).toBeLessThan(300);
  });
});

describe('security headers', () => {
  const { app } = testApp(shipped);

  it.each(['/api/health', '/api/nope', '/api/docs', '/api/docs/assets/swagger-ui.css'])('are on every answer: %s', async (path) => {
    const res = await app.request(path);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('are on error answers from a malformed body too', async () => {
    const res = await app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('include HSTS when configured for a site behind TLS', async () => {
    const tls = testApp(shipped, { hstsMaxAgeSeconds: 31536000 }).app;
    expect((await tls.request('/api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('API caching', () => {
  const { app, rulesets } = testApp(shipped);

  it.each(['/api/health', '/api/facts', '/api/documents', '/api/documents/test-doc', '/api/rules', '/api/rules/test-doc/landing', '/api/openapi.json'])(
    'gives %s an ETag with the ruleset version, and a 304 when it still holds',
    async (path) => {
      const first = await app.request(path);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(new RegExp(`^W/"${rulesets.current().version}-[\\w-]{16}"$`));
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const again = await app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('content-type')).toBeNull();
      expect((await app.request(path, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
    },
  );

  it('gives different answers different tags', async () => {
    const tag = async (path: string) => (await app.request(path)).headers.get('etag');
    expect(await tag('/api/rules?province=甘肃')).not.toBe(await tag('/api/rules?province=陕西'));
  });

  it('leaves alone an answer that says how it may be cached (signed-in answers say no-store)', async () => {
    const private_ = new Hono().use(apiEtags(() => 'v1')).get('/me', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ name: 'officer' });
    });
    const res = await private_.request('/me');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const login = new Hono().use(apiEtags(() => 'v1')).get('/session', (c) => {
      c.header('Set-Cookie', '__Host-session=abc; Secure; HttpOnly; Path=/');
      return c.json({ name: 'officer' });
    });
    expect((await login.request('/session')).headers.get('etag')).toBeNull();
  });

  it('never caches a POST or an error', async () => {
    const { postJson } = testApp(shipped);
    expect((await postJson('/api/match', { profile: { province: '甘肃', entityType: 'enterprise' } })).headers.get('etag')).toBeNull();
    expect((await app.request('/api/rules?category=gift')).headers.get('etag')).toBeNull();
  });
});

describe('compression', () => {
  const { app } = testApp(shipped);
  const gzip = { 'accept-encoding': 'gzip, deflate' };

  it('leaves small answers alone', async () => {
    const res = await app.request('/api/health', { headers: gzip });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBeLessThan(1024);
  });

  it('gzips text answers over a kilobyte', async () => {
    const res = await app.request('/api/facts', { headers: gzip });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const text = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(JSON.parse(text).length).toBeGreaterThan(10);
  });

  it('sends plain bytes to a client that does not ask for gzip', async () => {
    expect((await app.request('/api/facts')).headers.get('content-encoding')).toBeNull();
  });
});

describe('the web app files', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'huiqi-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>惠企匹配</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('惠企'.repeat(2000))});`);
  const { app } = testApp(shipped, { webRoot });

  it('serves hashed build assets as immutable for a year, compressed', async () => {
    const res = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers a range outside a file with 416 in the error shape', async () => {
    const res = await app.request('/assets/index-abc123.js', { headers: { range: 'bytes=999999-' } });
    expect(res.status).toBe(416);
    expect((await res.json()).error.code).toBe('range_not_satisfiable');
  });

  it('answers a missing asset with 404, never the page', async () => {
    const res = await app.request('/assets/index-old999.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBeNull();
  });

  it.each(['/', '/index.html', '/documents/test-doc'])('has %s revalidated, answering 304 to a current copy', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    const lastModified = res.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await app.request(path, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await app.request(path, { headers: { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' } })).status).toBe(200);
    expect((await app.request(path, { headers: { 'if-none-match': 'W/"stale"', 'if-modified-since': lastModified } })).status).toBe(200);
  });
});
