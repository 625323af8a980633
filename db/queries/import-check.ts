import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { mappingProblems, type ImportKind } from '@/lib/import/fields';
import { defaultStage, ownerLookup, stageLookup, type OwnerUser, type PipelineRow, type StageRow } from '@/lib/import/lookups';
import {
  changesSomething, companyChange, contactChange, dealChange, decideAction, InFileDuplicates, leadChange, productChange, RECORD_NOUNS, rowKeys,
  type Change, type ImportCounts,
} from '@/lib/import/plan';
import { mapRow } from '@/lib/import/rows';
import { checkImportRecord, type CompanyValues, type ContactValues, type DealValues, type ImportValues, type LeadValues, type ProductValues } from '@/lib/import/values';
import { normaliseCompanyName } from '@/lib/customers/normalise';
import { assertImporter, countRows, importStatement, nextTick, requireBatch, type BatchRecord, type RowData } from './import-batch';
import { importMatcher, type Likely } from './import-match';
import { importWriter } from './import-write';
import type { SessionUser } from './users';
import { getWorkspace } from './workspace';

// The report before anything is written (issue 13): every row of a staged import decided as create,
// update, skip or error, with its reason, the earlier line of the file it repeats, the existing
// records it looks like, and warnings (an unknown owner). Only import_rows and the batch are
// written. Rows are read and their verdicts written a chunk at a time; every lookup is an index
// seek and the lists it needs (users, stages) are read once, so 50,000 rows take seconds.

const CHUNK = 1000;

/** Stands for "a company this import will create": no existing company has this id. */
const NEW_COMPANY = -1;

export type Verdict = {
  rowIndex: number;
  action: 'create' | 'update' | 'skip' | 'error';
  reason: string | null;
  data: RowData | null;
  warnings: string[];
  duplicateOfLine: number | null;
  likely: Likely[];
  recordId: number | null;
};

/** The ids and names every row is checked against, read once per check. */
export function rowChecker(db: Db, batch: Pick<BatchRecord, 'kind' | 'mode' | 'mapping'>) {
  const { kind, mode, mapping } = batch;
  const workspace = getWorkspace(db);
  const matcher = importMatcher(db, workspace.defaultCountry);
  const writer = importWriter(db, null);
  const users = (db.$client.prepare('select id, name, email, active from users').all() as (Omit<OwnerUser, 'active'> & { active: number })[]).map((u) => ({ ...u, active: u.active === 1 }));
  const owner = ownerLookup(users);
  const pipelines = db.$client.prepare('select id, name, position from pipelines').all() as PipelineRow[];
  const stages = db.$client.prepare('select id, pipeline_id as pipelineId, name, position from stages').all() as StageRow[];
  const stage = stageLookup(pipelines, stages);
  const fallbackStage = defaultStage(pipelines, stages);
  const dupes = new InFileDuplicates();
  const targets = new Map<number, number>();
  const newCompanies = new Set<string>();
  const noun = RECORD_NOUNS[kind];
  const sources = new Map((db.$client.prepare('select id, name from lead_sources').all() as { id: number; name: string }[]).map((s) => [s.name.toLowerCase(), s.id]));

  /** The existing company a contact or deal row points at, NEW_COMPANY when one will be created, else null. */
  function companyFor(name: string | null, domain: string | null, warnings: string[]): number | null {
    if (!name && !domain) return null;
    const found = matcher.findCompanyBy(name, domain);
    if (found) return found;
    if (!name) {
      warnings.push(`No company has the website ${domain}, and the row names no company: no company is linked`);
      return null;
    }
    return NEW_COMPANY;
  }

  function check(row: { rowIndex: number; line: number; cells: string; reason: string | null }): Verdict {
    const verdict: Verdict = { rowIndex: row.rowIndex, action: 'error', reason: null, data: null, warnings: [], duplicateOfLine: null, likely: [], recordId: null };
    const fail = (reason: string) => Object.assign(verdict, { action: 'error', reason, data: null });
    const cells = JSON.parse(row.cells) as string[] | null;
    // A row the parser could not read keeps the parser's reason.
    if (cells === null) return fail(row.reason ?? 'This row could not be read');
    const checked = checkImportRecord(kind, mapRow(kind, mapping as never, cells), { currency: workspace.currency });
    if (!checked.ok) return fail(checked.reason);
    const v = checked.values as ImportValues<ImportKind>;
    const warnings = verdict.warnings;

    let ownerId: number | null = null;
    if ('owner' in v && v.owner) {
      const found = owner(v.owner);
      if ('id' in found) ownerId = found.id;
      else warnings.push(`${found.problem}: ${kind === 'deals' ? 'a new deal goes' : `a new ${noun} goes`} to whoever confirms the import, an existing one keeps its owner`);
    }
    const data: RowData = { values: v, ownerId };
    if (kind === 'leads') {
      const l = v as LeadValues;
      if (l.source) {
        data.sourceId = sources.get(l.source.toLowerCase()) ?? null;
        if (data.sourceId === null) warnings.push(`“${l.source}” is a new source: it is added to the list of lead sources`);
      }
      if (l.statusText) warnings.push(`“${l.statusText}” is not a lead status (new, contacted, qualified or disqualified): a new lead starts as New, an existing one keeps its status`);
      if (l.countryText) warnings.push(`“${l.countryText}” is not a two-letter country code: the country is left blank`);
    }
    let companyId: number | null = null;
    let contactId: number | null = null;
    if (kind === 'contacts') {
      const c = v as ContactValues;
      companyId = companyFor(c.companyName, c.companyDomain, warnings);
    } else if (kind === 'deals') {
      const d = v as DealValues;
      const where = stage(d.pipeline, d.stage);
      if ('problem' in where) return fail(`${d.stage ? 'Stage' : 'Pipeline'}: ${where.problem}`);
      Object.assign(data, where);
      companyId = companyFor(d.companyName, null, warnings);
      if (d.contactEmail) {
        contactId = matcher.contactByEmail(d.contactEmail);
        if (contactId === null) warnings.push(`No contact has the email ${d.contactEmail}: the deal is imported without a contact`);
      }
    }

    const earlier = dupes.check(rowKeys(kind, v), row.line);
    if (earlier !== null) return Object.assign(verdict, { action: 'skip', reason: `Same ${noun} as line ${earlier} of this file`, duplicateOfLine: earlier, data });
    const target = matcher.find(kind, v);
    if (target && 'conflict' in target) return fail(target.conflict);
    const targetId = target?.id ?? null;
    if (targetId !== null) {
      const first = targets.get(targetId);
      if (first !== undefined) return Object.assign(verdict, { action: 'skip', reason: `Line ${first} of this file already updates ${noun} #${targetId}`, duplicateOfLine: first, recordId: targetId, data });
      targets.set(targetId, row.line);
    }
    const decided = decideAction(kind, mode, targetId);
    Object.assign(verdict, { action: decided.action, reason: decided.reason, recordId: targetId, data });

    if (decided.action === 'update') {
      const change = plannedChange(kind, targetId!, v, { ownerId, companyId, contactId, pipelineId: data.pipelineId ?? null, stageId: data.stageId ?? null, sourceId: data.sourceId ?? null });
      if (!change) return Object.assign(verdict, { action: 'skip', reason: `${noun[0].toUpperCase()}${noun.slice(1)} #${targetId} already has every value in this row` });
      warnings.push(...change.warnings);
    }
    if (decided.action === 'create' && kind === 'deals' && data.stageId == null && !fallbackStage) return fail('Stage: Keel has no pipeline to put deals in yet');
    if (decided.action === 'create') verdict.likely = matcher.likely(kind, v, companyId === NEW_COMPANY ? null : companyId, null);
    if (companyId === NEW_COMPANY && decided.action !== 'skip') {
      const c = v as ContactValues | DealValues;
      newCompanies.add(normaliseCompanyName(c.companyName) ?? c.companyName!.toLowerCase());
    }
    return verdict;
  }

  /** What an update would change, or null when it changes nothing. */
  function plannedChange(
    kind: ImportKind,
    id: number,
    v: ImportValues<ImportKind>,
    refs: { ownerId: number | null; companyId: number | null; contactId: number | null; pipelineId: number | null; stageId: number | null; sourceId?: number | null },
  ): Change | null {
    const existing = writer.load(kind, id);
    if (!existing) return null;
    let change: Change;
    let note: string | null = null;
    if (kind === 'contacts') change = contactChange(existing.columns, existing.tags, v as ContactValues, refs);
    else if (kind === 'products') change = productChange(existing.columns, v as ProductValues);
    else if (kind === 'leads') change = leadChange(existing.columns, existing.tags, v as LeadValues, { ownerId: refs.ownerId, sourceId: refs.sourceId ?? null });
    else if (kind === 'companies') {
      change = companyChange(existing.columns, existing.tags, v as CompanyValues, refs);
      const notes = (v as CompanyValues).notes;
      if (notes && !writer.hasNote({ companyId: id }, notes)) note = notes;
    } else {
      change = dealChange(existing.columns, v as DealValues, refs);
      const notes = (v as DealValues).notes;
      if (notes && !writer.hasNote({ dealId: id }, notes)) note = notes;
    }
    return changesSomething(change, note) ? change : null;
  }

  return { check, newCompanies };
}

/**
 * Decides every row of a staged import and stores the report on its rows, a chunk per step; the
 * generator's return value is the counts. Only before the import is confirmed; checking again
 * (after the records changed) replaces the report.
 */
function* checkSteps(db: Db, batchId: number, actor: SessionUser, now: number): Generator<void, ImportCounts> {
  assertImporter(actor);
  const batch = requireBatch(db, batchId);
  if (batch.state !== 'draft' && batch.state !== 'checked') throw new AppError('This import has already been confirmed: its report no longer changes.');
  const stored = (importStatement(db, 'select count(*) as n from import_rows where batch_id = ?').get(batchId) as { n: number }).n;
  if (stored !== batch.totalRows) throw new AppError('This file was not stored completely: choose it again.');
  const problems = mappingProblems(batch.kind, batch.mapping, batch.headers);
  if (problems.length) throw new AppError(problems.join('. '), { mapping: problems.join('. ') });

  const checker = rowChecker(db, batch);
  const read = importStatement(db, 'select row_index as rowIndex, line, cells, reason from import_rows where batch_id = ? and row_index >= ? order by row_index limit ?');
  const write = importStatement(
    db,
    `update import_rows set action = @action, reason = @reason, data = @data, warnings = @warnings, duplicate_of_line = @duplicateOfLine,
       likely = @likely, record_id = @recordId, result = null where batch_id = @batchId and row_index = @rowIndex`,
  );
  for (let start = 0; ; start += CHUNK) {
    const rows = read.all(batchId, start, CHUNK) as { rowIndex: number; line: number; cells: string; reason: string | null }[];
    if (rows.length === 0) break;
    const verdicts = rows.map((row) => checker.check(row));
    db.transaction(() => {
      for (const v of verdicts) {
        write.run({
          batchId,
          rowIndex: v.rowIndex,
          action: v.action,
          reason: v.reason,
          data: v.data ? JSON.stringify(v.data) : null,
          warnings: v.warnings.length ? JSON.stringify(v.warnings) : null,
          duplicateOfLine: v.duplicateOfLine,
          likely: v.likely.length ? JSON.stringify(v.likely) : null,
          recordId: v.recordId,
        });
      }
    });
    yield;
  }
  const counts = countRows(db, batchId, checker.newCompanies.size);
  importStatement(db, `update import_batches set state = 'checked', counts = ?, checked_at = ? where id = ?`).run(JSON.stringify(counts), now, batchId);
  return counts;
}

/** The check in one go (scripts and tests). */
export function checkImport(db: Db, batchId: number, actor: SessionUser, now = Date.now()): ImportCounts {
  const steps = checkSteps(db, batchId, actor, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The check as the screen runs it, in a web process: it gives the event loop back after every chunk
 * of rows, so the 7 seconds a 50,000-row file takes do not stall the other pages that process serves.
 */
export async function checkImportYielding(db: Db, batchId: number, actor: SessionUser, now = Date.now()): Promise<ImportCounts> {
  const steps = checkSteps(db, batchId, actor, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTick();
  }
}
