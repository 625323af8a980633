import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { ImportKind } from '@/lib/import/fields';
import type { Columns } from '@/lib/import/plan';
import { assertImporter, importStatement, loadBatch, nextTick, requireBatch } from './import-batch';
import { importWriter } from './import-write';
import { enqueueJob, getJob } from './jobs';
import { refreshMatchKeys } from './match-keys';
import type { SessionUser } from './users';
import { getWorkspace } from './workspace';

// Undoing an import (issue 13), as the `import_undo` job: its changes are walked newest first, in
// batches of short transactions. A record the import created is deleted; one it changed gets back
// the values it had (only the columns the import changed, and its tags). A record someone changed
// since (its updated_at is no longer the one the import left), deleted or merged away, or that
// has gained deals, activities, quotes or other records since, is left as it is, and the reason is
// kept on the change for the report. Newest first means a contact is deleted before the company the
// same import created for it, so the company is free to go.

export const UNDO_BATCH = 500;

export type UndoCounts = { deleted: number; restored: number; left: number };

type Progress = { progress: (fraction: number | null, message: string | null) => void; signal: AbortSignal; now: () => number };

const TABLE = { contact: 'contacts', company: 'companies', deal: 'deals', product: 'products', lead: 'leads', activity: 'activities' } as const;
type RecordKind = keyof typeof TABLE;
const KIND: Partial<Record<RecordKind, ImportKind>> = { contact: 'contacts', company: 'companies', deal: 'deals', product: 'products', lead: 'leads' };

// What goes with a record by itself (tags, match keys, the history an import writes for a deal) and
// so does not stop it being deleted.
const OWN = new Set([
  'contact_tags', 'company_tags', 'lead_tags', 'contact_match_keys', 'company_match_keys', 'contact_duplicate_pairs', 'company_duplicate_pairs',
  'deal_stage_history', 'deal_events', 'lead_events',
]);

const WORDS: Record<string, string> = {
  activities: 'activities', deals: 'deals', contacts: 'contacts', quotes: 'quotes', task_reassignments: 'tasks',
  quote_lines: 'quote lines', price_tiers: 'prices', price_list_items: 'prices', form_submissions: 'form submissions',
};

const referenceCache = new WeakMap<Db, Map<string, { table: string; column: string }[]>>();

/** The columns of other tables that point at rows of this table (read from the schema, once). */
function referencesTo(db: Db, table: string): { table: string; column: string }[] {
  let cache = referenceCache.get(db);
  if (!cache) referenceCache.set(db, (cache = new Map()));
  let refs = cache.get(table);
  if (!refs) {
    refs = [];
    const tables = db.$client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%'`).all() as { name: string }[];
    for (const { name } of tables) {
      if (OWN.has(name)) continue;
      for (const fk of db.$client.pragma(`foreign_key_list("${name.replace(/"/g, '""')}")`) as { table: string; from: string }[]) if (fk.table === table) refs.push({ table: name, column: fk.from });
    }
    cache.set(table, refs);
  }
  return refs;
}

/** The kinds of rows that point at a record, e.g. "deals and activities"; null when none. */
function referencedBy(db: Db, table: string, id: number): string | null {
  const found = referencesTo(db, table)
    .filter((r) => importStatement(db, `select 1 from "${r.table}" where "${r.column}" = ? limit 1`).get(id))
    .map((r) => WORDS[r.table] ?? r.table.replace(/_/g, ' '));
  const unique = [...new Set(found)];
  return unique.length ? unique.join(' and ') : null;
}

/** Queues the undo of a finished import (or of one whose job failed part of the way). */
export function undoImport(db: Db, batchId: number, actor: SessionUser, now = Date.now()): { jobId: number } {
  assertImporter(actor);
  return db.transaction(() => {
    const batch = requireBatch(db, batchId);
    const failed = (batch.state === 'queued' || batch.state === 'running') && batch.jobId !== null && getJob(db, batch.jobId)?.state === 'failed';
    if (batch.state === 'undoing' || batch.state === 'undone') throw new AppError('This import has already been undone.');
    if (batch.state !== 'done' && !failed) throw new AppError('Only a finished import can be undone.');
    const jobId = enqueueJob(db, 'import_undo', { batchId }, { now, createdBy: actor.id });
    importStatement(db, `update import_batches set state = 'undoing', undo_job_id = ?, undone_by = ? where id = ?`).run(jobId, actor.id, batchId);
    return { jobId };
  });
}

type ChangeRow = { id: number; recordKind: RecordKind; recordId: number; action: 'created' | 'updated'; before: string | null; updatedAt: number | null; undo: string | null };

function undoer(db: Db, userId: number | null) {
  const writer = importWriter(db, userId);
  const touched = { contact: new Set<number>(), company: new Set<number>() };

  function undo(change: ChangeRow, now: number): { undo: 'undone' | 'left'; reason: string | null } {
    const table = TABLE[change.recordKind];
    const current = importStatement(db, `select updated_at as updatedAt from ${table} where id = ?`).get(change.recordId) as { updatedAt: number } | undefined;
    if (!current) return { undo: 'left', reason: 'It no longer exists: it was deleted or merged since the import' };
    if (current.updatedAt !== change.updatedAt) return { undo: 'left', reason: 'Someone changed it since the import, so it was left as it is' };
    if (change.action === 'created') {
      const refs = referencedBy(db, table, change.recordId);
      if (refs) return { undo: 'left', reason: `It has ${refs} that were not part of the import, so it was kept` };
      importStatement(db, `delete from ${table} where id = ?`).run(change.recordId);
    } else {
      const kind = KIND[change.recordKind]!;
      const { tags, updated_at: stamp, ...columns } = JSON.parse(change.before ?? '{}') as Columns & { tags?: string; updated_at?: number };
      const existing = writer.load(kind, change.recordId)!;
      writer.update(kind, change.recordId, existing.columns, columns, tags ? (JSON.parse(tags) as string[]) : null, now, stamp ?? now);
    }
    if (change.recordKind === 'contact' || change.recordKind === 'company') touched[change.recordKind].add(change.recordId);
    return { undo: 'undone', reason: null };
  }

  function refresh(country: string) {
    refreshMatchKeys(db, 'company', [...touched.company], country);
    refreshMatchKeys(db, 'contact', [...touched.contact], country);
    touched.company.clear();
    touched.contact.clear();
  }

  return { undo, refresh };
}

export function undoCounts(db: Db, batchId: number): UndoCounts {
  const row = importStatement(
    db,
    `select sum(undo = 'undone' and action = 'created') as deleted, sum(undo = 'undone' and action = 'updated') as restored, sum(undo = 'left') as "left"
     from import_changes where batch_id = ?`,
  ).get(batchId) as { deleted: number | null; restored: number | null; left: number | null };
  return { deleted: row.deleted ?? 0, restored: row.restored ?? 0, left: row.left ?? 0 };
}

/** Runs an undo to the end (the `import_undo` job's handler); safe to run again. */
export async function applyUndo(db: Db, batchId: number, ctx: Progress): Promise<UndoCounts | null> {
  const batch = loadBatch(db, batchId);
  if (!batch) return null;
  if (batch.state === 'undone') return undoCounts(db, batchId);
  if (batch.state !== 'undoing') throw new Error(`Import ${batchId} is not being undone`);
  const country = getWorkspace(db).defaultCountry;
  const u = undoer(db, batch.undoneBy);
  const total = (importStatement(db, 'select count(*) as n from import_changes where batch_id = ?').get(batchId) as { n: number }).n;
  const read = importStatement(
    db,
    `select id, record_kind as recordKind, record_id as recordId, action, before, updated_at as updatedAt, undo
     from import_changes where batch_id = ? and id < ? order by id desc limit ?`,
  );
  const mark = importStatement(db, 'update import_changes set undo = ?, undo_reason = ? where id = ?');
  let cursor = Number.MAX_SAFE_INTEGER;
  let seen = 0;
  ctx.progress(0, `Undone 0 of ${total.toLocaleString('en-US')} changes`);
  for (;;) {
    if (ctx.signal.aborted) throw new Error('Stopped before the undo was finished; it carries on where it stopped');
    const changes = read.all(batchId, cursor, UNDO_BATCH) as ChangeRow[];
    if (changes.length === 0) break;
    const now = ctx.now();
    db.transaction(() => {
      for (const change of changes) {
        if (change.undo !== null) continue;
        const outcome = u.undo(change, now);
        mark.run(outcome.undo, outcome.reason, change.id);
      }
      u.refresh(country);
    });
    cursor = changes[changes.length - 1].id;
    seen += changes.length;
    ctx.progress(seen / Math.max(1, total), `Undone ${seen.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} changes`);
    await nextTick();
  }
  const counts = undoCounts(db, batchId);
  importStatement(db, `update import_batches set state = 'undone', undone_at = ?, undo_counts = ? where id = ?`).run(ctx.now(), JSON.stringify(counts), batchId);
  return counts;
}
