/**
 * Bad requests, generated: whatever a careless client or an attacker sends, the answer is never a 5xx, a 4xx is the
 * contract's error shape, and no body holds a stack trace or a file path. Bounded to a few seconds.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../server/api/errors.ts';
import { closeServer, createHttpServer, listen } from '../../server/http/node-server.ts';
import { securityHeaderValues } from '../../server/http/security-headers.ts';
import { baiyinFirm, inBaiyin, testDocument, testRule } from '../fixtures.ts';
import { LOCALHOST, rawRequest } from '../support/raw-http.ts';
import { testApp } from '../support/test-app.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'huiqi-fuzz-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>惠企匹配</title>');
writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1);');

const document = testDocument();
const rules = [testRule(), testRule({ id: 'test-doc/land', title: '用地保障', concrete: false, conditions: { all: [...inBaiyin] }, amount: { kind: 'text', text: '优先保障用地' } })];
const { app, logs } = testApp([{ document, text: '# Page 1:\n第三条落地投资奖。', rules }], { webRoot, bodyLimitBytes: 64 * 1024 });

/** A stack frame, a source file or a folder of this machine: none may reach a client. */
const LEAK = /\bat [\w$.<>]+ \(|\bat (file|node):|node_modules|\/work\/|\/home\/|\/tmp\/|\.(ts|mjs|cjs):\d+/;

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

async function expectWellBehaved(res: Response, label: string, head: boolean): Promise<void> {
  count(`${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  const encoding = res.headers.get('content-encoding');
  const body = encoding && res.body ? await new Response(res.body.pipeThrough(new DecompressionStream(encoding as CompressionFormat))).text() : await res.text();
  expect(res.status, `${label} → ${res.status} ${body.slice(0, 200)}`).toBeLessThan(500);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  // A HEAD answer has the headers of a GET and no body.
  if (head) return;
  if (res.status >= 400) {
    expect(type, label).toMatch(/^application\/json/);
    expect(errorSchema.safeParse(JSON.parse(body)).success, `${label}: ${body.slice(0, 200)}`).toBe(true);
    expect(body.length, label).toBeLessThan(16 * 1024);
  }
  if (res.status >= 400 || type.startsWith('application/json')) expect(body, label).not.toMatch(LEAK);
}

// ---- what a request is made of -------------------------------------------------------------------------------

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('..', '%2e%2e', '%2F', '%00', '%ZZ', '%', '%u0041', '\\', '//', '~', ';', '*', "'", '"', '<script>', '甘肃', '白银', 'test-doc', 'test-doc%2Flanding', 'landing', 'x'.repeat(300)),
);
const segment = junk.map((s) => encodeURIComponent(s).replace(/%25(2e|2F|00|ZZ|u0041)/gi, '%$1'));

const path = fc.oneof(
  fc.constantFrom(
    '/api/health', '/api/facts', '/api/documents', '/api/rules', '/api/match', '/api/openapi.json', '/api/docs', '/api/docs/start.js',
    '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/users', '/', '/index.html', '/assets/index-abc123.js', '/documents',
  ),
  segment.map((s) => `/api/documents/${s}`),
  segment.map((s) => `/api/users/${s}`),
  segment.map((s) => `/api/rules/${s}`),
  fc.tuple(segment, segment).map(([a, b]) => `/api/rules/${a}/${b}`),
  segment.map((s) => `/api/docs/assets/${s}`),
  segment.map((s) => `/assets/${s}`),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/api/${parts.join('/')}`),
);

const queryKey = fc.oneof(fc.constantFrom('province', 'city', 'category', 'q', 'limit', 'offset', 'view', 'asOf'), segment);
const queryValue = fc.oneof(segment, fc.integer().map(String), fc.constantFrom('甘肃', '白银', 'cash_award', '-1', '0', '501', '1e400', 'NaN', '', '%', '%E0%A4%A'));
const query = fc.option(fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')), { nil: undefined });

const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');

/** Header values a client can send (fetch refuses CR, LF and NUL itself). */
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, '')),
  fc.constantFrom('', '*', 'W/"x"', '"', 'gzip;q=0', 'identity;q=0, *;q=0', 'br, zstd', 'Thu, 01 Jan 1970 00:00:00 GMT', 'not a date', 'bytes=0-0', 'bytes=-1', 'bytes=5-2'),
);
const contentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-8', 'application/JSON', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'multipart/form-data', 'application/json; charset=gbk', 'application/merge-patch+json', ';;;', '',
);
const headers = fc.record(
  {
    'content-type': contentType,
    'accept-encoding': headerValue,
    'if-none-match': headerValue,
    'if-modified-since': headerValue,
    range: headerValue,
    'x-request-id': headerValue,
    cookie: headerValue,
    accept: headerValue,
  },
  { requiredKeys: [] },
);

const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER + 2));
const profileValue = fc.oneof(number, fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), fc.object({ maxDepth: 1 }));
const profile = fc.oneof(
  fc.dictionary(fc.constantFrom('province', 'city', 'county', 'entityType', 'employees', 'industries', 'certifications', 'fixedAssetInvestmentYuan', 'newlyIntroduced', '__proto__', 'constructor'), profileValue),
  fc.record({ province: fc.constantFrom('甘肃', '陕西', '甘肃省', ''), entityType: fc.constantFrom('enterprise', 'person', 'robot'), city: fc.string({ maxLength: 8 }) }, { requiredKeys: ['province'] }),
  fc.constant(baiyinFirm({ fixedAssetInvestmentYuan: 2e8, newlyIntroduced: true })),
);
const deep = fc.integer({ min: 100, max: 5000 }).map((depth) => '{"profile":'.concat('['.repeat(depth), ']'.repeat(depth), '}'));
const credentials = fc.record({ name: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('someone')), password: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()), role: fc.constantFrom('officer', 'admin', 'root') }, { requiredKeys: [] });
const body = fc.oneof(
  credentials.map((o) => JSON.stringify(o)),
  fc.record({ profile, asOf: fc.option(fc.oneof(fc.constantFrom('2024-06-01', '2024-02-30', '1/6/2024', ''), fc.string({ maxLength: 12 })), { nil: undefined }), view: fc.option(fc.constantFrom('full', 'summary', 'none'), { nil: undefined }) }, { requiredKeys: ['profile'] }).map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  deep,
  fc.constantFrom('', '{', '{"profile": ', 'null', '[]', '"x"', '{"profile":{"province":"甘肃","entityType":"enterprise"}}', '\u0000\u0001', '{"__proto__":{"polluted":1},"profile":{}}'),
  fc.integer({ min: 65 * 1024, max: 80 * 1024 }).map((n) => JSON.stringify({ profile: { county: 'x'.repeat(n) } })),
);

/** A bad Host is refused before any route: sent with one request in ten, so the routes behind get the rest. */
const host = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 9 },
  { arbitrary: fc.oneof(fc.constantFrom('localhost', 'xn--', '256.0.0.1', '[::1]', 'example.com:99999', 'a b'), headerValue), weight: 1 },
);

const anyRequest = fc.record({ method, path, query, headers, host, body });
const readRequest = fc.record({ method: fc.constantFrom('GET', 'HEAD'), path, query, headers, host, body: fc.constant('') });
const matchRequest = fc.record({ method: fc.constant('POST'), path: fc.constant('/api/match'), query, headers, host, body });
const accountRequest = fc.record({ method: fc.constantFrom('POST', 'PATCH', 'GET'), path: fc.constantFrom('/api/auth/login', '/api/auth/logout', '/api/users', '/api/users/1'), query, headers, host, body });
/** Reads of the routes, match requests, account requests and anything at all. */
const request = fc.oneof(readRequest, matchRequest, accountRequest, anyRequest);

describe('generated bad requests through app.request', () => {
  const runs = 3000;

  it(`never answer 5xx, a stack trace or a path, and 4xx in the error shape (${runs} requests)`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = `${r.path}${r.query === undefined ? '' : `?${r.query}`}`;
        const sendsBody = r.method !== 'GET' && r.method !== 'HEAD';
        const init: RequestInit = { method: r.method, headers: { ...r.headers, ...(r.host === undefined ? {} : { host: r.host }) }, ...(sendsBody ? { body: r.body } : {}) };
        count(`${r.method}`);
        await expectWellBehaved(await app.request(url, init), `${r.method} ${url} ${JSON.stringify(r.headers)}`, r.method === 'HEAD');
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20240601) },
    );
    // Each failed request was logged in one line, and never with a stack trace.
    for (const { line } of logs) expect(line).not.toMatch(/\n|\bat .*:\d+/);
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('generated Host headers against a real server on 127.0.0.1', () => {
  let server: Server;
  let port: number;
  const serverLogs: string[] = [];
  beforeAll(async () => {
    server = createHttpServer(app.fetch, { idleTimeoutMs: 2_000, headers: securityHeaderValues(), log: (_, line) => serverLogs.push(line), hostname: LOCALHOST });
    ({ port } = await listen(server, 0, LOCALHOST));
  });
  afterAll(() => closeServer(server, 100));

  // Every byte but CR and LF (which would end the header line and frame a different request).
  const hostByte = fc.integer({ min: 0, max: 255 }).filter((b) => b !== 10 && b !== 13).map((b) => String.fromCharCode(b));
  const host = fc.oneof(
    fc.array(hostByte, { maxLength: 24 }).map((chars) => chars.join('')),
    fc.tuple(fc.constantFrom('xn--', 'xn--a', 'XN--', ''), fc.stringMatching(/^[a-z0-9.-]{0,12}$/)).map(([a, b]) => a + b),
    fc.tuple(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }), fc.option(fc.integer({ min: 0, max: 99999 }))).map(([parts, p]) => parts.join('.') + (p === null ? '' : `:${p}`)),
    fc.constantFrom('localhost', '127.0.0.1', 'localhost:3000', '[::1]', '[::1]:80', 'LOCALHOST', 'example.com.', '_', '-', '.', ':', '[', ']'),
  );
  const runs = 500;

  it(`never answer 5xx nor leak, and answer a bad Host with a 400 in the error shape (${runs} connections)`, async () => {
    await fc.assert(
      fc.asyncProperty(host, async (value) => {
        const res = await rawRequest(port, Buffer.from(`GET /api/health HTTP/1.1\r\nHost: ${value}\r\nConnection: close\r\n\r\n`, 'latin1'));
        count(`host ${res.status}`);
        expect(res.status, JSON.stringify(value)).toBeLessThan(500);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        if (res.status !== 200) {
          expect(res.status, JSON.stringify(value)).toBe(400);
          expect(errorSchema.safeParse(JSON.parse(res.body)).success).toBe(true);
        }
        expect(res.body).not.toMatch(LEAK);
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20240601) },
    );
    for (const line of serverLogs) expect(line).not.toMatch(/\n/);
  });
});

afterAll(() => {
  const summary = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`).join(', ');
  console.log(`fuzz: ${summary}`);
});
