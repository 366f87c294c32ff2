import { z } from 'zod';

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
  /** Lets a start-up withdraw more shipped rules than it otherwise may (db/rules.ts refusedWithdrawal). */
  ALLOW_RULE_WITHDRAWAL: flag,
});
export type Env = z.infer<typeof envSchema>;

/** The only reader of process.env: parses it once and stops with one readable line when it is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  console.error(`start-up: bad setting: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
