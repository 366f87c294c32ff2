import { z } from 'zod';
import { givenPasswordSchema, nameSchema, newPasswordSchema, ROLES } from '../domain/accounts.ts';

/** Request and answer shapes of the accounts routes. */

export const roleSchema = z.enum(ROLES).meta({ id: 'Role', description: 'officer: screenings; author: rules; admin: accounts, and everything the others may do' });

export const signInSchema = z.strictObject({ name: nameSchema, password: givenPasswordSchema }).meta({ id: 'SignIn' });

export const signedInUserSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema }).meta({ id: 'SignedInUser' });

export const userSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable().meta({ description: 'ISO time of the last sign-in, or null' }),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

export const newUserSchema = z.strictObject({ name: nameSchema, role: roleSchema, password: newPasswordSchema }).meta({ id: 'NewUser' });

export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional().meta({ description: 'true ends all of the user’s sessions' }),
    password: newPasswordSchema.optional().meta({ description: 'a new password set by the admin; ends all of the user’s sessions' }),
  })
  .refine((change) => Object.keys(change).length > 0, '请至少修改一项 (change at least one of role, disabled, password)')
  .meta({ id: 'UserChange' });

export const userIdParamSchema = z.object({
  id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }),
});
