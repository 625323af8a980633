'use server';

import { revalidatePath } from 'next/cache';
import { createPriceList, deletePriceList, updatePriceList } from '@/db/queries/price-lists';
import { defineAction } from '@/lib/actions';
import { deletePriceListSchema, priceListSchema, renamePriceListSchema } from '@/lib/products/schemas';

const ADMIN = ['admin'] as const;

// Lists show on product pages and company forms too.
const refresh = () => {
  revalidatePath('/products', 'layout');
  revalidatePath('/companies', 'layout');
};

export const createPriceListAction = defineAction({ schema: priceListSchema, roles: ADMIN }, (input, { db }) => {
  const created = createPriceList(db, input);
  refresh();
  return created;
});

export const renamePriceListAction = defineAction({ schema: renamePriceListSchema, roles: ADMIN }, ({ priceListId, ...input }, { db }) => {
  updatePriceList(db, priceListId, input);
  refresh();
});

export const deletePriceListAction = defineAction({ schema: deletePriceListSchema, roles: ADMIN }, ({ priceListId }, { db }) => {
  deletePriceList(db, priceListId);
  refresh();
});
