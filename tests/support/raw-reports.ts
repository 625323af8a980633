// The reports as straightforward SQL over the raw rows for the whole period: what db/queries/reports.ts
// computed before the rollups, kept as the reference that the rollups must equal (tests/report-rollups.test.ts).
import type { Db } from '@/db/client';
import { getReportTable, type ReportQuery, type SalesCycle } from '@/db/queries/reports';
import { WEIGHTED_SQL } from '@/lib/deals/probability';
import { addMonths, monthStartInstant } from '@/lib/forecast/periods';
import { averageDays, funnelShares, reachedAtLeast, winRateBp } from '@/lib/reports/formulas';
import type { ReportRow, ReportTableKey } from '@/lib/reports/tables';

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
  const stages = db.$client.prepare('select id, name, position from stages where pipeline_id = ? order by position').all(q.pipelineId) as { id: number; name: string; position: number }[];
  // Stage → position as a CASE over the pipeline's few stages (integers from our own table), which
  // reads each deal's history from its covering index without joining stages row by row.
  const position = stages.length ? `case h.to_stage_id ${stages.map((st) => `when ${Number(st.id)} then ${Number(st.position)}`).join(' ')} end` : 'null';
  // One pass over the cohort: how far each deal got (its highest stage position), counted per height.
  const heights = db.$client
    .prepare(
      `select top, count(*) as n from (
         select case when d.status = 'won' then 1000000
                     else coalesce((select max(${position}) from deal_stage_history h where h.deal_id = d.id), -1) end as top
         from deals d where d.created_at >= @fromMs and d.created_at < @toMs and d.pipeline_id = @pipelineId)
       group by top`,
    )
    .all(q) as { top: number; n: number }[];
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
 * Average time between entering a stage and leaving it (the next move or the close; now, if the deal
 * is still there), for stays begun in the period: one sum over the (stage, entered, left) index.
 */
function timeInStage(db: Db, q: ReportQuery): ReportRow[] {
  const rows = db.$client
    .prepare(
      `select st.name, count(h.id) as stays, coalesce(sum(coalesce(h.left_at, @now) - h.at), 0) as totalMs
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
  // One GROUP BY per figure, merged per person, rather than a subquery per person per figure.
  const closed = db.$client
    .prepare(
      `select owner_id as id, sum(status = 'won') as won, sum(status = 'lost') as lost, coalesce(sum(case when status = 'won' then value_cents end), 0) as wonCents
       from deals where status in ('won', 'lost') and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId group by owner_id`,
    )
    .all(q) as { id: number; won: number; lost: number; wonCents: number }[];
  const weighted = db.$client
    .prepare(
      `select d.owner_id as id, sum(${WEIGHTED_SQL}) as cents from deals d cross join stages s on s.id = d.stage_id
       where d.status = 'open' and d.pipeline_id = @pipelineId group by d.owner_id`,
    )
    .all(q) as { id: number; cents: number }[];
  const people = db.$client.prepare(`select id, name from users where active = 1 and role != 'admin'`).all() as { id: number; name: string }[];
  const activity = db.$client.prepare('select count(*) as n from activities where owner_id = ? and done_at >= ? and done_at < ?');
  const closedBy = new Map(closed.map((c) => [c.id, c]));
  const weightedBy = new Map(weighted.map((w) => [w.id, w.cents]));
  return people
    .map((u) => {
      const c = closedBy.get(u.id);
      return {
        name: u.name,
        wonCents: c?.wonCents ?? 0,
        weightedCents: weightedBy.get(u.id) ?? 0,
        activities: (activity.get(u.id, q.fromMs, q.toMs) as { n: number }).n,
        winRateBp: winRateBp(c?.won ?? 0, c?.lost ?? 0),
      };
    })
    .sort((a, b) => b.wonCents - a.wonCents || a.name.localeCompare(b.name));
}


export function rawSalesCycle(db: Db, q: ReportQuery): SalesCycle {
  const r = db.$client
    .prepare(`select count(*) as n, coalesce(sum(closed_at - created_at), 0) as total from deals where status = 'won' and closed_at >= @fromMs and closed_at < @toMs and pipeline_id = @pipelineId`)
    .get(q) as { n: number; total: number };
  return { wonDeals: r.n, avgDays: averageDays(r.total, r.n) };
}

export function rawReportTable(db: Db, key: ReportTableKey, q: ReportQuery): ReportRow[] {
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
    // The lead tables read the raw lead rows already (no rollups): the same query is the reference.
    case 'leads-by-source':
    case 'lead-first-contact':
    case 'lead-funnel':
      return getReportTable(db, key, q);
  }
}
