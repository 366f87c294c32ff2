import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { addUser, findUser } from '../../db/users.ts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';

describe('users and passwords', () => {
  it('stores a salted hash that verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  it('adds a user once per name', async () => {
    const { db } = openDatabase(':memory:');
    const passwordHash = await hashPassword('0123456789');
    expect(addUser(db, { name: 'wang', role: 'officer', passwordHash })).toBe(true);
    expect(addUser(db, { name: 'wang', role: 'admin', passwordHash })).toBe(false);
    expect(findUser(db, 'wang')?.role).toBe('officer');
  });
});
