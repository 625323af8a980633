import 'server-only';
import type { Db } from '@/db/client';
import type { ImportRowResult } from '@/db/schema';
import { normaliseCompanyName } from '@/lib/customers/normalise';
import { isoDateToMs } from '@/lib/dates';
import { defaultStage, type PipelineRow, type StageRow } from '@/lib/import/lookups';
import {
  changesSomething, companyChange, contactChange, dealChange, decideAction, leadChange, productChange, RECORD_NOUNS, type Change, type Columns, type ImportCounts,
} from '@/lib/import/plan';
import type { CompanyValues, ContactValues, DealValues, LeadValues, ProductValues } from '@/lib/import/values';
import { countRows, importStatement, loadBatch, nextTick, type BatchRecord, type RowData } from './import-batch';
import { importMatcher } from './import-match';
import { importWriter } from './import-write';
import { insertLead, leadEvent, loadScoringRules, recomputeLeadScore } from './leads';
import { refreshMatchKeys } from './match-keys';
import { getWorkspace } from './workspace';

// The `import` job: writes a confirmed import's rows, BATCH rows per short transaction, so the web
// processes get the database between batches and a 50,000-row file is done in well under a minute.
// Each row is looked up again as it is written (a record created since the check turns a create
// into an update, or a skip in create-only mode), written, and marked with what it did in the same
// transaction, with an import_changes row for undo; so a job retried after a crash carries on from
// the first row not yet marked and never writes one twice. Match keys of every contact and company
// written are refreshed once per batch, inside its transaction.

export const APPLY_BATCH = 500;

const DAY_MIDDLE = 12 * 3_600_000;

type Progress = { progress: (fraction: number | null, message: string | null) => void; signal: AbortSignal; now: () => number };

const fmt = (n: number) => n.toLocaleString('en-US');

function rowApplier(db: Db, batch: BatchRecord) {
  const { kind, mode } = batch;
  const actorId = batch.committedBy ?? batch.createdBy;
  const workspace = getWorkspace(db);
  const matcher = importMatcher(db, workspace.defaultCountry);
  const writer = importWriter(db, actorId);
  const pipelines = db.$client.prepare('select id, name, position from pipelines').all() as PipelineRow[];
  const stages = db.$client.prepare('select id, pipeline_id as pipelineId, name, position from stages').all() as StageRow[];
  const fallbackStage = defaultStage(pipelines, stages);
  const noun = RECORD_NOUNS[kind];
  // Companies created by this run, by domain and normalised name: their match keys are written at
  // the end of the batch, so rows later in the same batch find them here.
  const companies = new Map<string, number>();
  // Records already written by an earlier row of this import, with its line: a second row that
  // now matches the same record (one created since the check) is skipped, not written twice.
  const written = new Map<number, number>(
    (importStatement(db, `select record_id as id, line from import_rows where batch_id = ? and result in ('created', 'updated') and record_id is not null`).all(batch.id) as { id: number; line: number }[]).map(
      (r) => [r.id, r.line],
    ),
  );
  const touched = { contact: new Set<number>(), company: new Set<number>() };
  const recordChange = (rowIndex: number, recordKind: 'contact' | 'company' | 'deal' | 'product' | 'lead' | 'activity', recordId: number, action: 'created' | 'updated', before: Columns | null, now: number) =>
    importStatement(db, 'insert into import_changes (batch_id, row_index, record_kind, record_id, action, before, updated_at) values (?, ?, ?, ?, ?, ?, ?)').run(
      batch.id, rowIndex, recordKind, recordId, action, before ? JSON.stringify(before) : null, now,
    );
  const recordKind = { contacts: 'contact', companies: 'company', deals: 'deal', products: 'product', leads: 'lead' } as const;
  // Leads: the scoring rules once per run, and sources by name (a new one is added the first time).
  const rules = kind === 'leads' ? loadScoringRules(db) : [];
  const sources = new Map((db.$client.prepare('select id, name from lead_sources').all() as { id: number; name: string }[]).map((r) => [r.name.toLowerCase(), r.id]));
  function sourceFor(name: string | null): number | null {
    if (!name) return null;
    let id = sources.get(name.toLowerCase());
    if (id === undefined) {
      const position = (db.$client.prepare('select coalesce(max(position), 0) + 1 as p from lead_sources').get() as { p: number }).p;
      id = Number(db.$client.prepare('insert into lead_sources (name, position) values (?, ?)').run(name, position).lastInsertRowid);
      sources.set(name.toLowerCase(), id);
    }
    return id;
  }

  /** The company a contact or deal names: found by domain or name, else created (when named). */
  function companyFor(name: string | null, domain: string | null, ownerId: number | null, rowIndex: number, now: number): number | null {
    const keys = [domain ? `d:${domain}` : null, normaliseCompanyName(name) ? `n:${normaliseCompanyName(name)}` : null].filter((k): k is string => k !== null);
    for (const k of keys) if (companies.has(k)) return companies.get(k)!;
    let id = matcher.findCompanyBy(name, domain);
    if (id === null && name) {
      id = writer.create('companies', { name, domain, owner_id: ownerId }, [], now);
      recordChange(rowIndex, 'company', id, 'created', null, now);
      touched.company.add(id);
    }
    if (id !== null) for (const k of keys) companies.set(k, id);
    return id;
  }

  function note(target: { companyId: number } | { dealId: number }, body: string | null, rowIndex: number, now: number) {
    if (!body || writer.hasNote(target, body)) return;
    recordChange(rowIndex, 'activity', writer.addNote(target, body, actorId, now), 'created', null, now);
  }

  function create(row: { rowIndex: number }, data: RowData, now: number): number {
    const ownerId = data.ownerId ?? actorId;
    if (kind === 'contacts') {
      const v = data.values as ContactValues;
      const companyId = companyFor(v.companyName, v.companyDomain, ownerId, row.rowIndex, now);
      const id = writer.create(
        'contacts',
        {
          first_name: v.firstName, last_name: v.lastName, email: v.email, other_emails: v.otherEmails.join('\n') || null, phone: v.phone,
          other_phones: v.otherPhones.join('\n') || null, title: v.title, company_id: companyId, owner_id: ownerId, source: v.source,
          address: v.address, notes: v.notes, external_id: v.externalId,
        },
        v.tags,
        now,
      );
      touched.contact.add(id);
      recordChange(row.rowIndex, 'contact', id, 'created', null, now);
      return id;
    }
    if (kind === 'companies') {
      const v = data.values as CompanyValues;
      const id = writer.create('companies', { name: v.name, domain: v.domain, industry: v.industry, size: v.size, address: v.address, owner_id: ownerId, external_id: v.externalId }, v.tags, now);
      touched.company.add(id);
      recordChange(row.rowIndex, 'company', id, 'created', null, now);
      for (const k of [v.domain ? `d:${v.domain}` : null, normaliseCompanyName(v.name) ? `n:${normaliseCompanyName(v.name)}` : null]) if (k) companies.set(k, id);
      note({ companyId: id }, v.notes, row.rowIndex, now);
      return id;
    }
    if (kind === 'leads') {
      const v = data.values as LeadValues;
      const { id } = insertLead(
        db,
        {
          firstName: v.firstName, lastName: v.lastName, email: v.email, phone: v.phone, companyName: v.companyName, title: v.title, website: v.website,
          country: v.country, notes: v.notes, tags: v.tags, sourceId: data.sourceId ?? sourceFor(v.source), ownerId, utmSource: null, utmMedium: null,
          utmCampaign: null, referrer: null,
        },
        null,
        // An imported list gives no first-contact tasks: a thousand at once would bury the rep's list.
        { now, via: 'import', task: false, rules, extras: { externalId: v.externalId, otherEmails: v.otherEmails, otherPhones: v.otherPhones, status: v.status, userId: actorId } },
      );
      recordChange(row.rowIndex, 'lead', id, 'created', null, now);
      return id;
    }
    if (kind === 'products') {
      const v = data.values as ProductValues;
      const id = writer.create(
        'products',
        {
          name: v.name, sku: v.sku, description: v.description, unit: v.unit ?? 'unit', unit_price_cents: v.unitPriceCents,
          // A new product starts with the workspace's tax rate, as on the New product form.
          tax_rate_bp: v.taxRateBp ?? workspace.defaultTaxRateBp, active: v.active === false ? 0 : 1,
        },
        [],
        now,
      );
      recordChange(row.rowIndex, 'product', id, 'created', null, now);
      return id;
    }
    const v = data.values as DealValues;
    const where = data.stageId != null ? { pipelineId: data.pipelineId!, stageId: data.stageId } : fallbackStage;
    if (!where) throw new Error('Keel has no pipeline to put deals in');
    const closed = v.status === 'won' || v.status === 'lost';
    const id = writer.create(
      'deals',
      {
        title: v.title, value_cents: v.valueCents ?? 0, pipeline_id: where.pipelineId, stage_id: where.stageId, status: v.status ?? 'open',
        lost_reason: v.status === 'lost' ? v.lostReason : null, owner_id: ownerId, expected_close_date: v.expectedCloseDate,
        probability_override_bp: v.probabilityBp, contact_id: v.contactEmail ? matcher.contactByEmail(v.contactEmail) : null,
        company_id: companyFor(v.companyName, null, ownerId, row.rowIndex, now), source: v.source, external_id: v.externalId,
        // A closed deal closed on its close date when the file has one; otherwise now.
        closed_at: closed && v.expectedCloseDate ? isoDateToMs(v.expectedCloseDate) + DAY_MIDDLE : null,
      },
      [],
      now,
    );
    recordChange(row.rowIndex, 'deal', id, 'created', null, now);
    note({ dealId: id }, v.notes, row.rowIndex, now);
    return id;
  }

  /** Writes the row over the record; false when the record already had every value. */
  function update(row: { rowIndex: number }, id: number, data: RowData, now: number): boolean {
    const existing = writer.load(kind, id);
    if (!existing) return false;
    let change: Change;
    let notes: string | null = null;
    if (kind === 'contacts') {
      const v = data.values as ContactValues;
      change = contactChange(existing.columns, existing.tags, v, { ownerId: data.ownerId, companyId: companyFor(v.companyName, v.companyDomain, data.ownerId ?? actorId, row.rowIndex, now) });
    } else if (kind === 'products') {
      change = productChange(existing.columns, data.values as ProductValues);
    } else if (kind === 'leads') {
      const v = data.values as LeadValues;
      change = leadChange(existing.columns, existing.tags, v, { ownerId: data.ownerId, sourceId: data.sourceId ?? sourceFor(v.source) });
    } else if (kind === 'companies') {
      const v = data.values as CompanyValues;
      change = companyChange(existing.columns, existing.tags, v, { ownerId: data.ownerId });
      notes = v.notes && !writer.hasNote({ companyId: id }, v.notes) ? v.notes : null;
    } else {
      const v = data.values as DealValues;
      change = dealChange(existing.columns, v, {
        ownerId: data.ownerId, pipelineId: data.pipelineId ?? null, stageId: data.stageId ?? null,
        contactId: v.contactEmail ? matcher.contactByEmail(v.contactEmail) : null, companyId: companyFor(v.companyName, null, data.ownerId ?? actorId, row.rowIndex, now),
      });
      notes = v.notes && !writer.hasNote({ dealId: id }, v.notes) ? v.notes : null;
    }
    if (!changesSomething(change, notes)) return false;
    if (Object.keys(change.set).length > 0 || change.tags) {
      writer.update(kind, id, existing.columns, change.set, change.tags?.after ?? null, now);
      const before = { ...change.before, ...(change.tags ? { tags: JSON.stringify(change.tags.before) } : {}), updated_at: existing.updatedAt };
      recordChange(row.rowIndex, recordKind[kind], id, 'updated', before, now);
    }
    if (notes) note(kind === 'companies' ? { companyId: id } : { dealId: id }, notes, row.rowIndex, now);
    if (kind === 'leads') {
      leadEvent(db, id, 'update', { detail: { before: change.before, via: 'import' } }, actorId, now);
      recomputeLeadScore(db, id, { now, userId: actorId, why: 'Imported', rules });
    }
    if (kind === 'contacts' || kind === 'companies') touched[recordKind[kind]].add(id);
    return true;
  }

  /** Writes one row (in the caller's transaction) and says what it did. */
  function apply(row: { rowIndex: number; line: number; data: string }, now: number): { result: ImportRowResult; recordId: number | null; reason: string | null } {
    const data = JSON.parse(row.data) as RowData;
    const target = matcher.find(kind, data.values);
    if (target && 'conflict' in target) return { result: 'skipped', recordId: null, reason: target.conflict };
    const targetId = target?.id ?? null;
    if (targetId !== null && written.has(targetId)) return { result: 'skipped', recordId: targetId, reason: `Line ${written.get(targetId)} of this file already wrote ${noun} #${targetId}` };
    const decided = decideAction(kind, mode, targetId);
    if (decided.action === 'skip') return { result: 'skipped', recordId: targetId, reason: decided.reason };
    if (decided.action === 'create') {
      const id = create(row, data, now);
      written.set(id, row.line);
      return { result: 'created', recordId: id, reason: null };
    }
    const changed = update(row, targetId!, data, now);
    written.set(targetId!, row.line);
    if (!changed) return { result: 'skipped', recordId: targetId, reason: `${noun[0].toUpperCase()}${noun.slice(1)} #${targetId} already has every value in this row` };
    return { result: 'updated', recordId: targetId, reason: null };
  }

  /** Match keys for the contacts and companies written since the last call. */
  function refresh() {
    refreshMatchKeys(db, 'company', [...touched.company], workspace.defaultCountry);
    refreshMatchKeys(db, 'contact', [...touched.contact], workspace.defaultCountry);
    touched.company.clear();
    touched.contact.clear();
  }

  /**
   * After a row's savepoint was rolled back: forget what it created, so later rows do not link to a
   * company that no longer exists.
   */
  function forgetRolledBack() {
    const exists = (table: string, id: number) => Boolean(importStatement(db, `select 1 from ${table} where id = ?`).get(id));
    for (const [k, id] of companies) if (!exists('companies', id)) companies.delete(k);
    for (const id of touched.company) if (!exists('companies', id)) touched.company.delete(id);
    for (const id of touched.contact) if (!exists('contacts', id)) touched.contact.delete(id);
  }

  return { apply, refresh, forgetRolledBack };
}

/**
 * Runs a confirmed import to the end (the `import` job's handler). Safe to run again: rows already
 * written are skipped, and a finished import returns its counts.
 */
export async function applyImport(db: Db, batchId: number, ctx: Progress): Promise<ImportCounts | null> {
  const batch = loadBatch(db, batchId);
  // Deleted since it was queued: nothing left to do.
  if (!batch) return null;
  if (batch.state === 'done' || batch.state === 'undoing' || batch.state === 'undone') return batch.counts;
  if (batch.state !== 'queued' && batch.state !== 'running' && batch.state !== 'failed') throw new Error(`Import ${batchId} has not been confirmed`);
  importStatement(db, `update import_batches set state = 'running' where id = ?`).run(batchId);

  const applier = rowApplier(db, batch);
  const read = importStatement(db, `select row_index as rowIndex, line, action, data, result from import_rows where batch_id = ? and row_index > ? order by row_index limit ?`);
  const mark = importStatement(db, `update import_rows set result = ?, record_id = coalesce(?, record_id), reason = coalesce(?, reason) where batch_id = ? and row_index = ?`);
  // better-sqlite3's own transaction function, made once: inside the batch's transaction each call is
  // a savepoint, without the query builder's per-call transaction object (a third of the job's time).
  const savepoint = db.$client.transaction((run: () => ReturnType<typeof applier.apply>) => run());
  let last = -1;
  let seen = 0;
  ctx.progress(0, `Imported 0 of ${fmt(batch.totalRows)} rows`);
  for (;;) {
    if (ctx.signal.aborted) throw new Error('Stopped before the import was finished; it carries on where it stopped');
    const rows = read.all(batchId, last, APPLY_BATCH) as { rowIndex: number; line: number; action: string; data: string | null; result: string | null }[];
    if (rows.length === 0) break;
    const now = ctx.now();
    db.transaction(() => {
      for (const row of rows) {
        if (row.result !== null || (row.action !== 'create' && row.action !== 'update') || !row.data) continue;
        let outcome: { result: ImportRowResult; recordId: number | null; reason: string | null };
        try {
          // A savepoint per row: a row that cannot be written is undone alone and reported.
          outcome = savepoint(() => applier.apply({ rowIndex: row.rowIndex, line: row.line, data: row.data! }, now));
        } catch (error) {
          applier.forgetRolledBack();
          outcome = { result: 'failed', recordId: null, reason: `Not written: ${error instanceof Error ? error.message : String(error)}` };
        }
        mark.run(outcome.result, outcome.recordId, outcome.reason, batchId, row.rowIndex);
      }
      applier.refresh();
    });
    last = rows[rows.length - 1].rowIndex;
    seen += rows.length;
    ctx.progress(seen / Math.max(1, batch.totalRows), `Imported ${fmt(seen)} of ${fmt(batch.totalRows)} rows`);
    await nextTick();
  }
  const counts = countRows(db, batchId);
  importStatement(db, `update import_batches set state = 'done', counts = ?, finished_at = ? where id = ?`).run(JSON.stringify(counts), ctx.now(), batchId);
  return counts;
}
