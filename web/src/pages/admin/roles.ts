import type { Role } from '../../lib/types.ts';

/** The roles in the order the admin pages offer them (the server's ROLES, as a value the browser bundle can hold). */
export const ROLE_CHOICES: Role[] = ['officer', 'author', 'admin'];
