import { z } from 'zod';

/** Accounts without I/O: roles and what they may do, names, the password policy, session tokens and their lifetime. */

export const ROLES = ['officer', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An officer screens applicants, an author edits rules, an admin manages accounts and may also do everything the
 * other roles do (a small service centre often has one person who is all three).
 */
export const roleAllows = (role: Role, allowed: readonly Role[]) => role === 'admin' || allowed.includes(role);

/** Names compare after NFKC (full-width ｗａｎｇ is wang) and trimming; they are stored so. */
export const normaliseName = (name: string) => name.normalize('NFKC').trim();

export const NAME_MAX = 60;
// Control characters (C0, DEL, C1) and line or paragraph separators never belong in a name.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const nameSchema = z
  .string()
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, '请填写名称 (name is required)')
      .max(NAME_MAX, `名称不能超过 ${NAME_MAX} 个字符 (at most ${NAME_MAX} characters)`)
      .refine((name) => !CONTROL.test(name), '名称不能包含控制字符 (no control characters)'),
  );

/**
 * A unit (部门 / 区县) is free text an admin types, compared as stored (NFKC, trimmed); '' is no unit. Screenings
 * belong to the unit of the officer who ran them.
 */
export const unitSchema = z
  .string()
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .max(NAME_MAX, `单位不能超过 ${NAME_MAX} 个字符 (at most ${NAME_MAX} characters)`)
      .refine((unit) => !CONTROL.test(unit), '单位不能包含控制字符 (no control characters)'),
  );

/**
 * Whose screenings a user reads: an officer those of their own unit (one without a unit: those made without one), an
 * admin every unit's (null).
 */
export const screeningUnitOf = (user: { role: Role; unit: string }): string | null => (user.role === 'admin' ? null : user.unit);

/**
 * How far a user reaches into the applicants of stored screenings (the impact preview, "who newly qualifies"): those
 * who may read screenings (officers: their unit's; admins: every unit's) see names and each applicant's figures;
 * authors see every unit's, but only as counts and sums by benefit and city.
 */
export type ApplicantReach = { unit: string | null; names: boolean };

export function applicantReach(user: { role: Role; unit: string }): ApplicantReach {
  return roleAllows(user.role, ['officer']) ? { unit: screeningUnitOf(user), names: true } : { unit: null, names: false };
}

/** Long enough to resist guessing, short enough that hashing it costs the same as any other: checked before hashing. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** A password as it is hashed: NFKC, so the same typed characters give the same hash on every keyboard. */
export const normalisePassword = (password: string) => password.normalize('NFKC');

/** Lengths count characters (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

export const newPasswordSchema = z
  .string()
  .refine((p) => length(p) >= PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符 (at least ${PASSWORD_MIN} characters)`)
  .refine((p) => length(p) <= PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符 (at most ${PASSWORD_MAX} characters)`);

/** What a sign-in may send: any password up to the maximum (older accounts may have shorter ones). */
export const givenPasswordSchema = z
  .string()
  .min(1, '请填写密码 (password is required)')
  .refine((p) => length(p) <= PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符 (at most ${PASSWORD_MAX} characters)`);

/**
 * A session token is `id.secret`: the id finds the row, the secret proves possession. Only a hash of the secret is
 * stored, so a copy of the database opens no session.
 */
const TOKEN_PART = /^[a-z2-7]{24}$/;

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (extra !== undefined || !id || !secret || !TOKEN_PART.test(id) || !TOKEN_PART.test(secret)) return null;
  return { id, secret };
}

/** 15 random bytes in lower-case base32 (RFC 4648 alphabet, no padding): 24 characters, 120 bits. */
export function encodeTokenPart(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export type SessionTimes = { createdAt: number; lastUsedAt: number; expiresAt: number };
export type SessionPolicy = { lifetimeMs: number; idleTimeoutMs: number; touchAfterMs: number };

/**
 * A session lives until its absolute expiry, and dies sooner when unused for the idle timeout. Its last use is
 * written at most every `touchAfterMs`, so a busy page does not write on every request.
 */
export function sessionState(session: SessionTimes, now: number, policy: SessionPolicy): 'expired' | 'idle' | 'touch' | 'fresh' {
  if (now >= session.expiresAt) return 'expired';
  if (now - session.lastUsedAt >= policy.idleTimeoutMs) return 'idle';
  return now - session.lastUsedAt >= policy.touchAfterMs ? 'touch' : 'fresh';
}
