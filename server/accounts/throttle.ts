import { clearFailures, deleteFailures, deleteFailuresBefore, failuresSince, recordFailures } from '../../db/accounts.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction, type Queries } from '../../db/jobs.ts';

/**
 * Failed sign-ins counted in the database over a sliding window, per normalised name and per client address, so
 * every app process serving the database shares the counts.
 */
export type ThrottleLimits = { windowMs: number; maxPerName: number; maxPerAddress: number };

/** A sign-in already counted as failed while its password is checked: the failures recorded for its name and address. */
export type SignInAttempt = { name: string; failureIds: number[] };

const nameKey = (name: string) => `name:${name}`;
const addressKey = (address: string) => `ip:${address}`;

/**
 * Counts a sign-in as failed before its password is checked, and answers the attempt; or, when the name or the
 * address has no place left in the window, the seconds until one frees. Counting first, in one write transaction,
 * keeps the checks per name and per address within the limits when attempts arrive at once (in any process).
 */
export function reserveSignIn(
  db: Db,
  name: string,
  address: string,
  now: number,
  limits: ThrottleLimits,
): { attempt: SignInAttempt } | { retryAfterSeconds: number } {
  return inTransaction(db, (tx) => {
    deleteFailuresBefore(tx, now - limits.windowMs);
    const waitMs = (key: string, max: number) => {
      const { count, oldest } = failuresSince(tx, key, now - limits.windowMs);
      // The window frees a place when its oldest failure leaves it.
      return count >= max && oldest !== null ? oldest + limits.windowMs - now : 0;
    };
    const wait = Math.max(waitMs(nameKey(name), limits.maxPerName), waitMs(addressKey(address), limits.maxPerAddress));
    if (wait > 0) return { retryAfterSeconds: Math.ceil(wait / 1000) };
    return { attempt: { name, failureIds: recordFailures(tx, [nameKey(name), addressKey(address)], now) } };
  });
}

/**
 * The password was right: the name's failures are forgiven and the attempt is not one. The address keeps its other
 * failures (it may be guessing other names). Give it the transaction that starts the session.
 */
export function settleSucceeded(tx: Queries, attempt: SignInAttempt) {
  clearFailures(tx, nameKey(attempt.name));
  deleteFailures(tx, attempt.failureIds);
}

/** No password was checked (the server was too busy): the attempt does not count. */
export function releaseUnchecked(db: Queries, attempt: SignInAttempt) {
  deleteFailures(db, attempt.failureIds);
}
