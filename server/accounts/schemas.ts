import { z } from 'zod';
import { givenPasswordSchema, nameSchema, newPasswordSchema, ROLES, unitSchema } from '../domain/accounts.ts';

/** Request and answer shapes of the accounts routes. */

export const roleSchema = z.enum(ROLES).meta({ id: 'Role', description: 'officer: screenings; author: rules; admin: accounts, and everything the others may do' });

export const signInSchema = z.strictObject({ name: nameSchema, password: givenPasswordSchema }).meta({ id: 'SignIn' });

const unitField = unitSchema.meta({ description: '部门 / 区县 (free text; empty: none). An officer reads the screenings of their own unit' });

export const signedInUserSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema, unit: z.string() }).meta({ id: 'SignedInUser' });

export const userSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    unit: z.string(),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable().meta({ description: 'ISO time of the last sign-in, or null' }),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

export const newUserSchema = z.strictObject({ name: nameSchema, role: roleSchema, unit: unitField.optional(), password: newPasswordSchema }).meta({ id: 'NewUser' });

export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    unit: unitField.optional(),
    disabled: z.boolean().optional().meta({ description: 'true ends all of the user’s sessions' }),
    password: newPasswordSchema.optional().meta({ description: 'a new password set by the admin; ends all of the user’s sessions' }),
  })
  .refine((change) => Object.keys(change).length > 0, '请至少修改一项 (change at least one of role, unit, disabled, password)')
  .meta({ id: 'UserChange' });

export const userIdParamSchema = z.object({
  id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }),
});
