'use server';

import { revalidatePath } from 'next/cache';
import { mergeRecords } from '@/db/queries/merge';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { mergeFormSchema } from '@/lib/customers/merge';

export const mergeCompaniesAction = defineAction({ schema: mergeFormSchema('company'), roles: MANAGING_ROLES }, (input, { db, user }) => {
  const { keptId } = mergeRecords(db, 'company', input, user);
  // Deals, quotes, tasks and lists anywhere may name the merged-away record.
  revalidatePath('/', 'layout');
  return { id: keptId };
});
