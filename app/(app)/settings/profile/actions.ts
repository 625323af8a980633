'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { renewCalendarSecret } from '@/db/queries/calendar';
import { defineAction } from '@/lib/actions';

/** Creates the signed-in user's calendar feed link, or replaces it (the old link stops working). */
export const renewCalendarLinkAction = defineAction({ schema: z.object({}) }, (_input, { db, user }) => {
  renewCalendarSecret(db, user.id);
  revalidatePath('/settings/profile');
});
