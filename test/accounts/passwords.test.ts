import { describe, expect, it } from 'vitest';
import { BusyError, Limiter } from '../../server/accounts/limiter.ts';
import { hashPassword, needsRehash, verifyPassword } from '../../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2, testAccountSettings } from '../../server/accounts/settings.ts';
import { legacyScryptHash } from '../support/accounts.ts';

const cheap = testAccountSettings.argon2;

describe('password hashes', () => {
  it('are salted Argon2id that verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
    expect(await hashPassword('correct horse battery', cheap)).not.toBe(hash);
  });

  it('use at least OWASP’s Argon2id minimum in production', async () => {
    expect(PRODUCTION_ARGON2.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    expect(PRODUCTION_ARGON2.timeCost).toBeGreaterThanOrEqual(2);
    expect(await hashPassword('x', PRODUCTION_ARGON2)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('compare after NFKC, as typed on any keyboard', async () => {
    const hash = await hashPassword('ｐａｓｓｗｏｒｄ１２３', cheap);
    expect(await verifyPassword('password123', hash)).toBe(true);
  });

  it('still verify the old scrypt hashes, and say they need rehashing', async () => {
    const old = legacyScryptHash('correct horse battery');
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(await verifyPassword('wrong horse battery', old)).toBe(false);
    expect(needsRehash(old, cheap)).toBe(true);
  });

  it('need rehashing when the cost changed, not otherwise', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    expect(needsRehash(hash, cheap)).toBe(false);
    expect(needsRehash(hash, PRODUCTION_ARGON2)).toBe(true);
  });

  it('never verify a malformed stored value', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2', '$argon2id$garbage']) expect(await verifyPassword('x', stored)).toBe(false);
  });
});

describe('the limiter', () => {
  it('runs at most n at once, queues up to m and refuses the rest', async () => {
    const limiter = new Limiter(1, 1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = () => (order.push('first'), resolve()))));
    const second = limiter.run(async () => void order.push('second'));
    await expect(limiter.run(async () => 'third')).rejects.toBeInstanceOf(BusyError);
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    // The places are free again.
    expect(await limiter.run(async () => 'later')).toBe('later');
  });

  it('frees its place when a task fails', async () => {
    const limiter = new Limiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
  });
});
