import type { Argon2Cost } from './passwords.ts';

/** How accounts behave; the composition root fills it from the environment, tests from `testAccountSettings`. */
export type AccountSettings = {
  /** A session ends this long after sign-in, used or not. */
  sessionLifetimeMs: number;
  /** ... and sooner when unused this long. */
  sessionIdleMs: number;
  /** Failed sign-ins are counted over this sliding window. */
  throttleWindowMs: number;
  /** Failures per normalised name within the window before sign-in answers 429. */
  maxFailuresPerName: number;
  /** Failures per client address within the window (across names). */
  maxFailuresPerAddress: number;
  /** Reverse proxies in front of the app: 0 reads the address from the socket, n the n-th X-Forwarded-For entry from the right. */
  trustProxy: number;
  /** Origins besides the request's own that may send state-changing requests (e.g. the public https origin behind a proxy). */
  allowedOrigins: string[];
  argon2: Argon2Cost;
  /** Password checks running at once; more wait in line. */
  maxConcurrentPasswordChecks: number;
  /** Checks waiting in line; more get 503. */
  maxQueuedPasswordChecks: number;
};

/** OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): about 40 ms a check on the development machine. */
export const PRODUCTION_ARGON2: Argon2Cost = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export const defaultAccountSettings: AccountSettings = {
  sessionLifetimeMs: 12 * 3600_000,
  sessionIdleMs: 30 * 60_000,
  throttleWindowMs: 15 * 60_000,
  maxFailuresPerName: 5,
  maxFailuresPerAddress: 20,
  trustProxy: 0,
  allowedOrigins: [],
  argon2: PRODUCTION_ARGON2,
  maxConcurrentPasswordChecks: 2,
  maxQueuedPasswordChecks: 32,
};

/** The same behaviour with a cheap hash, so suites that sign in often stay fast. Never for a real database. */
export const testAccountSettings: AccountSettings = { ...defaultAccountSettings, argon2: { memoryCost: 64, timeCost: 1, parallelism: 1 } };
