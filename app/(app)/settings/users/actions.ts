'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { createPasswordReset } from '@/db/queries/password-resets';
import { changeUserRole, createUser, setUserActive } from '@/db/queries/users';
import { defineAction } from '@/lib/actions';
import { requestOrigin } from '@/lib/http/origin';
import { changeRoleSchema, createUserSchema, setActiveSchema, userIdInput } from '@/lib/users/schemas';

const ADMIN = ['admin'] as const;

export const createUserAction = defineAction({ schema: createUserSchema, roles: ADMIN }, (input, { db }) => {
  const user = createUser(db, input);
  revalidatePath('/settings/users');
  return { id: user.id, name: user.name };
});

export const changeUserRoleAction = defineAction({ schema: changeRoleSchema, roles: ADMIN }, ({ userId, role }, { db }) => {
  changeUserRole(db, userId, role);
  revalidatePath('/settings/users');
});

export const setUserActiveAction = defineAction({ schema: setActiveSchema, roles: ADMIN }, ({ userId, active }, { db, user }) => {
  setUserActive(db, userId, active, user.id);
  revalidatePath('/settings/users');
});

/**
 * Makes a one-time password reset link for a user and signs them out everywhere. The link is shown
 * to the admin once, to pass on; only its hash is kept.
 */
export const createResetLinkAction = defineAction({ schema: userIdInput, roles: ADMIN }, async ({ userId }, { db, user }) => {
  const { token, expiresAt } = createPasswordReset(db, userId, user.id, Date.now());
  return { url: `${requestOrigin(await headers())}/reset/${token}`, expiresAt };
});
