import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession } from '../../db/accounts.ts';
import type { Db } from '../../db/client.ts';
import { encodeTokenPart, parseSessionToken, sessionState, type Role, type SessionPolicy } from '../domain/accounts.ts';

/** Who a request is signed in as. */
export type SignedInUser = { id: number; name: string; role: Role; unit: string };

const sha256 = (secret: string) => createHash('sha256').update(secret).digest();
const randomPart = () => encodeTokenPart(randomBytes(15));

/** Starts a session and answers its token, which only the cookie holds. Old expired sessions are swept on the way. */
export function startSession(db: Db, userId: number, now: number, policy: SessionPolicy): { token: string; expiresAt: number } {
  deleteExpiredSessions(db, now);
  const id = randomPart();
  const secret = randomPart();
  const expiresAt = now + policy.lifetimeMs;
  insertSession(db, { id, secretHash: sha256(secret), userId, createdAt: now, lastUsedAt: now, expiresAt });
  return { token: `${id}.${secret}`, expiresAt };
}

/**
 * The user a token signs in, or null. An expired or idle session is deleted; a live one has its last use written
 * when it is older than the policy's touch interval. A disabled user has no sessions (they are deleted with the
 * change), and is refused here as well.
 */
export function resumeSession(db: Db, token: string, now: number, policy: SessionPolicy): { user: SignedInUser; sessionId: string } | null {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const found = findSession(db, parsed.id);
  if (!found) return null;
  const { session, user } = found;
  if (!timingSafeEqual(sha256(parsed.secret), session.secretHash)) return null;
  const state = sessionState(session, now, policy);
  if (state === 'expired' || state === 'idle' || user.disabled) {
    deleteSession(db, session.id);
    return null;
  }
  if (state === 'touch') touchSession(db, session.id, now);
  return { user: { id: user.id, name: user.name, role: user.role, unit: user.unit }, sessionId: session.id };
}

export function endSession(db: Db, token: string) {
  const parsed = parseSessionToken(token);
  if (parsed) deleteSession(db, parsed.id);
}
