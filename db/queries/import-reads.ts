import 'server-only';
import type { Db } from '@/db/client';
import type { ImportMode, ImportRowAction, ImportRowResult, ImportState, JobState } from '@/db/schema';
import type { ImportKind, ImportMapping } from '@/lib/import/fields';
import { emptyCounts, type ImportCounts } from '@/lib/import/plan';
import { assertImporter, importStatement } from './import-batch';
import type { Likely } from './import-match';
import type { UndoCounts } from './import-undo';
import type { SessionUser } from './users';

// What the import screens read: the batches (the import history), one batch with its job's progress,
// a page of its rows for the report, and the rows an undo left alone. Paged in SQL by indexes.

export type ImportJobView = { id: number; state: JobState; progress: number | null; progressMessage: string | null; lastError: string | null };

export type ImportBatchView = {
  id: number;
  kind: ImportKind;
  fileName: string;
  mode: ImportMode;
  /** As stored, except an import or undo whose job gave up for good reads 'failed'. */
  state: ImportState;
  headers: string[];
  mapping: ImportMapping<ImportKind>;
  totalRows: number;
  counts: ImportCounts | null;
  undoCounts: UndoCounts | null;
  createdById: number | null;
  createdByName: string | null;
  createdAt: number;
  checkedAt: number | null;
  committedByName: string | null;
  committedAt: number | null;
  finishedAt: number | null;
  undoneByName: string | null;
  undoneAt: number | null;
  job: ImportJobView | null;
  undoJob: ImportJobView | null;
};

const SELECT = `select b.id, b.kind, b.file_name as fileName, b.mode, b.state, b.headers, b.mapping, b.total_rows as totalRows, b.counts, b.undo_counts as undoCounts,
    b.created_by as createdById, cu.name as createdByName, b.created_at as createdAt, b.checked_at as checkedAt, mu.name as committedByName,
    b.committed_at as committedAt, b.finished_at as finishedAt, uu.name as undoneByName, b.undone_at as undoneAt,
    j.id as jobId, j.state as jobState, j.progress as jobProgress, j.progress_message as jobMessage, j.last_error as jobError,
    uj.id as undoJobId, uj.state as undoJobState, uj.progress as undoJobProgress, uj.progress_message as undoJobMessage, uj.last_error as undoJobError
  from import_batches b
  left join users cu on cu.id = b.created_by left join users mu on mu.id = b.committed_by left join users uu on uu.id = b.undone_by
  left join jobs j on j.id = b.job_id left join jobs uj on uj.id = b.undo_job_id`;

type Raw = Record<string, unknown> & { headers: string; mapping: string; counts: string | null; undoCounts: string | null; state: ImportState };

function job(raw: Raw, prefix: 'job' | 'undoJob'): ImportJobView | null {
  const id = raw[`${prefix}Id`] as number | null;
  if (id === null) return null;
  return {
    id,
    state: raw[`${prefix}State`] as JobState,
    progress: raw[`${prefix}Progress`] as number | null,
    progressMessage: raw[`${prefix}Message`] as string | null,
    lastError: raw[`${prefix}Error`] as string | null,
  };
}

function view(raw: Raw): ImportBatchView {
  const importJob = job(raw, 'job');
  const undoJob = job(raw, 'undoJob');
  const gaveUp = ((raw.state === 'queued' || raw.state === 'running') && importJob?.state === 'failed') || (raw.state === 'undoing' && undoJob?.state === 'failed');
  return {
    id: raw.id as number,
    kind: raw.kind as ImportKind,
    fileName: raw.fileName as string,
    mode: raw.mode as ImportMode,
    state: gaveUp ? 'failed' : raw.state,
    headers: JSON.parse(raw.headers),
    mapping: JSON.parse(raw.mapping),
    totalRows: raw.totalRows as number,
    counts: raw.counts ? { ...emptyCounts(), ...JSON.parse(raw.counts) } : null,
    undoCounts: raw.undoCounts ? JSON.parse(raw.undoCounts) : null,
    createdById: raw.createdById as number | null,
    createdByName: raw.createdByName as string | null,
    createdAt: raw.createdAt as number,
    checkedAt: raw.checkedAt as number | null,
    committedByName: raw.committedByName as string | null,
    committedAt: raw.committedAt as number | null,
    finishedAt: raw.finishedAt as number | null,
    undoneByName: raw.undoneByName as string | null,
    undoneAt: raw.undoneAt as number | null,
    job: importJob,
    undoJob,
  };
}

/**
 * The import history, newest first: confirmed imports (who, when, which file, what came of it), and
 * with `includeDrafts` also those still being mapped or checked.
 */
export function listImportBatches(db: Db, page: { limit: number; offset: number; includeDrafts?: boolean }, actor: SessionUser): { rows: ImportBatchView[]; total: number } {
  assertImporter(actor);
  const where = page.includeDrafts ? '' : `where b.state not in ('draft', 'checked')`;
  const rows = importStatement(db, `${SELECT} ${where} order by b.created_at desc, b.id desc limit ? offset ?`).all(page.limit, page.offset) as Raw[];
  const total = (importStatement(db, `select count(*) as n from import_batches b ${where}`).get() as { n: number }).n;
  return { rows: rows.map(view), total };
}

export function getImportBatch(db: Db, batchId: number, actor: SessionUser): ImportBatchView | null {
  assertImporter(actor);
  const raw = importStatement(db, `${SELECT} where b.id = ?`).get(batchId) as Raw | undefined;
  return raw ? view(raw) : null;
}

export type ImportRowView = {
  rowIndex: number;
  line: number;
  /** The row's cells as parsed; [] for a row the parser could not read. */
  cells: string[];
  action: ImportRowAction | null;
  reason: string | null;
  warnings: string[];
  duplicateOfLine: number | null;
  likely: Likely[];
  recordId: number | null;
  result: ImportRowResult | null;
};

/** Which rows of the report: by the check's action, or those with in-file duplicates, likely duplicates or warnings. */
export type ImportRowFilter = ImportRowAction | 'duplicates' | 'likely' | 'warnings' | 'failed' | 'all';

const FILTERS: Record<ImportRowFilter, string> = {
  all: '1',
  create: `action = 'create'`,
  update: `action = 'update'`,
  skip: `action = 'skip'`,
  error: `action = 'error'`,
  duplicates: 'duplicate_of_line is not null',
  likely: 'likely is not null',
  warnings: 'warnings is not null',
  failed: `result = 'failed'`,
};

/** A page of a batch's rows in file order, with the total under the filter. */
export function listImportRows(
  db: Db,
  batchId: number,
  options: { filter?: ImportRowFilter; limit: number; offset: number },
  actor: SessionUser,
): { rows: ImportRowView[]; total: number } {
  assertImporter(actor);
  const where = `batch_id = ? and ${FILTERS[options.filter ?? 'all']}`;
  const rows = importStatement(
    db,
    `select row_index as rowIndex, line, cells, action, reason, warnings, duplicate_of_line as duplicateOfLine, likely, record_id as recordId, result
     from import_rows where ${where} order by row_index limit ? offset ?`,
  ).all(batchId, options.limit, options.offset) as (Omit<ImportRowView, 'cells' | 'warnings' | 'likely'> & { cells: string; warnings: string | null; likely: string | null })[];
  const total = (importStatement(db, `select count(*) as n from import_rows where ${where}`).get(batchId) as { n: number }).n;
  return {
    rows: rows.map((r) => ({ ...r, cells: JSON.parse(r.cells) ?? [], warnings: r.warnings ? JSON.parse(r.warnings) : [], likely: r.likely ? JSON.parse(r.likely) : [] })),
    total,
  };
}

export type UndoProblem = { line: number; recordKind: string; recordId: number; reason: string };

/** The records an undo left as they were, and why, in file order. */
export function listImportUndoProblems(db: Db, batchId: number, page: { limit: number; offset: number }, actor: SessionUser): { rows: UndoProblem[]; total: number } {
  assertImporter(actor);
  const rows = importStatement(
    db,
    `select r.line, c.record_kind as recordKind, c.record_id as recordId, c.undo_reason as reason
     from import_changes c join import_rows r on r.batch_id = c.batch_id and r.row_index = c.row_index
     where c.batch_id = ? and c.undo = 'left' order by c.row_index, c.id limit ? offset ?`,
  ).all(batchId, page.limit, page.offset) as UndoProblem[];
  const total = (importStatement(db, `select count(*) as n from import_changes where batch_id = ? and undo = 'left'`).get(batchId) as { n: number }).n;
  return { rows, total };
}
