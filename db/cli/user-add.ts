/** `npm run user:add -- --role admin --name NAME [--unit UNIT]`: adds a user; the password is read from HUIQI_PASSWORD or asked for. */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../../server/accounts/settings.ts';
import { nameSchema, newPasswordSchema, ROLES, unitSchema } from '../../server/domain/accounts.ts';
import { readEnv } from '../../server/env.ts';
import { insertUser } from '../accounts.ts';
import { openDatabase } from '../client.ts';

const argsSchema = z.object({
  name: z.string({ error: 'give --name' }).pipe(nameSchema),
  role: z.enum(ROLES, { error: '--role is officer, author or admin' }),
  unit: unitSchema.default(''),
});

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for a password on: set HUIQI_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Keep the typed password off the screen.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.includes('Password')) process.stdout.write(s);
  };
  const password = await rl.question('Password: ');
  rl.close();
  process.stdout.write('\n');
  return password;
}

const { values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' } } });
const args = argsSchema.safeParse(values);
if (!args.success) {
  for (const issue of args.error.issues) console.error(issue.message);
  process.exit(2);
}
const password = newPasswordSchema.safeParse(process.env.HUIQI_PASSWORD ?? (await askPassword()));
if (!password.success) {
  console.error(password.error.issues[0]!.message);
  process.exit(2);
}

const env = readEnv();
const { db, close } = openDatabase(env.DATABASE_PATH);
const added = insertUser(db, { name: args.data.name, role: args.data.role, unit: args.data.unit, passwordHash: await hashPassword(password.data, PRODUCTION_ARGON2) });
close();
if (!added) {
  console.error(`a user named ${args.data.name} already exists`);
  process.exit(1);
}
console.log(`added ${args.data.role} ${args.data.name}${args.data.unit ? ` of ${args.data.unit}` : ''}`);
