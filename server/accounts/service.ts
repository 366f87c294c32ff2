import {
  countOtherActiveAdmins,
  deleteSessionsOfUser,
  findUserById,
  findUserByName,
  insertUser,
  listUsers,
  updateUser,
  type UserSummary,
} from '../../db/accounts.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/jobs.ts';
import type { Role, SessionPolicy } from '../domain/accounts.ts';
import { Limiter } from './limiter.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { endSession, resumeSession, startSession, type SignedInUser } from './sessions.ts';
import type { AccountSettings } from './settings.ts';
import { releaseUnchecked, reserveSignIn, settleSucceeded, type ThrottleLimits } from './throttle.ts';

export type SignInResult =
  | { ok: true; user: SignedInUser; token: string; expiresAt: number }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type UserChange = { role?: Role; unit?: string; disabled?: boolean; password?: string };

/**
 * Signing in and out, and managing users: one per app process (it holds the cap on concurrent password checks).
 * Names arrive normalised (the request schemas do it). A busy process throws `BusyError` from the limiter.
 */
export class Accounts {
  private readonly limiter: Limiter;
  private readonly policy: SessionPolicy;
  private readonly limits: ThrottleLimits;
  private readonly dummy: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly settings: AccountSettings,
    private readonly now: () => number,
  ) {
    this.limiter = new Limiter(settings.maxConcurrentPasswordChecks, settings.maxQueuedPasswordChecks);
    // Writing a session's last use once a minute (or 1/30 of the idle timeout) is plenty to keep it alive.
    this.policy = { lifetimeMs: settings.sessionLifetimeMs, idleTimeoutMs: settings.sessionIdleMs, touchAfterMs: Math.min(60_000, settings.sessionIdleMs / 30) };
    // Made once, ahead of the first unknown name, so that one costs no more than the others.
    this.dummy = dummyHash(settings.argon2);
    this.limits = { windowMs: settings.throttleWindowMs, maxPerName: settings.maxFailuresPerName, maxPerAddress: settings.maxFailuresPerAddress };
  }

  /**
   * The attempt is counted as failed before the password is checked (see throttle.ts), and forgiven when it was
   * right. A disabled account gets the answer of a wrong password, so a right one is not confirmed.
   */
  async signIn(name: string, password: string, address: string): Promise<SignInResult> {
    const reserved = reserveSignIn(this.db, name, address, this.now(), this.limits);
    if ('retryAfterSeconds' in reserved) return { ok: false, reason: 'throttled', retryAfterSeconds: reserved.retryAfterSeconds };
    const user = findUserByName(this.db, name);
    let rehashed: string | false;
    try {
      // An unknown name costs the same hash as a known one, so timing does not tell which names exist.
      const stored = user?.passwordHash ?? (await this.dummy);
      rehashed = await this.limiter.run(async () => {
        if (!(await verifyPassword(password, stored))) return false;
        return !user?.disabled && needsRehash(stored, this.settings.argon2) ? hashPassword(password, this.settings.argon2) : stored;
      });
    } catch (error) {
      releaseUnchecked(this.db, reserved.attempt);
      throw error;
    }
    if (!user || user.disabled || rehashed === false) return { ok: false, reason: 'wrong' };
    const now = this.now();
    const { token, expiresAt } = inTransaction(this.db, () => {
      settleSucceeded(this.db, reserved.attempt);
      updateUser(this.db, user.id, { lastLoginAt: now, ...(rehashed !== user.passwordHash ? { passwordHash: rehashed } : {}) });
      return startSession(this.db, user.id, now, this.policy);
    });
    return { ok: true, user: { id: user.id, name: user.name, role: user.role, unit: user.unit }, token, expiresAt };
  }

  resume(token: string) {
    return resumeSession(this.db, token, this.now(), this.policy);
  }

  signOut(token: string) {
    endSession(this.db, token);
  }

  listUsers(): UserSummary[] {
    return listUsers(this.db);
  }

  async addUser(user: { name: string; role: Role; unit?: string; password: string }): Promise<UserSummary | 'taken'> {
    if (findUserByName(this.db, user.name)) return 'taken';
    const passwordHash = await this.limiter.run(() => hashPassword(user.password, this.settings.argon2));
    return insertUser(this.db, { name: user.name, role: user.role, unit: user.unit, passwordHash }) ?? 'taken';
  }

  /**
   * Changes a user; disabling or a new password ends every session of theirs. The last active admin stays one: the
   * rule is checked again in the write transaction, after the new password's hash, so two admins disabling each
   * other at once cannot both succeed.
   */
  async changeUser(id: number, change: UserChange): Promise<UserSummary | 'not_found' | 'last_admin'> {
    const refusal = this.refusedChange(id, change);
    if (refusal) return refusal;
    const passwordHash = change.password === undefined ? undefined : await this.limiter.run(() => hashPassword(change.password!, this.settings.argon2));
    // One connection, so statements made through `db` inside the callback belong to the transaction.
    return inTransaction(this.db, () => {
      const refusedNow = this.refusedChange(id, change);
      if (refusedNow) return refusedNow;
      updateUser(this.db, id, { ...(change.role ? { role: change.role } : {}), ...(change.unit !== undefined ? { unit: change.unit } : {}), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}), ...(passwordHash ? { passwordHash } : {}) });
      if (change.disabled || passwordHash) deleteSessionsOfUser(this.db, id);
      return findUserById(this.db, id)!;
    });
  }

  private refusedChange(id: number, change: UserChange): 'not_found' | 'last_admin' | null {
    const user = findUserById(this.db, id);
    if (!user) return 'not_found';
    const staysActiveAdmin = (change.role ?? user.role) === 'admin' && !(change.disabled ?? user.disabled);
    return user.role === 'admin' && !user.disabled && !staysActiveAdmin && countOtherActiveAdmins(this.db, id) === 0 ? 'last_admin' : null;
  }
}
