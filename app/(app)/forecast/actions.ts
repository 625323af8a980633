'use server';

import { revalidatePath } from 'next/cache';
import { saveGoals } from '@/db/queries/forecast';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { goalsFormSchema } from '@/lib/forecast/goals';

export const saveGoalsAction = defineAction({ schema: goalsFormSchema, roles: MANAGING_ROLES }, (entries, { db, user }) => {
  saveGoals(db, entries, user.id);
  revalidatePath('/forecast', 'layout');
  revalidatePath('/');
  return { saved: entries.length };
});
