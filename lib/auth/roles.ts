import type { Role } from '@/db/schema';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', manager: 'Manager', rep: 'Sales rep' };

/** Managers and admins see and reassign every record; reps work their own. */
export function seesEveryone(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

export function isAdmin(role: Role): boolean {
  return role === 'admin';
}
