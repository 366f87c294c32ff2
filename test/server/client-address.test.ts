import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { addUser, passwordOf } from '../support/accounts.ts';
import { startServer, tempSetup, type Started } from '../support/server-process.ts';

/**
 * The per-address sign-in throttle as the real server (`server/index.ts`) applies it: clients on different loopback
 * addresses (the whole of 127/8 is local on Linux) are different addresses.
 */

const started: Started[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

/** A server on 127.0.0.1 over a database that holds the officer wang. */
async function serverWith(env: Record<string, string>) {
  const { dir, rulesDir } = tempSetup();
  const path = join(dir, 'huiqi.db');
  const { db, close } = openDatabase(path);
  await addUser(db, 'wang', 'officer');
  close();
  const server = startServer({ RULES_DIR: rulesDir, DATABASE_PATH: path, ...env });
  started.push(server);
  return server.port;
}

/** A sign-in sent from the given local address; answers the status. */
function signInFrom(port: number, localAddress: string, name: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  const body = JSON.stringify({ name, password });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/auth/login', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the per-address sign-in throttle on a real server', () => {
  it('holds back the address that failed 20 times, not another one (and ignores X-Forwarded-For unasked)', async () => {
    const port = await serverWith({});
    for (let i = 0; i < 20; i++) expect(await signInFrom(port, '127.0.0.2', `guess-${i}`, 'not the password')).toBe(401);
    expect(await signInFrom(port, '127.0.0.2', 'wang', passwordOf('wang'))).toBe(429);
    expect(await signInFrom(port, '127.0.0.2', 'wang', passwordOf('wang'), { 'x-forwarded-for': '198.51.100.7' })).toBe(429);
    expect(await signInFrom(port, '127.0.0.3', 'li', 'not the password')).toBe(401);
    expect(await signInFrom(port, '127.0.0.3', 'wang', passwordOf('wang'))).toBe(200);
  });

  it('behind TRUST_PROXY=1 counts the X-Forwarded-For entry the proxy appended', async () => {
    const port = await serverWith({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_IP: '3' });
    const via = (client: string) => ({ 'x-forwarded-for': `203.0.113.9, ${client}` });
    for (let i = 0; i < 3; i++) expect(await signInFrom(port, '127.0.0.2', `guess-${i}`, 'not the password', via('198.51.100.7'))).toBe(401);
    expect(await signInFrom(port, '127.0.0.2', 'wang', passwordOf('wang'), via('198.51.100.7'))).toBe(429);
    // The same proxy connection, another client; the client-supplied left-hand entry is not the address.
    expect(await signInFrom(port, '127.0.0.2', 'wang', passwordOf('wang'), via('198.51.100.8'))).toBe(200);
    expect(await signInFrom(port, '127.0.0.2', 'wang', passwordOf('wang'), { 'x-forwarded-for': '198.51.100.7, 198.51.100.9' })).toBe(200);
  });
});
