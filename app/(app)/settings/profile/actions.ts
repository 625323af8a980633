'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { renewCalendarSecret } from '@/db/queries/calendar';
import { revokeUserSessions } from '@/db/queries/sessions';
import { changePassword } from '@/db/queries/users';
import { defineAction } from '@/lib/actions';
import { throttleAddress } from '@/lib/auth/address';
import { getSessionId } from '@/lib/auth/session';
import { changePasswordSchema } from '@/lib/users/schemas';

/** Creates the signed-in user's calendar feed link, or replaces it (the old link stops working). */
export const renewCalendarLinkAction = defineAction({ schema: z.object({}) }, (_input, { db, user }) => {
  renewCalendarSecret(db, user.id);
  revalidatePath('/settings/profile');
});

/** Changes the user's own password; this browser stays signed in, every other one is signed out. */
export const changePasswordAction = defineAction({ schema: changePasswordSchema }, async (input, { db, user }) => {
  const result = changePassword(
    db,
    { userId: user.id, currentPassword: input.currentPassword, newPassword: input.newPassword, keepSessionId: await getSessionId(), ip: await throttleAddress() },
    Date.now(),
  );
  revalidatePath('/settings/profile');
  return result;
});

/** Ends every session of the user, this one included; the browser then clears its cookie. */
export const signOutEverywhereAction = defineAction({ schema: z.object({}) }, (_input, { db, user }) => {
  return { endedSessions: revokeUserSessions(db, user.id, Date.now()) };
});
