import 'server-only';
import type { Db } from '@/db/client';
import { seesEveryone } from '@/lib/auth/roles';
import { dateInZone } from '@/lib/dates';
import {
  defaultChoice,
  defaultKeep,
  emailKey,
  MERGE_FIELDS,
  MERGE_NOUNS,
  mergeAlternates,
  mergedValues,
  parseMergeIds,
  phoneKey,
  type MergeInput,
  type MergeKind,
} from '@/lib/customers/merge';
import { AppError } from '@/lib/errors';
import { refreshMatchKeys } from './match-keys';
import type { SessionUser } from './users';
import { canSee } from './visibility';
import { getWorkspace } from './workspace';

// Merging two contacts or two companies (issue 13): one record is kept with the values picked field
// by field (lib/customers/merge.ts), every row pointing at the other record is moved to it, one
// record_merges row remembers the merged-away record (its redirect and its timeline entry), and the
// other record is deleted. One transaction; the work is a handful of indexed lookups and the rows
// that actually move, whatever the size of the workspace.

const TABLES: Record<MergeKind, string> = { contact: 'contacts', company: 'companies' };

// Rebuilt from the records by refreshMatchKeys, or the merge's own bookkeeping: never moved.
const NOT_MOVED = new Set(['contact_match_keys', 'company_match_keys', 'contact_duplicate_pairs', 'company_duplicate_pairs', 'record_merges']);

/** A column pointing at contacts(id) or companies(id), found by `pragma foreign_key_list`. */
type Reference = {
  table: string;
  column: string;
  /** Part of a primary key or unique index (contact_tags): the kept record may already have the row. */
  keyed: boolean;
  /** The table's concurrent-edit token, bumped on a move so an open form with the old link is refused. */
  versioned: boolean;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const referenceCache = new WeakMap<Db, Record<string, Reference[]>>();

/**
 * Every column that references contacts or companies, from the schema itself, so that whatever a
 * later feature adds that points at a customer moves with a merge without this file knowing it.
 * Read once per connection (migrations run before the app opens its handle).
 */
export function referencesTo(db: Db, kind: MergeKind): Reference[] {
  let cached = referenceCache.get(db);
  if (!cached) {
    cached = { contacts: [], companies: [] };
    const sqlite = db.$client;
    const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%'`).all() as { name: string }[];
    for (const { name: table } of tables) {
      if (NOT_MOVED.has(table)) continue;
      const fks = sqlite.pragma(`foreign_key_list(${quote(table)})`) as { table: string; from: string; to: string | null }[];
      const targets = fks.filter((fk) => (fk.table === 'contacts' || fk.table === 'companies') && (fk.to === null || fk.to === 'id'));
      if (targets.length === 0) continue;
      const columns = sqlite.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[];
      const keyedColumns = new Set(columns.filter((c) => c.pk > 0).map((c) => c.name));
      for (const index of sqlite.pragma(`index_list(${quote(table)})`) as { name: string; unique: number }[]) {
        if (!index.unique) continue;
        for (const c of sqlite.pragma(`index_info(${quote(index.name)})`) as { name: string | null }[]) if (c.name) keyedColumns.add(c.name);
      }
      const versioned = columns.some((c) => c.name === 'version');
      for (const fk of targets) cached[fk.table].push({ table, column: fk.from, keyed: keyedColumns.has(fk.from), versioned });
    }
    referenceCache.set(db, cached);
  }
  return cached[TABLES[kind]];
}

/**
 * Points every reference at the kept record; returns the rows moved by table. Where the reference is
 * part of a key (a tag the kept record already has), the row the kept record already has stays, and
 * the other's copy is left behind and deleted: UPDATE OR IGNORE skips exactly the rows that would
 * collide, so rows keep their ids and nothing is copied.
 */
function moveReferences(db: Db, kind: MergeKind, keepId: number, otherId: number): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const ref of referencesTo(db, kind)) {
    const t = quote(ref.table);
    const c = quote(ref.column);
    const bump = ref.versioned ? ', "version" = "version" + 1' : '';
    const { changes } = db.$client.prepare(`update ${ref.keyed ? 'or ignore ' : ''}${t} set ${c} = ?${bump} where ${c} = ?`).run(keepId, otherId);
    if (ref.keyed) db.$client.prepare(`delete from ${t} where ${c} = ?`).run(otherId);
    if (changes > 0) moved[ref.table] = (moved[ref.table] ?? 0) + changes;
  }
  return moved;
}

type RecordRow = Record<string, unknown> & { id: number; updated_at: number };

function loadRecord(db: Db, kind: MergeKind, id: number): RecordRow | null {
  return (db.$client.prepare(`select * from ${TABLES[kind]} where id = ?`).get(id) as RecordRow | undefined) ?? null;
}

const recordName = (kind: MergeKind, row: RecordRow) =>
  kind === 'contact' ? `${String(row.first_name ?? '')} ${String(row.last_name ?? '')}`.trim() : String(row.name ?? '');

/** The concurrent-edit message, worded as the deal's (db/queries/deals.ts STALE_MESSAGE). */
export function staleMergeMessage(kind: MergeKind): string {
  return `Someone else changed one of these ${MERGE_NOUNS[kind].many} meanwhile. Reload to see their change, then try again.`;
}

/**
 * Merges `otherId` into `keepId`. Versions are the records' updated_at as the merge page read them
 * (contacts and companies have no version column; every write of them sets updated_at): a change to
 * either record since then refuses the merge. Admins and managers only, and both records must be
 * ones the actor may see.
 */
export function mergeRecords(db: Db, kind: MergeKind, input: MergeInput, actor: SessionUser): { keptId: number; mergeId: number } {
  const noun = MERGE_NOUNS[kind];
  if (!seesEveryone(actor.role)) throw new AppError(`Only admins and managers can merge ${noun.many}.`);
  if (input.keepId === input.otherId) throw new AppError(`Pick two different ${noun.many} to merge.`);
  return db.transaction(() => {
    const keep = loadRecord(db, kind, input.keepId);
    const other = loadRecord(db, kind, input.otherId);
    if (!keep || !other || !canSee(db, actor, kind, keep.id) || !canSee(db, actor, kind, other.id)) throw new AppError(`This ${noun.one} no longer exists.`);
    if (keep.updated_at !== input.keepVersion || other.updated_at !== input.otherVersion) throw new AppError(staleMergeMessage(kind), undefined, { stale: 1 });

    const { values, problems } = mergedValues(MERGE_FIELDS[kind], keep, other, input.choices);
    const first = Object.values(problems)[0];
    if (first) throw new AppError(first, problems);
    if (kind === 'contact') {
      const email = values.email as string | null;
      const phone = values.phone as string | null;
      values.other_emails = mergeAlternates(email, [keep.email, keep.other_emails, other.email, other.other_emails] as (string | null)[], emailKey);
      values.other_phones = mergeAlternates(phone, [keep.phone, keep.other_phones, other.phone, other.other_phones] as (string | null)[], phoneKey(getWorkspace(db).defaultCountry));
      // Emails are unique among contacts: the other record lets go of its own before the kept one may take it.
      if (other.email) db.$client.prepare('update contacts set email = null where id = ?').run(other.id);
    }
    // Their name keys include the company: refreshed once they point at the kept one.
    const movedContacts =
      kind === 'company' ? (db.$client.prepare('select id from contacts where company_id = ?').all(other.id) as { id: number }[]).map((r) => r.id) : [];

    const moved = moveReferences(db, kind, keep.id, other.id);

    const columns = Object.keys(values);
    const now = Math.max(Date.now(), keep.updated_at + 1);
    db.$client
      .prepare(`update ${TABLES[kind]} set ${columns.map((c) => `${quote(c)} = @${c}`).join(', ')}, updated_at = @now where id = @id`)
      .run({ ...values, now, id: keep.id });

    // The snapshot is the merged-away row as it was; `_moved` (not a column) is what moved, by table.
    const { lastInsertRowid } = db.$client
      .prepare(`insert into record_merges (kind, old_id, kept_id, old_name, snapshot, merged_by, merged_at) values (?, ?, ?, ?, ?, ?, ?)`)
      .run(kind, other.id, keep.id, recordName(kind, other), JSON.stringify({ ...other, _moved: moved }), actor.id, now);
    // Redirects stay one hop: what was merged into the other record now leads to the kept one.
    db.$client.prepare('update record_merges set kept_id = ? where kind = ? and kept_id = ?').run(keep.id, kind, other.id);
    db.$client.prepare('delete from duplicate_dismissals where kind = ? and (low_id = ? or high_id = ?)').run(kind, other.id, other.id);
    // Its match keys and duplicate pairs go with it (on delete cascade).
    db.$client.prepare(`delete from ${TABLES[kind]} where id = ?`).run(other.id);

    refreshMatchKeys(db, kind, [keep.id]);
    if (movedContacts.length) refreshMatchKeys(db, 'contact', movedContacts);
    return { keptId: keep.id, mergeId: Number(lastInsertRowid) };
  });
}

/**
 * The record a merged-away id now lives on (merges are kept one hop deep), or null for an id that was
 * never merged away; with a viewer, also null when they may not see that record, so an old link
 * reveals nothing a not-found would not.
 */
export function mergedInto(db: Db, kind: MergeKind, id: number, viewer?: SessionUser): number | null {
  const row = db.$client.prepare('select kept_id as keptId from record_merges where kind = ? and old_id = ? order by id desc limit 1').get(kind, id) as
    | { keptId: number }
    | undefined;
  if (!row || (viewer && !canSee(db, viewer, kind, row.keptId))) return null;
  return row.keptId;
}

export type MergeSideValue = { value: string | number | null; display: string | null };

/** One of the two records as the merge page shows it: its values by field key and what would move. */
export type MergeSide = {
  id: number;
  name: string;
  /** updated_at: the version the merge sends back. */
  version: number;
  createdAt: number;
  /** The day it was added, in the workspace's time zone. */
  addedOn: string;
  values: Record<string, MergeSideValue>;
  /** A contact's other emails and phones, which the merge keeps from both. */
  otherEmails: string[];
  otherPhones: string[];
  counts: { label: string; count: number }[];
  deals: number;
};

const SIDE_SQL: Record<MergeKind, string> = {
  contact: `select c.*, co.name as companyName, u.name as ownerName,
              (select count(*) from deals d where d.contact_id = c.id) as deals,
              (select count(*) from activities a where a.contact_id = c.id and a.type != 'task') as activities,
              (select count(*) from activities a where a.contact_id = c.id and a.type = 'task') as tasks,
              (select count(*) from quotes q where q.contact_id = c.id) as quotes,
              (select count(*) from contact_tags t where t.contact_id = c.id) as tags
            from contacts c left join companies co on co.id = c.company_id left join users u on u.id = c.owner_id where c.id = ?`,
  company: `select c.*, u.name as ownerName, pl.name as priceListName,
              (select count(*) from contacts p where p.company_id = c.id) as contacts,
              (select count(*) from deals d where d.company_id = c.id) as deals,
              (select count(*) from activities a where a.company_id = c.id and a.type != 'task') as activities,
              (select count(*) from activities a where a.company_id = c.id and a.type = 'task') as tasks,
              (select count(*) from quotes q where q.company_id = c.id) as quotes,
              (select count(*) from company_tags t where t.company_id = c.id) as tags
            from companies c left join users u on u.id = c.owner_id left join price_lists pl on pl.id = c.price_list_id where c.id = ?`,
};

// Fields whose value is an id, shown by the name of what it points at.
const DISPLAY_COLUMNS: Record<string, string> = { company_id: 'companyName', owner_id: 'ownerName', price_list_id: 'priceListName' };

const splitLines = (text: unknown) => (typeof text === 'string' ? text.split('\n').map((s) => s.trim()).filter(Boolean) : []);

/** The record as the merge page shows it, or null when it does not exist or the viewer may not see it. */
export function getMergeSide(db: Db, kind: MergeKind, id: number, viewer: SessionUser): MergeSide | null {
  if (!canSee(db, viewer, kind, id)) return null;
  const row = db.$client.prepare(SIDE_SQL[kind]).get(id) as (RecordRow & Record<string, number | string | null>) | undefined;
  if (!row) return null;
  const values: Record<string, MergeSideValue> = {};
  for (const f of MERGE_FIELDS[kind]) {
    const value = row[f.column] as string | number | null;
    const display = DISPLAY_COLUMNS[f.column] ? (row[DISPLAY_COLUMNS[f.column]] as string | null) : value === null ? null : String(value);
    values[f.key] = { value, display: display === null || String(display).trim() === '' ? null : String(display) };
  }
  const count = (key: string) => Number(row[key] ?? 0);
  const counts = [
    ...(kind === 'company' ? [{ label: 'contacts', count: count('contacts') }] : []),
    { label: 'deals', count: count('deals') },
    { label: 'activities', count: count('activities') },
    { label: 'tasks', count: count('tasks') },
    { label: 'quotes', count: count('quotes') },
    { label: 'tags', count: count('tags') },
  ];
  return {
    id: row.id,
    name: recordName(kind, row),
    version: row.updated_at,
    createdAt: Number(row.created_at),
    addedOn: dateInZone(Number(row.created_at), getWorkspace(db).timezone),
    values,
    otherEmails: splitLines(row.other_emails),
    otherPhones: splitLines(row.other_phones),
    counts,
    deals: count('deals'),
  };
}

/** A field as the merge page offers it: whether the records differ, and the pick by default for either record kept. */
export type MergeFieldView = { key: string; label: string; combinable: boolean; differs: boolean; defaults: Record<number, string> };

export type MergeView =
  | { ok: false; message: string; mergedIntoId: number | null }
  | { ok: true; sides: [MergeSide, MergeSide]; fields: MergeFieldView[]; defaultKeepId: number };

/**
 * Everything the merge page shows for `?ids=A,B`: both records, their fields and the default picks
 * (lib/customers/merge.ts), or why there is nothing to merge.
 */
export function getMergeView(db: Db, kind: MergeKind, rawIds: unknown, viewer: SessionUser): MergeView {
  const noun = MERGE_NOUNS[kind];
  const ids = parseMergeIds(rawIds);
  if (!ids) return { ok: false, message: `Pick two different ${noun.many} to merge.`, mergedIntoId: null };
  const [a, b] = ids.map((id) => getMergeSide(db, kind, id, viewer));
  if (!a || !b) {
    const gone = a ? ids[1] : ids[0];
    return { ok: false, message: `One of these ${noun.many} no longer exists. It may have been merged already.`, mergedIntoId: mergedInto(db, kind, gone, viewer) };
  }
  const fields = MERGE_FIELDS[kind].map((field) => {
    const [va, vb] = [a.values[field.key].value, b.values[field.key].value];
    const pick = (keep: MergeSide, other: MergeSide) => {
      const choice = defaultChoice(field, keep.values[field.key].value, other.values[field.key].value);
      return choice === 'both' ? 'both' : String(choice === 'keep' ? keep.id : other.id);
    };
    return {
      key: field.key,
      label: field.label,
      combinable: Boolean(field.combinable),
      differs: String(va ?? '').trim() !== String(vb ?? '').trim(),
      defaults: { [a.id]: pick(a, b), [b.id]: pick(b, a) },
    };
  });
  return { ok: true, sides: [a, b], fields, defaultKeepId: defaultKeep(a, b) };
}
