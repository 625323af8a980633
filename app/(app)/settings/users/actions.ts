'use server';

import { revalidatePath } from 'next/cache';
import { changeUserRole, createUser, setUserActive } from '@/db/queries/users';
import { defineAction } from '@/lib/actions';
import { changeRoleSchema, createUserSchema, setActiveSchema } from '@/lib/users/schemas';

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
