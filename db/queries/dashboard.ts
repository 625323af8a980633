import 'server-only';
import type { Db } from '@/db/client';
import { WEIGHTED_SQL } from '@/lib/deals/probability';

export type PipelineSummary = { openDeals: number; openCents: number; weightedCents: number; wonThisMonthCents: number; wonThisMonth: number };

/** Headline figures for the dashboard, for one owner or (ownerId null) everyone, in one pass each. */
export function getPipelineSummary(db: Db, ownerId: number | null, monthStartMs: number): PipelineSummary {
  const owner = ownerId === null ? '' : 'and d.owner_id = @ownerId';
  const open = db.$client
    .prepare(
      `select count(*) as openDeals, coalesce(sum(d.value_cents), 0) as openCents, coalesce(sum(${WEIGHTED_SQL}), 0) as weightedCents
       from deals d join stages s on s.id = d.stage_id where d.status = 'open' ${owner}`,
    )
    .get({ ownerId }) as Pick<PipelineSummary, 'openDeals' | 'openCents' | 'weightedCents'>;
  const won = db.$client
    .prepare(
      `select count(*) as wonThisMonth, coalesce(sum(d.value_cents), 0) as wonThisMonthCents
       from deals d where d.status = 'won' and d.closed_at >= @monthStartMs ${owner}`,
    )
    .get({ ownerId, monthStartMs }) as Pick<PipelineSummary, 'wonThisMonth' | 'wonThisMonthCents'>;
  return { ...open, ...won };
}

export function countOpenTasks(db: Db, ownerId: number, today: string): { overdue: number; open: number } {
  return db.$client
    .prepare(
      `select coalesce(sum(due_date < @today), 0) as overdue, count(*) as open
       from activities where owner_id = @ownerId and type = 'task' and done_at is null`,
    )
    .get({ ownerId, today }) as { overdue: number; open: number };
}
