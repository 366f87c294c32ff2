import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { normalisePassword } from '../domain/accounts.ts';

/**
 * Passwords are stored as Argon2id PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). Hashes written before that
 * are `scrypt$N$r$p$salt$hash` (N=2^15, below OWASP's minimum): they still verify, and the caller rehashes them at the
 * next successful sign-in.
 */
export type Argon2Cost = { memoryCost: number; timeCost: number; parallelism: number };

const ARGON2ID = 2 as Algorithm;

export const hashPassword = (password: string, cost: Argon2Cost) =>
  hash(normalisePassword(password), { ...cost, algorithm: ARGON2ID, outputLen: 32 });

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, normalisePassword(password)).catch(() => false);
  if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
  return false;
}

/** True when the stored hash is not Argon2id at exactly the given cost (older scheme, or a cost since changed). */
export function needsRehash(stored: string, cost: Argon2Cost): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    const used = parseOptions(stored);
    return used.memoryCost !== cost.memoryCost || used.timeCost !== cost.timeCost || used.parallelism !== cost.parallelism;
  } catch {
    return true;
  }
}

/** The hash an unknown name is checked against, so that it costs the same work as a known one. */
export const dummyHash = (cost: Argon2Cost) => hashPassword(randomBytes(24).toString('base64'), cost);

const SCRYPT_MAXMEM = 64 * 2 ** 20;

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, N, r, p, salt, hashed] = stored.split('$');
  if (!salt || !hashed) return Promise.resolve(false);
  const expected = Buffer.from(hashed, 'base64');
  const params = { N: Number(N), r: Number(r), p: Number(p), maxmem: SCRYPT_MAXMEM };
  return new Promise((resolve) =>
    scrypt(normalisePassword(password), Buffer.from(salt, 'base64'), expected.length, params, (error, key) =>
      resolve(!error && key.length === expected.length && timingSafeEqual(key, expected)),
    ),
  );
}
