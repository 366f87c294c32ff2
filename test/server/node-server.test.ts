import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeServer, createHttpServer, listen, type Fetch } from '../../server/http/node-server.ts';
import { securityHeaderValues } from '../../server/http/security-headers.ts';
import { testDocument, testRule } from '../fixtures.ts';
import { get, LOCALHOST, rawRequest, silentConnection } from '../support/raw-http.ts';
import { testApp } from '../support/test-app.ts';

const { app, logs } = testApp([{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
const serverLogs: string[] = [];

async function start(idleTimeoutMs: number): Promise<{ server: Server; port: number }> {
  const server = createHttpServer(app.fetch, { idleTimeoutMs, headers: securityHeaderValues(), log: (_, line) => serverLogs.push(line), hostname: LOCALHOST });
  const { port } = await listen(server, 0, LOCALHOST);
  return { server, port };
}

describe('the HTTP server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await start(60_000)));
  afterAll(() => closeServer(server, 100));

  it('serves the app', async () => {
    const res = await rawRequest(port, get('/api/health', `${LOCALHOST}:${port}`));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  // Hosts the adapter accepts but no URL can hold (once a 500), and hosts it refuses itself (once an empty 400).
  it.each(['xn--', '256.0.0.1', 'xn--:3000', 'a b', 'bücher.de', '[::1', 'example.com/x', 'ex%41mple.com', 'a\\b', ''])(
    'answers a Host header %j with a 400 in the error shape and the security headers',
    async (host) => {
      const res = await rawRequest(port, get('/api/health', host));
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/Host/) } });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
    },
  );

  it.each([
    ['no Host header at all', get('/api/health', null), 400],
    ['a control character in a header', 'GET /api/health HTTP/1.1\r\nHost: a\u0001b\r\n\r\n', 400],
    ['a header line without a colon', 'GET /api/health HTTP/1.1\r\nHost localhost\r\n\r\n', 400],
    ['headers over the size limit', `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['not HTTP at all', '\u0016\u0003\u0001 hello\r\n\r\n', 400],
  ])('answers a request with %s in the error shape', async (_, request, status) => {
    const res = await rawRequest(port, request);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error).toEqual({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff].*\(.+\)/) });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs each of them in one line, without a stack trace', () => {
    const lines = [...serverLogs, ...logs.map((l) => l.line)];
    expect(lines.length).toBeGreaterThanOrEqual(14);
    for (const line of lines) expect(line).not.toMatch(/\n|\bat .*\.(ts|js|mjs):\d+/);
  });
});

describe('idle connections', () => {
  it('closes a connection that sends nothing once the idle timeout passes', async () => {
    const { server, port } = await start(200);
    const silent = silentConnection(port);
    await silent.closed;
    expect(silent.socket.destroyed).toBe(true);
    await closeServer(server, 100);
  });

  it('closes a kept-alive connection after its answer when it stays idle', async () => {
    const { server, port } = await start(200);
    const kept = silentConnection(port);
    const answered = new Promise<string>((resolve) => kept.socket.once('data', (chunk) => resolve(chunk.toString())));
    kept.socket.write(`GET /api/health HTTP/1.1\r\nHost: ${LOCALHOST}\r\n\r\n`);
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    await kept.closed;
    await closeServer(server, 100);
  });
});

describe('closing the server', () => {
  it('closes every connection, silent, idle and busy, and then settles', async () => {
    const { server, port } = await start(60_000);
    const silent = silentConnection(port);
    const kept = silentConnection(port);
    const answered = new Promise<void>((resolve) => kept.socket.once('data', () => resolve()));
    kept.socket.write(`GET /api/health HTTP/1.1\r\nHost: ${LOCALHOST}\r\n\r\n`);
    await answered;
    // A request whose body never finishes keeps its connection busy.
    const busy = silentConnection(port);
    busy.socket.write(`POST /api/match HTTP/1.1\r\nHost: ${LOCALHOST}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"pro`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeServer(server, 200);
    await Promise.all([silent.closed, kept.closed, busy.closed]);
    expect(server.listening).toBe(false);
  });
});

describe('requests outside the app (issue 15, item 12)', () => {
  /** A server whose log lines are its own, and a promise that settles when the app has been handed a request. */
  async function startWatched() {
    const t = testApp([]);
    let arrived!: () => void;
    const handedOver = new Promise<void>((resolve) => (arrived = resolve));
    const fetch: Fetch = (request, bindings) => (arrived(), t.app.fetch(request, bindings));
    const lines: { level: string; line: string }[] = t.logs;
    const server = createHttpServer(fetch, { idleTimeoutMs: 60_000, headers: securityHeaderValues(), log: (level, line) => lines.push({ level, line }), hostname: LOCALHOST });
    const { port } = await listen(server, 0, LOCALHOST);
    return { server, port, lines, handedOver };
  }

  it('answers CONNECT with a 405 in the error shape (it used to close without a word)', async () => {
    const { server, port, lines } = await startWatched();
    const res = await rawRequest(port, `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'method_not_allowed', message: expect.stringContaining('CONNECT') } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(lines).toEqual([{ level: 'warn', line: expect.stringMatching(/^405 CONNECT refused id=/) }]);
    await closeServer(server, 100);
  });

  it('logs a request its client abandons mid-body as aborted, once, not as a 500', async () => {
    const { server, port, lines, handedOver } = await startWatched();
    const client = silentConnection(port);
    client.socket.write(`POST /api/match HTTP/1.1\r\nHost: ${LOCALHOST}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"profile":`);
    await handedOver;
    client.socket.destroy();
    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0), { timeout: 10_000 });
    await closeServer(server, 100);
    expect(lines).toEqual([{ level: 'info', line: expect.stringMatching(/^aborted POST \/api\/match .* \(the client closed the connection mid-request\)$/) }]);
  });

  it('logs a request abandoned mid-headers as aborted, answering nothing', async () => {
    const { server, port, lines } = await startWatched();
    const client = silentConnection(port);
    client.socket.end(`POST /api/match HTTP/1.1\r\nHost: ${LOCALHOST}\r\nContent-Ty`);
    await client.closed;
    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0), { timeout: 10_000 });
    await closeServer(server, 100);
    expect(lines).toEqual([{ level: 'info', line: expect.stringMatching(/^aborted request/) }]);
  });
});
