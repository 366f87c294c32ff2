import { clearFailures, deleteFailuresBefore, failuresSince, recordFailures } from '../../db/accounts.ts';
import type { Db } from '../../db/client.ts';

/**
 * Failed sign-ins counted in the database over a sliding window, per normalised name and per client address, so
 * every app process serving the database shares the counts.
 */
export type ThrottleLimits = { windowMs: number; maxPerName: number; maxPerAddress: number };

const nameKey = (name: string) => `name:${name}`;
const addressKey = (address: string) => `ip:${address}`;

/** Seconds until a sign-in for this name from this address may be tried again, or 0 when it may be tried now. */
export function signInWait(db: Db, name: string, address: string, now: number, limits: ThrottleLimits): number {
  const since = now - limits.windowMs;
  const waitMs = (key: string, max: number) => {
    const { count, oldest } = failuresSince(db, key, since);
    // The window frees a place when its oldest failure leaves it.
    return count >= max && oldest !== null ? oldest + limits.windowMs - now : 0;
  };
  return Math.ceil(Math.max(waitMs(nameKey(name), limits.maxPerName), waitMs(addressKey(address), limits.maxPerAddress)) / 1000);
}

export function recordFailedSignIn(db: Db, name: string, address: string, now: number, limits: ThrottleLimits) {
  deleteFailuresBefore(db, now - limits.windowMs);
  recordFailures(db, [nameKey(name), addressKey(address)], now);
}

/** A successful sign-in forgives the name's failures (the address keeps its count: it may be guessing other names). */
export function clearFailedSignIns(db: Db, name: string) {
  clearFailures(db, nameKey(name));
}
