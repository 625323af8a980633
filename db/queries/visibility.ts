import 'server-only';
import type { Db } from '@/db/client';
import { seesEveryone } from '@/lib/auth/roles';
import type { SessionUser } from './users';
import { getWorkspace } from './workspace';

// Who sees what (the workspace's "Reps see"). With 'own', a rep sees:
//   deals        they own;
//   contacts     they own, or that a deal of theirs is with (deals.contact_id);
//   companies    they own, or that a deal of theirs is with (deals.company_id);
//   activities   (tasks too) they own, or that belong to a deal of theirs;
//   quotes       they own (the creator owns a quote), or that belong to a deal of theirs;
//   leads        they own.
// "Yours, or on a deal of yours", the same rule for every kind. Managers and admins, and everyone
// while the setting is 'everything', see everything.
//
// Every read path that lists or opens these records adds the condition from here to its WHERE (or
// to a join's ON, for rows it rolls up), so a new screen asks this file rather than re-deciding.
// A record out of scope reads exactly like one that does not exist.
//
// The helpers return a raw SQL condition on a table alias (the queries are written for better-sqlite3),
// or undefined when nothing is hidden. The viewer's id is inlined as an integer literal, checked to be
// one, so callers need not thread a parameter through statements that use positional or named ones.
// Each condition reads indexed columns only: the owner column (deals_owner_idx, contacts_owner_idx,
// companies_owner_idx, activities_owner_due_idx, quotes_owner_idx) and the deal's own row by id, or the
// viewer's deals by owner (deals_owner_idx) for contacts and companies.

export type Viewer = Pick<SessionUser, 'id' | 'role'>;

/** The id reads are narrowed to, or null when this viewer sees everything. */
export function scopedViewerId(db: Db, viewer: Viewer | null | undefined): number | null {
  if (!viewer || seesEveryone(viewer.role)) return null;
  if (getWorkspace(db).repsSee !== 'own') return null;
  if (!Number.isSafeInteger(viewer.id) || viewer.id <= 0) throw new Error('A viewer id must be a positive integer');
  return viewer.id;
}

/** A deal the viewer may see: `alias` names the deals row. */
export function dealScope(db: Db, viewer: Viewer | null | undefined, alias = 'd'): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : dealCondition(id, alias);
}

/** Whether a condition checks one row already found (by id) or filters a list. */
type Shape = { one?: boolean };

/** A contact the viewer may see: theirs, or the contact of one of their deals. */
export function contactScope(db: Db, viewer: Viewer | null | undefined, alias = 'c', shape: Shape = {}): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : linkedCondition(id, alias, 'contact_id', shape);
}

/** A company the viewer may see: theirs, or the company of one of their deals. */
export function companyScope(db: Db, viewer: Viewer | null | undefined, alias = 'co', shape: Shape = {}): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : linkedCondition(id, alias, 'company_id', shape);
}

/** An activity or task the viewer may see: theirs, or on one of their deals. */
export function activityScope(db: Db, viewer: Viewer | null | undefined, alias = 'a'): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : ownedOrOnDeal(id, alias);
}

/** A quote the viewer may see: theirs, or on one of their deals. */
export function quoteScope(db: Db, viewer: Viewer | null | undefined, alias = 'q'): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : ownedOrOnDeal(id, alias);
}

/** A lead the viewer may see: one they own (a lead has no deal yet to be linked through). */
export function leadScope(db: Db, viewer: Viewer | null | undefined, alias = 'l'): string | undefined {
  const id = scopedViewerId(db, viewer);
  return id === null ? undefined : `${alias}.owner_id = ${id}`;
}

const dealCondition = (id: number, alias: string) => `${alias}.owner_id = ${id}`;

// For a list, the contacts or companies of the viewer's deals are one pass over deals_owner_idx
// (which covers contact_id and company_id), a set built once per statement that each row is checked
// against. The unary + keeps SQLite from answering the OR with two index lookups and a sort of every
// visible row: a list then walks its sort index and stops at the page's end, a count scans the owner
// index. For one row already found by id, the deals of that contact or company are looked up instead
// (deals_contact_idx, deals_company_idx), which does not build the set.
const linkedCondition = (id: number, alias: string, column: 'contact_id' | 'company_id', shape: Shape) =>
  shape.one
    ? `(${alias}.owner_id = ${id} or exists (select 1 from deals vd where vd.${column} = ${alias}.id and vd.owner_id = ${id}))`
    : `(+${alias}.owner_id = ${id} or +${alias}.id in (select vd.${column} from deals vd where vd.owner_id = ${id}))`;

const ownedOrOnDeal = (id: number, alias: string) =>
  `(${alias}.owner_id = ${id} or exists (select 1 from deals vd where vd.id = ${alias}.deal_id and vd.owner_id = ${id}))`;

/** `and <condition>` for appending to a WHERE, or '' when nothing is hidden. */
export function andScope(condition: string | undefined): string {
  return condition ? `and ${condition}` : '';
}

/** The condition, or an always-true one, for placing where a condition must stand. */
export function scopeOrTrue(condition: string | undefined): string {
  return condition ?? '1';
}

export type RecordKind = 'deal' | 'contact' | 'company' | 'activity' | 'quote' | 'lead';

const TABLES: Record<RecordKind, { table: string; scope: (db: Db, viewer: Viewer | null | undefined, alias: string, shape: Shape) => string | undefined }> = {
  deal: { table: 'deals', scope: dealScope },
  contact: { table: 'contacts', scope: contactScope },
  company: { table: 'companies', scope: companyScope },
  activity: { table: 'activities', scope: activityScope },
  quote: { table: 'quotes', scope: quoteScope },
  lead: { table: 'leads', scope: leadScope },
};

/** Whether the record exists and the viewer may see it: what a write checks before touching it. */
export function canSee(db: Db, viewer: Viewer | null | undefined, kind: RecordKind, id: number): boolean {
  const { table, scope } = TABLES[kind];
  return Boolean(db.$client.prepare(`select 1 from ${table} x where x.id = ? ${andScope(scope(db, viewer, 'x', { one: true }))}`).get(id));
}
