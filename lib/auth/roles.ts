import type { Role } from '@/db/schema';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', manager: 'Manager', rep: 'Sales rep' };

/** Who keeps shared data (the catalogue, goals) and reassigns work. */
export const MANAGING_ROLES = ['admin', 'manager'] as const satisfies readonly Role[];

/** Managers and admins see and reassign every record; reps work their own. */
export function seesEveryone(role: Role): boolean {
  return (MANAGING_ROLES as readonly Role[]).includes(role);
}

export function isAdmin(role: Role): boolean {
  return role === 'admin';
}
