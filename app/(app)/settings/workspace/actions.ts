'use server';

import { revalidatePath } from 'next/cache';
import { removeWorkspaceLogo, updateWorkspace } from '@/db/queries/workspace';
import { defineAction } from '@/lib/actions';
import { removeLogoSchema, workspaceSettingsSchema } from '@/lib/workspace/schemas';

const ADMIN = ['admin'] as const;

// The settings show on every screen (currency, the shell's logo and name) and in every PDF.
const refresh = () => revalidatePath('/', 'layout');

export const updateWorkspaceAction = defineAction({ schema: workspaceSettingsSchema, roles: ADMIN }, async ({ updatedAt, logo, ...settings }, { db, user }) => {
  // Read before the (synchronous) transaction: nothing is awaited inside one.
  const bytes = logo ? new Uint8Array(await logo.arrayBuffer()) : undefined;
  const result = updateWorkspace(db, { version: updatedAt, settings, logo: bytes }, user);
  refresh();
  return result;
});

export const removeLogoAction = defineAction({ schema: removeLogoSchema, roles: ADMIN }, (_input, { db, user }) => {
  removeWorkspaceLogo(db, user);
  refresh();
});
