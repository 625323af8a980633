'use server';

import { revalidatePath } from 'next/cache';
import { createProduct, updateProduct } from '@/db/queries/products';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { productSchema, updateProductSchema } from '@/lib/products/schemas';


export const createProductAction = defineAction({ schema: productSchema, roles: MANAGING_ROLES }, (input, { db }) => {
  const created = createProduct(db, input);
  revalidatePath('/products');
  return created;
});

export const updateProductAction = defineAction({ schema: updateProductSchema, roles: MANAGING_ROLES }, ({ productId, version, ...input }, { db }) => {
  updateProduct(db, productId, version, input);
  revalidatePath('/products');
  revalidatePath(`/products/${productId}`);
  return { id: productId };
});
