import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { DealEventKind } from '@/db/schema';
import { positionBetween } from '@/lib/deals/board-order';
import type { ImportKind } from '@/lib/import/fields';
import type { Columns } from '@/lib/import/plan';

// The writes of an import and of its undo, as prepared statements over whole columns: the import job
// writes 50,000 rows in a minute, so it cannot go through createContact and friends one form-sized
// transaction at a time. The rules those writers keep are kept here too: values come checked by the
// same zod schemas (lib/import/values.ts), a deal's stage moves and owner, value, close-date,
// probability and status changes leave the same history, and the caller refreshes match keys for
// every contact and company written, once per batch (refreshMatchKeys), inside the transaction.

export const TABLES: Record<ImportKind, string> = { contacts: 'contacts', companies: 'companies', deals: 'deals', products: 'products', leads: 'leads' };

const COLUMNS: Record<ImportKind, string[]> = {
  contacts: ['first_name', 'last_name', 'email', 'other_emails', 'phone', 'other_phones', 'title', 'company_id', 'owner_id', 'source', 'address', 'notes', 'external_id'],
  companies: ['name', 'domain', 'industry', 'size', 'address', 'owner_id', 'external_id'],
  deals: [
    'title', 'value_cents', 'pipeline_id', 'stage_id', 'status', 'lost_reason', 'owner_id', 'expected_close_date', 'probability_override_bp',
    'contact_id', 'company_id', 'source', 'external_id', 'closed_at', 'position', 'version',
  ],
  products: ['name', 'sku', 'description', 'unit', 'unit_price_cents', 'tax_rate_bp', 'active', 'version'],
  leads: [
    'first_name', 'last_name', 'email', 'other_emails', 'phone', 'other_phones', 'company_name', 'title', 'website', 'country', 'owner_id', 'source_id',
    'status', 'notes', 'external_id', 'version',
  ],
};

// Records with a version column, which every change raises so an open form's save is refused.
const VERSIONED = new Set<ImportKind>(['deals', 'products', 'leads']);

const TAGS = {
  contacts: { table: 'contact_tags', column: 'contact_id' },
  companies: { table: 'company_tags', column: 'company_id' },
  leads: { table: 'lead_tags', column: 'lead_id' },
} as const;
type Tagged = keyof typeof TAGS;
const tagged = (kind: ImportKind): kind is Tagged => kind in TAGS;

// Deal columns whose change is a deal_events row, with its kind (stage moves go to deal_stage_history).
const DEAL_EVENTS: Record<string, DealEventKind> = { owner_id: 'owner', value_cents: 'value', expected_close_date: 'close_date', probability_override_bp: 'probability' };

export type Existing = { columns: Columns; tags: string[]; updatedAt: number };

export function importWriter(db: Db, userId: number | null) {
  const cache = new Map<string, Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
    return s;
  };

  function tagsOf(kind: ImportKind, id: number): string[] {
    if (!tagged(kind)) return [];
    const t = TAGS[kind];
    return (stmt(`select t.name from ${t.table} x join tags t on t.id = x.tag_id where x.${t.column} = ? order by x.rowid`).all(id) as { name: string }[]).map((r) => r.name);
  }

  /** The record's columns an import may change, its tags and its updated_at; null when it is gone. */
  function load(kind: ImportKind, id: number): Existing | null {
    const row = stmt(`select ${COLUMNS[kind].join(', ')}, updated_at from ${TABLES[kind]} where id = ?`).get(id) as (Columns & { updated_at: number }) | undefined;
    if (!row) return null;
    const { updated_at: updatedAt, ...columns } = row;
    return { columns, tags: tagsOf(kind, id), updatedAt };
  }

  /** Replaces a contact's or company's tags with these names, creating tags that do not exist yet. */
  function setTags(kind: Tagged, id: number, names: string[]): void {
    const t = TAGS[kind];
    stmt(`delete from ${t.table} where ${t.column} = ?`).run(id);
    for (const name of names) {
      let tag = stmt('select id from tags where name = ? collate nocase order by id limit 1').get(name) as { id: number } | undefined;
      tag ??= { id: Number(stmt('insert into tags (name) values (?)').run(name).lastInsertRowid) };
      stmt(`insert or ignore into ${t.table} (${t.column}, tag_id) values (?, ?)`).run(id, tag.id);
    }
  }

  function insert(table: string, values: Columns, now: number): number {
    const columns = Object.keys(values);
    const sql = `insert into ${table} (${columns.join(', ')}, created_at, updated_at) values (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`;
    return Number(stmt(sql).run({ ...values, now }).lastInsertRowid);
  }

  function dealEvent(dealId: number, kind: DealEventKind, from: unknown, to: unknown, now: number) {
    stmt('insert into deal_events (deal_id, kind, from_value, to_value, at, user_id) values (?, ?, ?, ?, ?, ?)').run(
      dealId, kind, from == null ? null : String(from), to == null ? null : String(to), now, userId,
    );
  }

  /** The key before the first open card of a stage's column: a new deal goes on top, as createDeal puts it. */
  function topPosition(pipelineId: number, stageId: number): string {
    const first = stmt(`select position from deals where pipeline_id = ? and status = 'open' and stage_id = ? order by position limit 1`).get(pipelineId, stageId) as { position: string } | undefined;
    return positionBetween(null, first?.position ?? null);
  }

  /** A new record from these columns (tags for contacts and companies); returns its id. */
  function create(kind: ImportKind, values: Columns, tags: string[], now: number): number {
    if (kind === 'products') return insert('products', values, now);
    // A new lead is scored and gets its history: insertLead (db/queries/leads.ts) writes it.
    if (kind === 'leads') throw new Error('Leads are created by insertLead');
    if (kind !== 'deals') {
      const id = insert(TABLES[kind], values, now);
      if (tags.length) setTags(kind, id, tags);
      return id;
    }
    const status = (values.status as string | null) ?? 'open';
    const closedAt = status === 'open' ? null : ((values.closed_at as number | null) ?? now);
    const id = insert('deals', { ...values, status, closed_at: closedAt, stage_changed_at: now, position: topPosition(values.pipeline_id as number, values.stage_id as number) }, now);
    stmt('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, left_at, user_id) values (?, null, ?, ?, ?, ?)').run(id, values.stage_id, now, closedAt, userId);
    dealEvent(id, 'created', null, values.value_cents ?? 0, now);
    if (status !== 'open') dealEvent(id, status as DealEventKind, 'open', (values.lost_reason as string | null) ?? status, now);
    return id;
  }

  /**
   * Sets these columns (and tags, when given) and updated_at (to `stamp`: now, or for an undo the
   * time it had before the import, so undoing two imports newest first finds each as the other
   * left it). A deal's version goes up, its stage move and other changes leave history as the deal
   * screens' own changes do.
   */
  function update(kind: ImportKind, id: number, before: Columns, set: Columns, tags: string[] | null, now: number, stamp = now): void {
    const columns = { ...set };
    if (kind === 'deals') {
      const status = (set.status ?? before.status) as string;
      if (set.status !== undefined) columns.closed_at = status === 'open' ? null : ((before.closed_at as number | null) ?? now);
      if (set.stage_id !== undefined || (set.status === 'open' && before.status !== 'open')) {
        columns.position = topPosition((set.pipeline_id ?? before.pipeline_id) as number, (set.stage_id ?? before.stage_id) as number);
      }
      if (set.stage_id !== undefined) columns.stage_changed_at = now;
    }
    const names = Object.keys(columns);
    if (names.length) {
      const version = VERSIONED.has(kind) ? ', version = version + 1' : '';
      stmt(`update ${TABLES[kind]} set ${names.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @stamp${version} where id = @id`).run({ ...columns, stamp, id });
    } else {
      stmt(`update ${TABLES[kind]} set updated_at = ? where id = ?`).run(stamp, id);
    }
    if (tags && tagged(kind)) setTags(kind, id, tags);
    if (kind !== 'deals') return;
    if (set.stage_id !== undefined) {
      stmt('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, ?, ?, ?, ?)').run(id, before.stage_id, set.stage_id, now, userId);
    }
    for (const [column, event] of Object.entries(DEAL_EVENTS)) if (set[column] !== undefined) dealEvent(id, event, before[column], set[column], now);
    if (set.status !== undefined) dealEvent(id, set.status === 'open' ? 'reopened' : (set.status as DealEventKind), before.status, set.status === 'lost' ? (set.lost_reason ?? before.lost_reason ?? 'lost') : set.status, now);
  }

  /** A note on a company or deal (they have no notes column); returns the activity's id. */
  function addNote(target: { companyId: number } | { dealId: number }, body: string, ownerId: number | null, now: number): number {
    const [companyId, dealId] = 'companyId' in target ? [target.companyId, null] : [null, target.dealId];
    return Number(
      stmt(`insert into activities (type, subject, body, done_at, owner_id, company_id, deal_id, created_at, updated_at) values ('note', 'Imported note', ?, ?, ?, ?, ?, ?, ?)`).run(
        body, now, ownerId, companyId, dealId, now, now,
      ).lastInsertRowid,
    );
  }

  /** Whether the record already has this exact note (a file imported twice adds it once). */
  function hasNote(target: { companyId: number } | { dealId: number }, body: string): boolean {
    const [column, id] = 'companyId' in target ? ['company_id', target.companyId] : ['deal_id', target.dealId];
    return Boolean(stmt(`select 1 from activities where ${column} = ? and type = 'note' and body = ? limit 1`).get(id, body));
  }

  return { load, create, update, setTags, addNote, hasNote, stmt };
}

export type ImportWriter = ReturnType<typeof importWriter>;
