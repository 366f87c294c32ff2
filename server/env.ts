import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/huiqi.db'),
  RULES_DIR: z.string().min(1).default('./rules'),
  WEB_ROOT: z.string().min(1).default('./dist/web'),
});
export type Env = z.infer<typeof envSchema>;

/** The only reader of process.env: parses it once and stops with a readable message when it is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) console.error(`environment: ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
