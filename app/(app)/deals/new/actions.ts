'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { createDeal } from '@/db/queries/deals';
import { defineAction } from '@/lib/actions';
import { createDealSchema } from '@/lib/deals/schemas';

export const createDealAction = defineAction({ schema: createDealSchema }, (input, { db, user }) => {
  const deal = createDeal(db, input, user);
  revalidatePath('/deals', 'layout');
  redirect(`/deals/${deal.id}`);
});
