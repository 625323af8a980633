'use server';

import { revalidatePath } from 'next/cache';
import { addTier, deleteTier, setListPrice } from '@/db/queries/price-lists';
import { defineAction } from '@/lib/actions';
import { clearListPriceSchema, deleteTierSchema, listPriceSchema, tierSchema } from '@/lib/products/schemas';

// Prices decide what every quote charges: only admins set them.
const ADMIN = ['admin'] as const;

function refresh(productId: number) {
  revalidatePath(`/products/${productId}`);
  revalidatePath('/products/price-lists');
}

export const setListPriceAction = defineAction({ schema: listPriceSchema, roles: ADMIN }, ({ productId, priceListId, unitPriceCents }, { db }) => {
  setListPrice(db, priceListId, productId, unitPriceCents);
  refresh(productId);
});

export const clearListPriceAction = defineAction({ schema: clearListPriceSchema, roles: ADMIN }, ({ productId, priceListId }, { db }) => {
  setListPrice(db, priceListId, productId, null);
  refresh(productId);
});

export const addTierAction = defineAction({ schema: tierSchema, roles: ADMIN }, (tier, { db }) => {
  const added = addTier(db, tier);
  refresh(tier.productId);
  return added;
});

export const deleteTierAction = defineAction({ schema: deleteTierSchema, roles: ADMIN }, ({ productId, tierId }, { db }) => {
  deleteTier(db, productId, tierId);
  refresh(productId);
});
