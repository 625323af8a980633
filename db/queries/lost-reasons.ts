import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { deals, lostReasons } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** The reasons in the admin's order; `activeOnly` for what reps are offered when a deal is lost. */
export function listLostReasons(db: Db, options: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(lostReasons)
    .where(options.activeOnly ? eq(lostReasons.active, true) : undefined)
    .orderBy(asc(lostReasons.position), asc(lostReasons.id))
    .all();
}

const DUPLICATE = 'That reason is already on the list.';
const GONE = 'That reason no longer exists. Reload the page.';

/** Labels are unique whatever their case, so that reports do not split one reason in two. */
function assertUnique(db: Db, label: string, exceptId?: number) {
  const clash = db
    .select({ id: lostReasons.id })
    .from(lostReasons)
    .where(and(sql`${lostReasons.label} = ${label} collate nocase`, exceptId ? ne(lostReasons.id, exceptId) : undefined))
    .get();
  if (clash) throw new AppError(DUPLICATE, { label: DUPLICATE });
}

export function addLostReason(db: Db, label: string): { id: number } {
  return db.transaction(() => {
    assertUnique(db, label);
    const { next } = db.select({ next: sql<number>`coalesce(max(${lostReasons.position}), -1) + 1` }).from(lostReasons).get()!;
    return db.insert(lostReasons).values({ label, position: next }).returning({ id: lostReasons.id }).get();
  });
}

/**
 * Renames a reason. Deals store the label they were lost with, so deals lost for this reason take the
 * new label too: a rename (a typo, a clearer word) keeps them grouped under one reason in reports.
 */
export function renameLostReason(db: Db, reasonId: number, label: string): { relabelled: number } {
  return db.transaction(() => {
    const reason = db.select().from(lostReasons).where(eq(lostReasons.id, reasonId)).get();
    if (!reason) throw new AppError(GONE);
    if (reason.label === label) return { relabelled: 0 };
    assertUnique(db, label, reasonId);
    db.update(lostReasons).set({ label }).where(eq(lostReasons.id, reasonId)).run();
    const { changes } = db
      .update(deals)
      .set({ lostReason: label })
      .where(and(eq(deals.status, 'lost'), eq(deals.lostReason, reason.label)))
      .run();
    return { relabelled: changes };
  });
}

/** Swaps a reason with its neighbour and renumbers the list 0..n-1. */
export function moveLostReason(db: Db, reasonId: number, direction: 'up' | 'down'): void {
  db.transaction(() => {
    const all = db.select({ id: lostReasons.id }).from(lostReasons).orderBy(asc(lostReasons.position), asc(lostReasons.id)).all();
    const i = all.findIndex((r) => r.id === reasonId);
    if (i === -1) throw new AppError(GONE);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j], all[i]];
    all.forEach((r, position) => db.update(lostReasons).set({ position }).where(eq(lostReasons.id, r.id)).run());
  });
}

/** A deactivated reason stays on the deals lost for it but is no longer offered. */
export function setLostReasonActive(db: Db, reasonId: number, active: boolean): void {
  const { changes } = db.update(lostReasons).set({ active }).where(eq(lostReasons.id, reasonId)).run();
  if (changes === 0) throw new AppError(GONE);
}
