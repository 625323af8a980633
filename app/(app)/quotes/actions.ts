'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCompanyPriceList, pricingFor, searchCatalogue } from '@/db/queries/price-lists';
import { reviseQuote, sendQuote } from '@/db/queries/quote-status';
import { createQuote, updateQuote } from '@/db/queries/quotes';
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { defineAction } from '@/lib/actions';
import { createQuoteSchema, sendQuoteSchema, updateQuoteSchema } from '@/lib/quotes/schemas';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), id.nullable());

/** Catalogue matches priced for the company's list (the company chosen in the builder right now). */
export const searchCatalogueAction = defineAction({ schema: z.object({ q: z.string().max(100), companyId: optionalId }) }, (input, { db, user }) =>
  searchCatalogue(db, input.q, getCompanyPriceList(db, input.companyId, user)?.id ?? null),
);

/** When the builder's company changes: its price list, and the lines' products priced from it. */
export const priceForCompanyAction = defineAction(
  { schema: z.object({ companyId: optionalId, productIds: z.array(id).max(200) }) },
  (input, { db, user }) => {
    const list = getCompanyPriceList(db, input.companyId, user);
    return { priceListName: list?.name ?? null, pricing: Object.fromEntries(pricingFor(db, input.productIds, list?.id ?? null)) };
  },
);

function revalidateQuote(quoteId: number, dealId?: number | null) {
  revalidatePath('/quotes');
  revalidatePath(`/quotes/${quoteId}`);
  if (dealId) revalidatePath(`/deals/${dealId}`);
}

export const createQuoteAction = defineAction({ schema: createQuoteSchema }, (input, { db, user }) => {
  const created = createQuote(db, input, user, { currency: getWorkspace(db).currency, today: workspaceToday(db).today });
  revalidateQuote(created.id, input.dealId);
  return created;
});

export const updateQuoteAction = defineAction({ schema: updateQuoteSchema }, (input, { db, user }) => {
  updateQuote(db, input.quoteId, input.version, input, user);
  revalidateQuote(input.quoteId);
  return { id: input.quoteId };
});

const versioned = z.object({ quoteId: id, version: z.coerce.number().int().positive() });

export const sendQuoteAction = defineAction({ schema: sendQuoteSchema }, (input, { db, user }) => {
  sendQuote(db, input.quoteId, input.version, user, Date.now(), { validUntil: input.validUntil ?? undefined });
  revalidateQuote(input.quoteId);
  return { id: input.quoteId };
});

export const reviseQuoteAction = defineAction({ schema: versioned }, (input, { db, user }) => {
  const revision = reviseQuote(db, input.quoteId, input.version, user, workspaceToday(db).today);
  revalidateQuote(input.quoteId);
  return revision;
});
