'use server';

import { revalidatePath } from 'next/cache';
import { closeDeal, moveDeal, reopenDeal, updateDeal } from '@/db/queries/deals';
import { defineAction } from '@/lib/actions';
import { closeDealSchema, moveDealSchema, reopenDealSchema, updateDealSchema } from '@/lib/deals/schemas';

function refresh(dealId: number) {
  revalidatePath(`/deals/${dealId}`);
  revalidatePath('/deals');
}

export const updateDealAction = defineAction({ schema: updateDealSchema }, (input, { db, user }) => {
  const deal = updateDeal(db, input, user);
  refresh(deal.id);
  return { version: deal.version };
});

export const moveDealToStageAction = defineAction({ schema: moveDealSchema }, (input, { db, user }) => {
  const moved = moveDeal(db, input, user);
  refresh(input.dealId);
  return moved;
});

export const closeDealAction = defineAction({ schema: closeDealSchema }, (input, { db, user }) => {
  const deal = closeDeal(db, input, user);
  refresh(deal.id);
  return { status: deal.status };
});

export const reopenDealAction = defineAction({ schema: reopenDealSchema }, (input, { db, user }) => {
  const deal = reopenDeal(db, input, user);
  refresh(deal.id);
  return { status: deal.status };
});
