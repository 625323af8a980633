'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getBoardCard, getColumnSummaries, listColumnCards } from '@/db/queries/board';
import { findOrCreateCompanyByName } from '@/db/queries/companies';
import { closeDeal, createDeal, getDeal, moveDeal } from '@/db/queries/deals';
import { defineAction } from '@/lib/actions';
import { parseDealFilters } from '@/lib/deals/filters';
import { quickAddDealSchema } from '@/lib/deals/quick-add';
import { closeDealSchema, moveDealSchema } from '@/lib/deals/schemas';
import { AppError } from '@/lib/errors';
import type { SessionUser } from '@/db/queries/users';
import type { Db } from '@/db';

// The board's URL query, so that figures returned after a change match what the board shows.
const boardQuery = z.string().max(2000).default('');

function summariesFor(db: Db, user: SessionUser, query: string, pipelineId: number) {
  const filters = parseDealFilters(Object.fromEntries(new URLSearchParams(query)), user.role);
  return getColumnSummaries(db, pipelineId, filters, user);
}

export const moveDealAction = defineAction({ schema: moveDealSchema.extend({ query: boardQuery }) }, (input, { db, user }) => {
  const moved = moveDeal(db, input, user);
  const deal = getDeal(db, input.dealId);
  revalidatePath('/deals', 'layout');
  return { version: moved.version, summaries: summariesFor(db, user, input.query, deal!.pipelineId) };
});

export const closeDealFromBoardAction = defineAction({ schema: closeDealSchema.and(z.object({ query: boardQuery })) }, (input, { db, user }) => {
  const deal = closeDeal(db, input, user);
  revalidatePath('/deals', 'layout');
  return { status: deal.status, summaries: summariesFor(db, user, input.query, deal.pipelineId) };
});

export const quickAddDealAction = defineAction({ schema: quickAddDealSchema.extend({ query: boardQuery }) }, (input, { db, user }) => {
  const company = input.companyName ? findOrCreateCompanyByName(db, input.companyName, user.id, user) : null;
  const deal = db.transaction(() =>
    createDeal(
      db,
      { ...input, companyId: company?.id ?? null, contactId: null, ownerId: user.id, source: null },
      user,
    ),
  );
  revalidatePath('/deals', 'layout');
  const card = getBoardCard(db, deal.id, user);
  if (!card) throw new AppError('The deal was saved but could not be shown. Reload the board.');
  return { card, summaries: summariesFor(db, user, input.query, deal.pipelineId) };
});

const loadMoreSchema = z.object({
  stageId: z.coerce.number().int().positive(),
  afterPosition: z.string().min(1).max(500),
  afterId: z.coerce.number().int().positive(),
  query: boardQuery,
});

export const loadMoreCardsAction = defineAction({ schema: loadMoreSchema }, (input, { db, user }) => {
  const filters = parseDealFilters(Object.fromEntries(new URLSearchParams(input.query)), user.role);
  return listColumnCards(db, input.stageId, filters, user, { position: input.afterPosition, id: input.afterId });
});
