import 'server-only';
import type { Db } from '@/db/client';
import { WEIGHTED_SQL } from '@/lib/deals/probability';
import { addMonths, monthStartInstant } from '@/lib/forecast/periods';
import { averageDays, funnelShares, reachedAtLeast, winRateBp } from '@/lib/reports/formulas';
import type { ReportRow, ReportTableKey } from '@/lib/reports/tables';

export type ReportQuery = { fromMs: number; toMs: number; from: string; to: string; timeZone: string; pipelineId: number; now: number };

function winRateBy(db: Db, q: ReportQuery, by: 'owner' | 'source'): ReportRow[] {
  const group = by === 'owner' ? `coalesce(u.name, 'No owner')` : `coalesce(nullif(d.source, ''), 'Unknown')`;
  const rows = db.$client
    .prepare(
      `select ${group} as name, sum(d.status = 'won') as won, sum(d.status = 'lost') as lost,
              coalesce(sum(case when d.status = 'won' then d.value_cents end), 0) as wonCents
       from deals d left join users u on u.id = d.owner_id
       where d.status in ('won', 'lost') and d.closed_at >= @fromMs and d.closed_at < @toMs and d.pipeline_id = @pipelineId
       group by 1 order by won desc, name`,
    )
    .all(q) as { name: string; won: number; lost: number; wonCents: number }[];
  return rows.map((r) => ({ ...r, winRateBp: winRateBp(r.won, r.lost) }));
}

/** Of the deals created in the period, how many reached each stage (won deals reached them all). */
function funnel(db: Db, q: ReportQuery): ReportRow[] {
  // One pass over the cohort: how far each deal got (its highest stage position), counted per height.
  const heights = db.$client
    .prepare(
      `select top, count(*) as n from (
         select case when d.status = 'won' then 1000000 else coalesce(max(s.position), -1) end as top
         from deals d left join deal_stage_history h on h.deal_id = d.id left join stages s on s.id = h.to_stage_id
         where d.created_at >= @fromMs and d.created_at < @toMs and d.pipeline_id = @pipelineId
         group by d.id)
       group by top`,
    )
    .all(q) as { top: number; n: number }[];
  const stages = db.$client.prepare('select name, position from stages where pipeline_id = ? order by position').all(q.pipelineId) as { name: string; position: number }[];
  const created = heights.reduce((sum, h) => sum + h.n, 0);
  const steps = [
    { name: 'Created', reached: created },
    ...stages.map((st) => ({ name: st.name, reached: reachedAtLeast(heights, st.position) })),
    { name: 'Won', reached: reachedAtLeast(heights, 1000000) },
  ];
  const shares = funnelShares(created, steps.map((s) => s.reached));
  return steps.map((s, i) => ({ name: s.name, reached: s.reached, shareBp: shares[i] }));
}

/**
 * Average time between entering a stage and leaving it (the next move, else the close, else now),
 * for stays begun in the period; reads the history by (stage, time) and (deal, time) indexes.
 */
function timeInStage(db: Db, q: ReportQuery): ReportRow[] {
  const rows = db.$client
    .prepare(
      `select st.name, count(h.id) as stays,
              coalesce(sum(coalesce(
                (select min(h2.at) from deal_stage_history h2 where h2.deal_id = h.deal_id and h2.at > h.at),
                (select d.closed_at from deals d where d.id = h.deal_id),
                @now) - h.at), 0) as totalMs
       from stages st left join deal_stage_history h on h.to_stage_id = st.id and h.at >= @fromMs and h.at < @toMs
       where st.pipeline_id = @pipelineId group by st.id order by st.position`,
    )
    .all(q) as { name: string; stays: number; totalMs: number }[];
  return rows.map((r) => ({ name: r.name, stays: r.stays, avgDays: averageDays(r.totalMs, r.stays) }));
}

function createdVsWon(db: Db, q: ReportQuery): ReportRow[] {
  const months: string[] = [];
  for (let m = q.from.slice(0, 7); m <= q.to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  const bounds = JSON.stringify(months.map((m) => [m, Math.max(q.fromMs, monthStartInstant(m, q.timeZone)), Math.min(q.toMs, monthStartInstant(addMonths(m, 1), q.timeZone))]));
  return db.$client
    .prepare(
      `with b(month, s, e) as (select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(@bounds))
       select b.month,
              (select count(*) from deals d where d.pipeline_id = @pipelineId and d.created_at >= b.s and d.created_at < b.e) as created,
              (select count(*) from deals d where d.pipeline_id = @pipelineId and d.status = 'won' and d.closed_at >= b.s and d.closed_at < b.e) as won,
              (select coalesce(sum(d.value_cents), 0) from deals d where d.pipeline_id = @pipelineId and d.status = 'won' and d.closed_at >= b.s and d.closed_at < b.e) as wonCents
       from b order by b.month`,
    )
    .all({ ...q, bounds }) as ReportRow[];
}

function lostReasons(db: Db, q: ReportQuery): ReportRow[] {
  return db.$client
    .prepare(
      `select coalesce(nullif(lost_reason, ''), 'No reason given') as name, count(*) as deals, sum(value_cents) as valueCents
       from deals where status = 'lost' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId
       group by 1 order by deals desc, name`,
    )
    .all(q) as ReportRow[];
}

function leaderboard(db: Db, q: ReportQuery): ReportRow[] {
  const rows = db.$client
    .prepare(
      `select u.name,
              (select coalesce(sum(value_cents), 0) from deals where owner_id = u.id and status = 'won' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId) as wonCents,
              (select count(*) from deals where owner_id = u.id and status = 'won' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId) as won,
              (select count(*) from deals where owner_id = u.id and status = 'lost' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId) as lost,
              (select coalesce(sum(${WEIGHTED_SQL}), 0) from deals d join stages s on s.id = d.stage_id where d.owner_id = u.id and d.status = 'open' and d.pipeline_id = @pipelineId) as weightedCents,
              (select count(*) from activities a where a.owner_id = u.id and a.done_at >= @fromMs and a.done_at < @toMs) as activities
       from users u where u.active = 1 and u.role != 'admin'
       order by wonCents desc, u.name`,
    )
    .all(q) as { name: string; wonCents: number; won: number; lost: number; weightedCents: number; activities: number }[];
  return rows.map(({ won, lost, ...r }) => ({ ...r, winRateBp: winRateBp(won, lost) }));
}

export type SalesCycle = { wonDeals: number; avgDays: number | null };

/** Average days from creation to won, for deals won in the period. */
export function getSalesCycle(db: Db, q: ReportQuery): SalesCycle {
  const r = db.$client
    .prepare(`select count(*) as n, coalesce(sum(closed_at - created_at), 0) as total from deals where status = 'won' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId`)
    .get(q) as { n: number; total: number };
  return { wonDeals: r.n, avgDays: averageDays(r.total, r.n) };
}

export function getReportTable(db: Db, key: ReportTableKey, q: ReportQuery): ReportRow[] {
  switch (key) {
    case 'win-rate-by-rep':
      return winRateBy(db, q, 'owner');
    case 'win-rate-by-source':
      return winRateBy(db, q, 'source');
    case 'funnel':
      return funnel(db, q);
    case 'time-in-stage':
      return timeInStage(db, q);
    case 'created-vs-won':
      return createdVsWon(db, q);
    case 'lost-reasons':
      return lostReasons(db, q);
    case 'leaderboard':
      return leaderboard(db, q);
  }
}
