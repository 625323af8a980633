'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeImport, checkImportYielding, commitImport, undoImport } from '@/db/queries/imports';
import { IMPORT_MODES } from '@/db/schema';
import { defineAction } from '@/lib/actions';

// The /import screen's changes. Uploading the file is the route handler app/api/import/route.ts (a
// server action's body is capped far below 20 MB); everything after it is here. The query functions
// check the role again and the batch's state: these only parse and pass on.

const IMPORTERS = ['admin', 'manager'] as const;
const batchId = z.coerce.number().int().positive();

/**
 * "Check": stores the mapping and mode the user chose (back to draft), then runs the check that
 * builds the report. About 7 s at 50,000 rows, the form showing it pending; the check yields between
 * chunks of rows, so the process goes on serving other pages meanwhile.
 */
export const checkImportAction = defineAction(
  {
    schema: z.object({ batchId, mode: z.enum(IMPORT_MODES), mapping: z.array(z.string().max(100).nullable()).max(1000) }),
    roles: IMPORTERS,
  },
  async ({ batchId, mode, mapping }, { db, user }) => {
    changeImport(db, batchId, { mode, mapping }, user);
    const counts = await checkImportYielding(db, batchId, user);
    revalidatePath(`/import/${batchId}`);
    return counts;
  },
);

/** "Import N rows", confirmed: queues the job that writes the rows; the page then shows its progress. */
export const commitImportAction = defineAction({ schema: z.object({ batchId }), roles: IMPORTERS }, ({ batchId }, { db, user }) => {
  const result = commitImport(db, batchId, user);
  revalidatePath(`/import/${batchId}`);
  revalidatePath('/import');
  return result;
});

/** "Undo this import", confirmed: queues the job that deletes what it created and restores what it changed. */
export const undoImportAction = defineAction({ schema: z.object({ batchId }), roles: IMPORTERS }, ({ batchId }, { db, user }) => {
  const result = undoImport(db, batchId, user);
  revalidatePath(`/import/${batchId}`);
  revalidatePath('/import');
  return result;
});
