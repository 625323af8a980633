import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { LEAD_LIST_FIELDS, type LeadListKind } from '@/lib/leads/scoring';
import { logChange } from './lead-scoring';
import type { SessionUser } from './users';

// The admin's two lead lists: where leads come from (sources) and why they are disqualified
// (reasons). Names are unique whatever their case; a deactivated one stays on the leads that have
// it but is no longer offered. Every change is kept in the workspace's history, beside the scoring's.

const TABLES: Record<LeadListKind, string> = { sources: 'lead_sources', reasons: 'disqualify_reasons' };
const GONE = 'That item no longer exists. Reload the page.';

export type LeadListItem = { id: number; label: string; active: boolean };

export function listLeadList(db: Db, kind: LeadListKind): LeadListItem[] {
  return (db.$client.prepare(`select id, name as label, active from ${TABLES[kind]} order by position, id`).all() as { id: number; label: string; active: number }[]).map((r) => ({
    ...r,
    active: r.active === 1,
  }));
}

function assertUnique(db: Db, kind: LeadListKind, name: string, exceptId: number) {
  const clash = db.$client.prepare(`select 1 from ${TABLES[kind]} where name = ? collate nocase and id != ?`).get(name, exceptId);
  if (clash) throw new AppError('That name is already on the list.', { label: 'That name is already on the list.' });
}

function nameOf(db: Db, kind: LeadListKind, id: number): string {
  const row = db.$client.prepare(`select name from ${TABLES[kind]} where id = ?`).get(id) as { name: string } | undefined;
  if (!row) throw new AppError(GONE);
  return row.name;
}

export function addLeadListItem(db: Db, kind: LeadListKind, name: string, actor: SessionUser, now = Date.now()): { id: number } {
  return db.transaction(() => {
    assertUnique(db, kind, name, 0);
    const { next } = db.$client.prepare(`select coalesce(max(position), 0) + 1 as next from ${TABLES[kind]}`).get() as { next: number };
    const id = Number(db.$client.prepare(`insert into ${TABLES[kind]} (name, position, created_at) values (?, ?, ?)`).run(name, next, now).lastInsertRowid);
    logChange(db, LEAD_LIST_FIELDS[kind], null, name, actor, now);
    return { id };
  });
}

/** A new name for an item; the leads that have it show the new name (they point at it by id). */
export function renameLeadListItem(db: Db, kind: LeadListKind, id: number, name: string, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const before = nameOf(db, kind, id);
    if (before === name) return;
    assertUnique(db, kind, name, id);
    db.$client.prepare(`update ${TABLES[kind]} set name = ? where id = ?`).run(name, id);
    logChange(db, LEAD_LIST_FIELDS[kind], before, name, actor, now);
  });
}

/** Swaps an item with its neighbour and renumbers the list from 1. */
export function moveLeadListItem(db: Db, kind: LeadListKind, id: number, direction: 'up' | 'down'): void {
  db.transaction(() => {
    const ids = (db.$client.prepare(`select id from ${TABLES[kind]} order by position, id`).all() as { id: number }[]).map((r) => r.id);
    const i = ids.indexOf(id);
    if (i === -1) throw new AppError(GONE);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    const set = db.$client.prepare(`update ${TABLES[kind]} set position = ? where id = ?`);
    ids.forEach((rowId, position) => set.run(position + 1, rowId));
  });
}

export function setLeadListItemActive(db: Db, kind: LeadListKind, id: number, active: boolean, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const name = nameOf(db, kind, id);
    const { changes } = db.$client.prepare(`update ${TABLES[kind]} set active = ? where id = ? and active != ?`).run(active ? 1 : 0, id, active ? 1 : 0);
    if (changes) logChange(db, LEAD_LIST_FIELDS[kind], active ? `${name} (off)` : name, active ? name : `${name} (off)`, actor, now);
  });
}
