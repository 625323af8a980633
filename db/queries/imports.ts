import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { IMPORT_MODES, type ImportMode } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { IMPORT_MAX_ROWS } from '@/lib/import/decode';
import { IMPORT_KINDS, importMappingSchema, mappingProblems, type ImportKind, type ImportMapping } from '@/lib/import/fields';
import { headerSignature } from '@/lib/import/guess';
import { textProblem } from '@/lib/validation/text';
import { assertImporter, requireBatch } from './import-batch';
import { enqueueJob } from './jobs';
import type { SessionUser } from './users';

// Importing contacts, companies and deals (issue 13), the database side. The screen reads the file
// (lib/import: decode, parse, guess the mapping) and then:
//   stageImport    stores the file's rows as a draft batch and remembers the mapping for its header;
//   checkImport    decides every row (create, update, skip or error, with reasons, in-file and
//                  likely duplicates) without writing any customer data: the report;
//   commitImport   once the user confirms, queues the `import` job that writes the rows in batches
//                  (db/queries/import-apply.ts), with progress on the job;
//   undoImport     queues the `import_undo` job (db/queries/import-undo.ts).
// The check and the reads live in import-check.ts and import-reads.ts; all are re-exported here.
// Only admins and managers import: an import can touch every record in the workspace.

export { assertImporter, IMPORTERS_ONLY } from './import-batch';
export { checkImport, checkImportYielding } from './import-check';
export { getImportBatch, listImportBatches, listImportRows, listImportUndoProblems } from './import-reads';
export type { ImportBatchView, ImportRowView } from './import-reads';
export { undoImport } from './import-undo';

const fileName = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0 && s.length <= 255 && textProblem(s) === null, 'Give the file a name of up to 255 visible characters');

export const stageImportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName,
  headers: z.array(z.string().max(500)).min(1).max(1000),
  mode: z.enum(IMPORT_MODES).default('create_update'),
});

export type StageImportInput = {
  kind: ImportKind;
  fileName: string;
  headers: string[];
  /** The file's data rows as parsed (lib/import/parse.ts), each exactly headers.length cells. */
  rows: string[][];
  /** The file line each row starts on. */
  lines: number[];
  /** Rows the parser could not read (parseImportText's problems): kept as errors of the report, in file order. */
  problems?: { line: number; message: string }[];
  mapping: ImportMapping<ImportKind>;
  mode?: ImportMode;
};

const STAGE_CHUNK = 5000;

/** The mapping checked against the kind and the file's columns; an AppError saying what is wrong. */
function checkedMapping(kind: ImportKind, mapping: unknown, headers: string[], { allowProblems = false } = {}): ImportMapping<ImportKind> {
  const parsed = importMappingSchema(kind).safeParse(mapping);
  if (!parsed.success) throw new AppError('Choose a field (or none) for every column again: this mapping does not fit.');
  const problems = mappingProblems(kind, parsed.data, headers);
  if (problems.length && !allowProblems) throw new AppError(problems.join('. '), { mapping: problems.join('. ') });
  return parsed.data;
}

/**
 * Stores a parsed file as a draft import and saves its mapping for files with the same header.
 * Rows are checked for shape only (the check decides what each one means); at most IMPORT_MAX_ROWS.
 * Written in chunks of a few thousand rows so that no one transaction holds the database for long.
 */
export function stageImport(db: Db, input: StageImportInput, actor: SessionUser, now = Date.now()): { batchId: number } {
  assertImporter(actor);
  const base = stageImportSchema.safeParse(input);
  if (!base.success) throw new AppError(base.error.issues[0]?.message ?? 'This file cannot be imported.');
  const { kind, headers, mode } = base.data;
  // A guess that misses a required field is still staged: the mapping screen shows what to choose,
  // and the check refuses until it is chosen.
  const mapping = checkedMapping(kind, input.mapping, headers, { allowProblems: true });
  const complete = mappingProblems(kind, mapping, headers).length === 0;
  const { rows, lines } = input;
  const problems = z.array(z.object({ line: z.int().min(1), message: z.string().max(1000) })).max(IMPORT_MAX_ROWS).safeParse(input.problems ?? []);
  if (!Array.isArray(rows) || !Array.isArray(lines) || rows.length !== lines.length || !problems.success) throw new AppError('The rows and their line numbers do not match: read the file again.');
  const total = rows.length + problems.data.length;
  if (total === 0) throw new AppError('This file has no rows to import under its header.');
  if (total > IMPORT_MAX_ROWS) throw new AppError(`This file has more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} rows: split it into smaller files and import them one by one`);
  rows.forEach((cells, i) => {
    if (!Array.isArray(cells) || cells.length !== headers.length || cells.some((c) => typeof c !== 'string')) throw new AppError(`Row ${i + 1} does not have one text cell per column: read the file again.`);
    if (!Number.isInteger(lines[i]) || lines[i] < 1) throw new AppError(`Row ${i + 1} has no line number: read the file again.`);
  });

  const signature = headerSignature(headers);
  const s = db.$client;
  const batchId = db.transaction(() => {
    const id = Number(
      s
        .prepare(
          `insert into import_batches (kind, file_name, mode, headers, mapping, header_signature, state, total_rows, created_by, created_at)
           values (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
        )
        .run(kind, base.data.fileName, mode, JSON.stringify(headers), JSON.stringify(mapping), signature, total, actor.id, now).lastInsertRowid,
    );
    if (complete) saveMapping(db, kind, signature, mapping, actor, now);
    return id;
  });
  // Rows and unreadable rows merged in file order, so the report lists both by line. An unreadable
  // row is stored as an error with no cells; the check leaves it as it is.
  const insert = s.prepare(`insert into import_rows (batch_id, row_index, line, cells, action, reason) values (?, ?, ?, ?, ?, ?)`);
  const unreadable = [...problems.data].sort((a, b) => a.line - b.line);
  let next = 0;
  let index = 0;
  for (let start = 0; start < rows.length || next < unreadable.length; start += STAGE_CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(rows.length, start + STAGE_CHUNK); i++) {
        for (; next < unreadable.length && unreadable[next].line < lines[i]; next++) insert.run(batchId, index++, unreadable[next].line, 'null', 'error', unreadable[next].message);
        insert.run(batchId, index++, lines[i], JSON.stringify(rows[i]), null, null);
      }
      if (start + STAGE_CHUNK >= rows.length) for (; next < unreadable.length; next++) insert.run(batchId, index++, unreadable[next].line, 'null', 'error', unreadable[next].message);
    });
  }
  return { batchId };
}

function saveMapping(db: Db, kind: ImportKind, signature: string, mapping: ImportMapping<ImportKind>, actor: SessionUser, now: number) {
  db.$client
    .prepare(
      `insert into import_mappings (kind, header_signature, mapping, updated_by, updated_at) values (?, ?, ?, ?, ?)
       on conflict (kind, header_signature) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .run(kind, signature, JSON.stringify(mapping), actor.id, now);
}

/**
 * The mapping last used for a file with this header (same columns in the same order), to offer
 * instead of the guess; null when there is none or it no longer fits the import's fields.
 */
export function savedMapping<K extends ImportKind>(db: Db, kind: K, headers: string[]): ImportMapping<K> | null {
  const row = db.$client.prepare('select mapping from import_mappings where kind = ? and header_signature = ?').get(kind, headerSignature(headers)) as { mapping: string } | undefined;
  if (!row) return null;
  try {
    const parsed = importMappingSchema(kind).safeParse(JSON.parse(row.mapping));
    return parsed.success && parsed.data.length === headers.length ? (parsed.data as ImportMapping<K>) : null;
  } catch {
    return null;
  }
}

/**
 * A new mode or mapping for an import not yet committed: it goes back to draft, to be checked again
 * (the report it had no longer says what would happen).
 */
export function changeImport(db: Db, batchId: number, change: { mode?: ImportMode; mapping?: unknown }, actor: SessionUser, now = Date.now()): void {
  assertImporter(actor);
  db.transaction(() => {
    const batch = requireBatch(db, batchId);
    if (batch.state !== 'draft' && batch.state !== 'checked') throw new AppError('This import has already been confirmed: its mapping and mode can no longer change.');
    const sets: string[] = [];
    const params: unknown[] = [];
    if (change.mode !== undefined) {
      sets.push('mode = ?');
      params.push(z.enum(IMPORT_MODES).parse(change.mode));
    }
    if (change.mapping !== undefined) {
      const mapping = checkedMapping(batch.kind, change.mapping, batch.headers);
      sets.push('mapping = ?');
      params.push(JSON.stringify(mapping));
      saveMapping(db, batch.kind, headerSignature(batch.headers), mapping, actor, now);
    }
    db.$client.prepare(`update import_batches set ${[...sets, `state = 'draft'`, 'counts = null', 'checked_at = null'].join(', ')} where id = ?`).run(...params, batchId);
  });
}

/**
 * The user's "Import": queues the job that writes the checked rows, in the same transaction as
 * marking the batch queued, so a batch is queued exactly when its job exists. Only a checked batch;
 * the job looks again at every row's match when it writes it.
 */
export function commitImport(db: Db, batchId: number, actor: SessionUser, now = Date.now()): { jobId: number } {
  assertImporter(actor);
  return db.transaction(() => {
    const batch = requireBatch(db, batchId);
    if (batch.state === 'draft') throw new AppError('Check this import before confirming it.');
    if (batch.state !== 'checked') throw new AppError('This import has already been confirmed.');
    const jobId = enqueueJob(db, 'import', { batchId }, { now, createdBy: actor.id });
    db.$client.prepare(`update import_batches set state = 'queued', job_id = ?, committed_by = ?, committed_at = ? where id = ?`).run(jobId, actor.id, now, batchId);
    return { jobId };
  });
}
