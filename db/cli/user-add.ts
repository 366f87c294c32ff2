/** `npm run user:add -- --role admin --name NAME`: adds a user; the password is read from HUIQI_PASSWORD or asked for. */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../../server/auth/passwords.ts';
import { readEnv } from '../../server/env.ts';
import { openDatabase } from '../client.ts';
import { addUser } from '../users.ts';

const argsSchema = z.object({
  name: z.string().trim().min(1, 'give --name').max(60),
  role: z.enum(['officer', 'author', 'admin'], { error: '--role is officer, author or admin' }),
});
const passwordSchema = z.string().min(10, 'the password needs at least 10 characters').max(200);

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

const { values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' } } });
const args = argsSchema.safeParse(values);
if (!args.success) {
  for (const issue of args.error.issues) console.error(issue.message);
  process.exit(2);
}
const password = passwordSchema.safeParse(process.env.HUIQI_PASSWORD ?? (await askPassword()));
if (!password.success) {
  console.error(password.error.issues[0]!.message);
  process.exit(2);
}

const env = readEnv();
const { db, close } = openDatabase(env.DATABASE_PATH);
const added = addUser(db, { name: args.data.name, role: args.data.role, passwordHash: await hashPassword(password.data) });
close();
if (!added) {
  console.error(`a user named ${args.data.name} already exists`);
  process.exit(1);
}
console.log(`added ${args.data.role} ${args.data.name}`);
