import type { Db } from '../db/client.ts';
import type { AccountSettings } from './accounts/settings.ts';
import type { ApplicantSource } from './authoring/applicants.ts';
import type { Ruleset } from './domain/ruleset.ts';
import type { Log } from './http/request-log.ts';
import type { ImportLimits } from './screening/limits.ts';
import type { ReadSheet } from './screening/sheet-reader.ts';

/** Where the current ruleset comes from; publishing swaps it (`reload`). */
export type RulesetSource = { current(): Ruleset; reload(): Ruleset };

/** What the app's routes are given: built by the composition root (server/index.ts) or by a test. */
export type AppDeps = {
  db: Db;
  rulesets: RulesetSource;
  /** The clock, in epoch milliseconds: sessions, throttling and stored times read it, so tests can move it. */
  now: () => number;
  /** Sessions, sign-in throttle, CSRF origins, password cost (`defaultAccountSettings`, `testAccountSettings`). */
  accounts: AccountSettings;
  /** The applicants of stored screenings, for the impact preview and "who newly qualifies" (default: none). */
  applicants?: ApplicantSource;
  /** The built web app to serve at `/`, if any. */
  webRoot?: string | null;
  bodyLimitBytes?: number;
  /**
   * Screening uploads: their limits (DEFAULT_IMPORT_LIMITS otherwise), who to tell that a job was queued, and what
   * reads an uploaded sheet (the server: its sheet thread; absent: the serving thread itself).
   */
  screening?: { limits?: Partial<ImportLimits>; queued?: () => void; readSheet?: ReadSheet };
  /** Host names the app answers for (ALLOWED_HOSTS); absent or null: any well-formed host. */
  allowedHosts?: readonly string[] | null;
  /** Strict-Transport-Security max-age in seconds (HSTS_MAX_AGE), when the site is served over HTTPS. */
  hstsMaxAgeSeconds?: number | null;
  /** Where the one line per failed request goes; the console when absent. */
  log?: Log;
};
