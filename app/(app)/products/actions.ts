'use server';

import { revalidatePath } from 'next/cache';
import { createProduct, updateProduct } from '@/db/queries/products';
import { defineAction } from '@/lib/actions';
import { productSchema, updateProductSchema } from '@/lib/products/schemas';

/** Admins and managers keep the catalogue; everyone else reads it. */
const EDITORS = ['admin', 'manager'] as const;

export const createProductAction = defineAction({ schema: productSchema, roles: EDITORS }, (input, { db }) => {
  const created = createProduct(db, input);
  revalidatePath('/products');
  return created;
});

export const updateProductAction = defineAction({ schema: updateProductSchema, roles: EDITORS }, ({ productId, version, ...input }, { db }) => {
  updateProduct(db, productId, version, input);
  revalidatePath('/products');
  revalidatePath(`/products/${productId}`);
  return { id: productId };
});
