'use server';

import { revalidatePath } from 'next/cache';
import { importProducts, planProductImport } from '@/db/queries/products';
import { getWorkspace } from '@/db/queries/workspace';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { checkProductFile, importRequestSchema } from '@/lib/products/import';


/** The report before anything is written: rows to create, rows that update a known SKU, rows refused. */
export const previewImportAction = defineAction({ schema: importRequestSchema, roles: MANAGING_ROLES }, ({ csv, mapping }, { db }) => {
  const { rows, rejected } = checkProductFile(csv, mapping, getWorkspace(db).currency);
  return { ...planProductImport(db, rows), rejected };
});

/** Checks the file again (it is the browser's copy) and writes the good rows in one transaction. */
export const importProductsAction = defineAction({ schema: importRequestSchema, roles: MANAGING_ROLES }, ({ csv, mapping }, { db }) => {
  const { rows, rejected } = checkProductFile(csv, mapping, getWorkspace(db).currency);
  const written = importProducts(db, rows);
  revalidatePath('/products', 'layout');
  return { ...written, rejected: rejected.length };
});
