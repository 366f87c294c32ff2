import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defaultAccountSettings, type AccountSettings } from './accounts/settings.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './screening/limits.ts';
import { DEFAULT_RULESET_CHECK_MS } from './services/rulesets.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('')
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const hostList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean))
  .transform((hosts) => (hosts.length ? hosts : null));

const envSchema = z.object({
  /** 0: any free port (the start-up line says which). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/huiqi.db'),
  RULES_DIR: z.string().min(1).default('./rules'),
  WEB_ROOT: z.string().min(1).default('./dist/web'),
  /** Host names the server answers for, comma-separated; unset: any. */
  ALLOWED_HOSTS: hostList,
  /** Seconds of Strict-Transport-Security, for a site served over HTTPS; unset or 0: no header. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).default(0).transform((seconds) => seconds || null),
  /** A connection that sends and receives nothing this long is closed. */
  IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How often this process asks the database whether another process published rules (a one-row read). */
  RULESET_CHECK_MS: z.coerce.number().int().min(10).max(86_400_000).default(DEFAULT_RULESET_CHECK_MS),
  /** Lets a start-up withdraw more shipped rules than it otherwise may (db/rules.ts refusedWithdrawal). */
  ALLOW_RULE_WITHDRAWAL: flag,
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_FAILURES_PER_NAME: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  /** How many reverse proxies stand in front of the app (0: none; X-Forwarded-For is then ignored). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Comma-separated origins (scheme://host[:port]) besides the app's own that may send state-changing requests. */
  /** Threads that judge screening applicants (0: the server's own thread does); default: one per core, at most 4. */
  SCREENING_THREADS: z.coerce.number().int().min(0).max(32).default(Math.min(4, availableParallelism())),
  /** Applicants one screening upload may hold (the file and request size limits follow from it). */
  SCREENING_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).refine((o) => new URL(o).origin === o, 'an origin is scheme://host[:port], without a path'))),
});
export type Env = z.infer<typeof envSchema>;

/** The account settings the environment gives (password cost stays the production one). */
export const accountSettingsFrom = (env: Env): AccountSettings => ({
  ...defaultAccountSettings,
  sessionLifetimeMs: env.SESSION_HOURS * 3600_000,
  sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
  throttleWindowMs: env.LOGIN_THROTTLE_MINUTES * 60_000,
  maxFailuresPerName: env.LOGIN_MAX_FAILURES_PER_NAME,
  maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_IP,
  trustProxy: env.TRUST_PROXY,
  allowedOrigins: env.ALLOWED_ORIGINS,
});

/** Screening upload limits: the defaults, with room for more rows when the environment allows them. */
export function importLimitsFrom(env: Env): ImportLimits {
  const scale = Math.max(1, env.SCREENING_MAX_ROWS / DEFAULT_IMPORT_LIMITS.maxRows);
  return {
    ...DEFAULT_IMPORT_LIMITS,
    maxRows: env.SCREENING_MAX_ROWS,
    maxFileBytes: Math.round(DEFAULT_IMPORT_LIMITS.maxFileBytes * scale),
    maxBodyBytes: Math.round(DEFAULT_IMPORT_LIMITS.maxBodyBytes * scale),
    maxUncompressedBytes: Math.round(DEFAULT_IMPORT_LIMITS.maxUncompressedBytes * scale),
  };
}

/** The only reader of process.env: parses it once and stops with one readable line when it is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  console.error(`start-up: bad setting: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
