'use server';

import { revalidatePath } from 'next/cache';
import { acceptQuote, declineQuote } from '@/db/queries/quote-status';
import { workspaceToday } from '@/db/queries/workspace';
import { definePublicAction } from '@/lib/actions';
import { acceptQuoteSchema, declineQuoteSchema } from '@/lib/quotes/schemas';

export const acceptQuoteAction = definePublicAction({ schema: acceptQuoteSchema }, (input, { db, ip }) => {
  const { id } = acceptQuote(db, { token: input.token, name: input.name, ip }, workspaceToday(db).today);
  revalidatePath(`/q/${input.token}`);
  revalidatePath(`/quotes/${id}`);
  return { accepted: true };
});

export const declineQuoteAction = definePublicAction({ schema: declineQuoteSchema }, (input, { db, ip }) => {
  const { id } = declineQuote(db, { token: input.token, reason: input.reason ?? null, ip }, workspaceToday(db).today);
  revalidatePath(`/q/${input.token}`);
  revalidatePath(`/quotes/${id}`);
  return { declined: true };
});
