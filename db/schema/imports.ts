import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, now } from './columns';
import { users } from './auth';
import { jobs } from './jobs';

// Imports of contacts, companies and deals (issue 13; db/queries/imports.ts). A batch is one file:
// staged (its rows stored as parsed), checked (each row's verdict stored beside it, nothing else
// written), then committed by the `import` job in short transactions, and perhaps undone by the
// `import_undo` job. The batch row is the history entry: who, when, which file, what came of it.
// Rows live in their own table rather than in one JSON report so a 50,000-row file is read and
// written a page at a time.

export const IMPORT_BATCH_KINDS = ['contacts', 'companies', 'deals', 'products', 'leads'] as const;
export const IMPORT_MODES = ['create_update', 'create_only', 'update_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
// draft: staged, not checked yet · checked: the report is ready · queued/running: the import job ·
// done · failed: the job gave up (its error is on the job) · undoing: the undo job · undone.
export const IMPORT_STATES = ['draft', 'checked', 'queued', 'running', 'done', 'failed', 'undoing', 'undone'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: IMPORT_BATCH_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    mode: text('mode', { enum: IMPORT_MODES }).notNull().default('create_update'),
    // JSON: the file's headers and, per column, the field it fills or null (lib/import/fields.ts).
    headers: text('headers').notNull(),
    mapping: text('mapping').notNull(),
    headerSignature: text('header_signature').notNull(),
    state: text('state', { enum: IMPORT_STATES }).notNull().default('draft'),
    totalRows: integer('total_rows').notNull().default(0),
    // JSON ImportCounts (lib/import/plan.ts): the check's, then the commit's final figures.
    counts: text('counts'),
    // JSON UndoCounts, once undone.
    undoCounts: text('undo_counts'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    undoJobId: integer('undo_job_id').references(() => jobs.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    checkedAt: integer('checked_at'),
    committedBy: integer('committed_by').references(() => users.id, { onDelete: 'set null' }),
    committedAt: integer('committed_at'),
    finishedAt: integer('finished_at'),
    undoneBy: integer('undone_by').references(() => users.id, { onDelete: 'set null' }),
    undoneAt: integer('undone_at'),
  },
  (t) => [
    index('import_batches_created_idx').on(t.createdAt, t.id),
    index('import_batches_job_idx').on(t.jobId),
    index('import_batches_undo_job_idx').on(t.undoJobId),
    index('import_batches_created_by_idx').on(t.createdBy),
    index('import_batches_committed_by_idx').on(t.committedBy),
    index('import_batches_undone_by_idx').on(t.undoneBy),
  ],
);

export const IMPORT_ROW_ACTIONS = ['create', 'update', 'skip', 'error'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];
// failed: the row could not be written (its reason says why); the rest of the import went on.
export const IMPORT_ROW_RESULTS = ['created', 'updated', 'skipped', 'failed'] as const;
export type ImportRowResult = (typeof IMPORT_ROW_RESULTS)[number];

// One row of the file, with the check's verdict and, once the job has written it, what it did.
// record_id is not a foreign key: an undo, a merge or a user may delete the record, and the row
// still says what happened.
export const importRows = sqliteTable(
  'import_rows',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    // Position in the file (0-based): the order rows are checked and written in.
    rowIndex: integer('row_index').notNull(),
    // The file line the row starts on, for "line 7: …".
    line: integer('line').notNull(),
    // JSON array of the row's cells, as parsed.
    cells: text('cells').notNull(),
    action: text('action', { enum: IMPORT_ROW_ACTIONS }),
    // Why a row is an error or skipped.
    reason: text('reason'),
    // JSON: the checked values the job writes (lib/import/values.ts), null for an error.
    data: text('data'),
    // JSON string[]: what the user should know but does not stop the row (an unknown owner).
    warnings: text('warnings'),
    // The line of the earlier row in the file this one duplicates.
    duplicateOfLine: integer('duplicate_of_line'),
    // JSON [{ id, name, reasons }]: existing records this row looks like (not the one it updates).
    likely: text('likely'),
    // The record the row updates (from the check), then the record it created or updated.
    recordId: integer('record_id'),
    // Set in the same transaction as the row's writes, so a retried job never writes a row twice.
    result: text('result', { enum: IMPORT_ROW_RESULTS }),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowIndex] }),
    // The report's pages: errors, skips, … of one batch in file order.
    index('import_rows_action_idx').on(t.batchId, t.action, t.rowIndex),
  ],
);

export const IMPORT_RECORD_KINDS = ['contact', 'company', 'deal', 'product', 'lead', 'activity'] as const;
export type ImportRecordKind = (typeof IMPORT_RECORD_KINDS)[number];

// Every record an import created or changed, in order, for undo: a created one is deleted, a changed
// one gets `before` back, unless its updated_at is no longer the one the import left (someone
// changed it since), in which case it is left alone and the reason kept here.
export const importChanges = sqliteTable(
  'import_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    rowIndex: integer('row_index').notNull(),
    recordKind: text('record_kind', { enum: IMPORT_RECORD_KINDS }).notNull(),
    recordId: integer('record_id').notNull(),
    action: text('action', { enum: ['created', 'updated'] }).notNull(),
    // JSON: the columns the import changed, as they were (and `tags` when it changed them, and the
    // record's updated_at before the import, which an undo puts back).
    before: text('before'),
    // The record's updated_at right after the import wrote it.
    updatedAt: integer('updated_at'),
    undo: text('undo', { enum: ['undone', 'left'] }),
    undoReason: text('undo_reason'),
  },
  (t) => [index('import_changes_batch_idx').on(t.batchId, t.id), index('import_changes_record_idx').on(t.recordKind, t.recordId)],
);

// The mapping last used for a file with this header (lib/import/guess.ts headerSignature), offered
// again for the next such file.
export const importMappings = sqliteTable(
  'import_mappings',
  {
    kind: text('kind', { enum: IMPORT_BATCH_KINDS }).notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: text('mapping').notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.kind, t.headerSignature] }), index('import_mappings_updated_by_idx').on(t.updatedBy)],
);
