import { describe, expect, it } from 'vitest';
import {
  encodeTokenPart,
  givenPasswordSchema,
  nameSchema,
  newPasswordSchema,
  normaliseName,
  parseSessionToken,
  roleAllows,
  sessionState,
} from '../../server/domain/accounts.ts';

describe('names', () => {
  it('normalise with NFKC and trimming', () => {
    expect(normaliseName('  ｗａｎｇ　')).toBe('wang');
    expect(normaliseName('王 小明 ')).toBe('王 小明');
    expect(nameSchema.parse(' ＬＩ ')).toBe('LI');
  });

  it('refuse empty, too long and control characters', () => {
    expect(nameSchema.safeParse('   ').success).toBe(false);
    expect(nameSchema.safeParse('名'.repeat(61)).success).toBe(false);
    expect(nameSchema.safeParse('名'.repeat(60)).success).toBe(true);
    expect(nameSchema.safeParse('wang\nadmin').success).toBe(false);
  });
});

describe('password policy', () => {
  it('counts characters, not UTF-16 units, between 10 and 256', () => {
    expect(newPasswordSchema.safeParse('123456789').success).toBe(false);
    expect(newPasswordSchema.safeParse('1234567890').success).toBe(true);
    // Ten characters outside the BMP are twenty UTF-16 units: still ten.
    expect(newPasswordSchema.safeParse('𠀀'.repeat(9)).success).toBe(false);
    expect(newPasswordSchema.safeParse('x'.repeat(256)).success).toBe(true);
    expect(newPasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });

  it('lets a sign-in send any non-empty password up to the maximum', () => {
    expect(givenPasswordSchema.safeParse('short').success).toBe(true);
    expect(givenPasswordSchema.safeParse('').success).toBe(false);
    expect(givenPasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});

describe('roles', () => {
  it('admin may do everything; the others only their own', () => {
    expect(roleAllows('admin', ['officer'])).toBe(true);
    expect(roleAllows('officer', ['officer'])).toBe(true);
    expect(roleAllows('author', ['officer'])).toBe(false);
    expect(roleAllows('officer', ['admin'])).toBe(false);
  });
});

describe('session tokens', () => {
  it('encode bytes as lower-case base32 (RFC 4648 vectors)', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(encodeTokenPart(bytes('f'))).toBe('my');
    expect(encodeTokenPart(bytes('foobar'))).toBe('mzxw6ytboi');
    expect(encodeTokenPart(new Uint8Array(15).fill(255))).toBe('7'.repeat(24));
  });

  it('parse only id.secret of 24 base32 characters each', () => {
    const part = 'abcdefghijklmnopqrstuvwx';
    expect(parseSessionToken(`${part}.${part}`)).toEqual({ id: part, secret: part });
    for (const bad of ['', part, `${part}.`, `${part}.${part}.${part}`, `${part}.${part.toUpperCase()}`, `${part}.${part.slice(1)}1`]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
  });
});

describe('session lifetime', () => {
  const policy = { lifetimeMs: 12 * 3600_000, idleTimeoutMs: 30 * 60_000, touchAfterMs: 60_000 };
  const session = { createdAt: 0, lastUsedAt: 0, expiresAt: policy.lifetimeMs };

  it('is fresh, then due a touch, then idle', () => {
    expect(sessionState(session, 59_999, policy)).toBe('fresh');
    expect(sessionState(session, 60_000, policy)).toBe('touch');
    expect(sessionState(session, 30 * 60_000 - 1, policy)).toBe('touch');
    expect(sessionState(session, 30 * 60_000, policy)).toBe('idle');
  });

  it('expires at its absolute end however recently it was used', () => {
    expect(sessionState({ ...session, lastUsedAt: policy.lifetimeMs - 1 }, policy.lifetimeMs, policy)).toBe('expired');
  });
});
