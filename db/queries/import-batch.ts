import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { ImportMode, ImportState } from '@/db/schema';
import { seesEveryone } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { ImportKind, ImportMapping } from '@/lib/import/fields';
import { emptyCounts, type ImportCounts } from '@/lib/import/plan';
import type { ImportValues } from '@/lib/import/values';
import type { SessionUser } from './users';

// What the import files share: who may import, the batch row, the per-row data the check hands to
// the job, the counts, and a statement cache (the check and the job run the same statements tens of
// thousands of times).

export const IMPORTERS_ONLY = 'Only admins and managers can import records.';

export function assertImporter(actor: SessionUser): void {
  if (!seesEveryone(actor.role)) throw new AppError(IMPORTERS_ONLY);
}

/** What the check stores on a row for the job: the checked values and the ids its names resolved to. */
export type RowData<K extends ImportKind = ImportKind> = {
  values: ImportValues<K>;
  /** The owner the row names, resolved; null when it names none or an unknown one (then the default). */
  ownerId: number | null;
  /** Deals: the pipeline and stage the row names (null: the first stage of the first pipeline for a new deal). */
  pipelineId?: number | null;
  stageId?: number | null;
  /** Leads: the source the row names, found in the list (null: none, or one to add by name at write time). */
  sourceId?: number | null;
};

export type BatchRecord = {
  id: number;
  kind: ImportKind;
  fileName: string;
  mode: ImportMode;
  headers: string[];
  mapping: ImportMapping<ImportKind>;
  state: ImportState;
  totalRows: number;
  counts: ImportCounts | null;
  jobId: number | null;
  undoJobId: number | null;
  createdBy: number | null;
  committedBy: number | null;
  undoneBy: number | null;
};

export function loadBatch(db: Db, batchId: number): BatchRecord | null {
  const row = importStatement(
    db,
    `select id, kind, file_name as fileName, mode, headers, mapping, state, total_rows as totalRows, counts, job_id as jobId, undo_job_id as undoJobId,
            created_by as createdBy, committed_by as committedBy, undone_by as undoneBy
     from import_batches where id = ?`,
  ).get(batchId) as (Omit<BatchRecord, 'headers' | 'mapping' | 'counts'> & { headers: string; mapping: string; counts: string | null }) | undefined;
  if (!row) return null;
  return { ...row, headers: JSON.parse(row.headers), mapping: JSON.parse(row.mapping), counts: row.counts ? { ...emptyCounts(), ...JSON.parse(row.counts) } : null };
}

export function requireBatch(db: Db, batchId: number): BatchRecord {
  const batch = loadBatch(db, batchId);
  if (!batch) throw new AppError('This import no longer exists.');
  return batch;
}

const prepared = new WeakMap<Db, Map<string, Statement>>();
export function importStatement(db: Db, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.$client.prepare(sql)));
  return stmt;
}

/**
 * The batch's figures from its rows: before the commit, what the check decided; after it, what the
 * job did (a row the job found already up to date, or newly matched in create-only mode, counts as
 * a skip). `newCompanies` comes from the check (before) or the companies the job created (after).
 */
export function countRows(db: Db, batchId: number, newCompanies: number | null = null): ImportCounts {
  const row = importStatement(
    db,
    `select
       sum(case when coalesce(result, action) in ('create', 'created') then 1 else 0 end) as "create",
       sum(case when coalesce(result, action) in ('update', 'updated') then 1 else 0 end) as "update",
       sum(case when coalesce(result, action) in ('skip', 'skipped') then 1 else 0 end) as skip,
       sum(case when action = 'error' or result = 'failed' then 1 else 0 end) as error,
       sum(case when duplicate_of_line is not null then 1 else 0 end) as duplicates,
       sum(case when likely is not null then 1 else 0 end) as likely,
       sum(case when warnings is not null then 1 else 0 end) as warnings
     from import_rows where batch_id = ?`,
  ).get(batchId) as Record<keyof ImportCounts, number | null>;
  const companies =
    newCompanies ??
    (importStatement(db, `select count(*) as n from import_changes where batch_id = ? and record_kind = 'company' and action = 'created'`).get(batchId) as { n: number }).n;
  return {
    create: row.create ?? 0,
    update: row.update ?? 0,
    skip: row.skip ?? 0,
    error: row.error ?? 0,
    duplicates: row.duplicates ?? 0,
    likely: row.likely ?? 0,
    warnings: row.warnings ?? 0,
    newCompanies: companies,
  };
}

/** Yields to the event loop: between batches of a long job, so its heartbeat and signal get a turn. */
export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
