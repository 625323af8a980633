import 'server-only';
import type { Db } from '@/db/client';
import { addMonths, monthStartInstant } from '@/lib/forecast/periods';
import { pathHeight, splitByUtcDay, WON_HEIGHT, type DaySplit } from '@/lib/reports/buckets';
import { averageDays, funnelShares, median, msToHours, rateBp, reachedAtLeast, winRateBp } from '@/lib/reports/formulas';
import { LEAD_STATUS_LABELS } from '@/lib/leads/schemas';
import { LEAD_STATUSES } from '@/db/schema';
import type { ReportRow, ReportTableKey } from '@/lib/reports/tables';

export type ReportQuery = { fromMs: number; toMs: number; from: string; to: string; timeZone: string; pipelineId: number; now: number };

// Every figure is read from the per-day rollups (migration report_rollups, kept exact by triggers)
// for the whole UTC days of the period, plus the raw rows of the partial days at either end: rows per
// day and key, however many deals there are. `edge` holds those two raw ranges (lib/reports/buckets.ts).
const EDGE = 'edge(s, e) as (values (@headFrom, @headTo), (@tailFrom, @tailTo))';
const inDays = (table: string) => `${table}.utc_day >= @fromDay and ${table}.utc_day < @toDay`;

type Params = ReportQuery & DaySplit;
const params = (q: ReportQuery): Params => ({ ...q, ...splitByUtcDay(q.fromMs, q.toMs) });

// Deals won and lost in the period by owner id (0: no owner), with won value and the sum of their cycles.
const CLOSED_BY_OWNER = `${EDGE}, x(owner_id, w, l, cents, cycle) as (
  select r.owner_id, r.won, r.lost, r.won_cents, r.won_cycle_ms from report_closed_by_owner r where r.pipeline_id = @pipelineId and ${inDays('r')}
  union all
  select coalesce(d.owner_id, 0), d.status = 'won', d.status = 'lost', iif(d.status = 'won', d.value_cents, 0), iif(d.status = 'won', d.closed_at - d.created_at, 0)
  from edge join deals d on d.status in ('won', 'lost') and d.closed_at >= edge.s and d.closed_at < edge.e and d.pipeline_id = @pipelineId)`;

function winRateBy(db: Db, p: Params, by: 'owner' | 'source'): ReportRow[] {
  const sql =
    by === 'owner'
      ? `with ${CLOSED_BY_OWNER}
         select coalesce(u.name, 'No owner') as name, sum(x.w) as won, sum(x.l) as lost, sum(x.cents) as wonCents
         from x left join users u on u.id = x.owner_id group by 1 order by won desc, name`
      : `with ${EDGE}, x(source, w, l, cents) as (
           select r.source, r.won, r.lost, r.won_cents from report_closed_by_source r where r.pipeline_id = @pipelineId and ${inDays('r')}
           union all
           select d.source, d.status = 'won', d.status = 'lost', iif(d.status = 'won', d.value_cents, 0)
           from edge join deals d on d.status in ('won', 'lost') and d.closed_at >= edge.s and d.closed_at < edge.e and d.pipeline_id = @pipelineId)
         select coalesce(nullif(source, ''), 'Unknown') as name, sum(w) as won, sum(l) as lost, sum(cents) as wonCents from x group by 1 order by won desc, name`;
  const rows = db.$client.prepare(sql).all(p) as { name: string; won: number; lost: number; wonCents: number }[];
  return rows.map((r) => ({ ...r, winRateBp: winRateBp(r.won, r.lost) }));
}

/** Of the deals created in the period, how many reached each stage (won deals reached them all). */
function funnel(db: Db, p: Params): ReportRow[] {
  const stages = db.$client.prepare('select id, name, position from stages where pipeline_id = ? order by position').all(p.pipelineId) as { id: number; name: string; position: number }[];
  // Whole days: the cohort's stored paths (stage ids), mapped to today's positions here.
  const positions = new Map(stages.map((st) => [st.id, st.position]));
  const paths = db.$client
    .prepare(`select path, won, sum(deals) as n from report_created_by_path r where r.pipeline_id = @pipelineId and ${inDays('r')} group by path, won`)
    .all(p) as { path: string; won: number; n: number }[];
  const heights = paths.map((r) => ({ top: pathHeight(r.path, r.won === 1, positions), n: r.n }));
  // The raw ends: each deal's highest stage position from its history, stage → position as a CASE.
  const position = stages.length ? `case h.to_stage_id ${stages.map((st) => `when ${Number(st.id)} then ${Number(st.position)}`).join(' ')} end` : 'null';
  const raw = db.$client
    .prepare(
      `with ${EDGE}
       select top, count(*) as n from (
         select case when d.status = 'won' then ${WON_HEIGHT}
                     else coalesce((select max(${position}) from deal_stage_history h where h.deal_id = d.id), -1) end as top
         from edge join deals d on d.pipeline_id = @pipelineId and d.created_at >= edge.s and d.created_at < edge.e)
       group by top`,
    )
    .all(p) as { top: number; n: number }[];
  heights.push(...raw);
  const created = heights.reduce((sum, h) => sum + h.n, 0);
  const steps = [
    { name: 'Created', reached: created },
    ...stages.map((st) => ({ name: st.name, reached: reachedAtLeast(heights, st.position) })),
    { name: 'Won', reached: reachedAtLeast(heights, WON_HEIGHT) },
  ];
  const shares = funnelShares(created, steps.map((s) => s.reached));
  return steps.map((s, i) => ({ name: s.name, reached: s.reached, shareBp: shares[i] }));
}

/**
 * Average time between entering a stage and leaving it (the next move or the close; now, if the deal
 * is still there), for stays begun in the period. Open stays last now - at: open_stays × now - open_at.
 */
function timeInStage(db: Db, p: Params): ReportRow[] {
  const rows = db.$client
    .prepare(
      `with ${EDGE}, x(stage_id, stays, ms) as (
         select r.stage_id, r.stays, r.left_ms + r.open_stays * @now - r.open_at
         from stages st join report_stays r on r.stage_id = st.id and ${inDays('r')} where st.pipeline_id = @pipelineId
         union all
         select h.to_stage_id, 1, coalesce(h.left_at, @now) - h.at
         from stages st join edge join deal_stage_history h on h.to_stage_id = st.id and h.at >= edge.s and h.at < edge.e where st.pipeline_id = @pipelineId)
       select st.name, coalesce(sum(x.stays), 0) as stays, coalesce(sum(x.ms), 0) as totalMs
       from stages st left join x on x.stage_id = st.id where st.pipeline_id = @pipelineId group by st.id order by st.position`,
    )
    .all(p) as { name: string; stays: number; totalMs: number }[];
  return rows.map((r) => ({ name: r.name, stays: r.stays, avgDays: averageDays(r.totalMs, r.stays) }));
}

function createdVsWon(db: Db, p: Params): ReportRow[] {
  const months: string[] = [];
  for (let m = p.from.slice(0, 7); m <= p.to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  const starts = [...months, addMonths(months[months.length - 1], 1)].map((m) => monthStartInstant(m, p.timeZone));
  // Each month of the period split like the period itself: its whole UTC days and its raw ends.
  const segments = JSON.stringify(months.map((month, i) => ({ month, ...splitByUtcDay(Math.max(p.fromMs, starts[i]), Math.min(p.toMs, starts[i + 1])) })));
  return db.$client
    .prepare(
      `with b(month, fd, td, hf, ht, tf, tt) as materialized (
         select value ->> 'month', value ->> 'fromDay', value ->> 'toDay', value ->> 'headFrom', value ->> 'headTo', value ->> 'tailFrom', value ->> 'tailTo' from json_each(@segments)),
       edge(month, s, e) as (select month, hf, ht from b union all select month, tf, tt from b),
       x(month, created, won, cents) as (
         select b.month, sum(r.deals), 0, 0 from b join report_created_by_path r on r.pipeline_id = @pipelineId and r.utc_day >= b.fd and r.utc_day < b.td group by b.month
         union all
         select b.month, 0, sum(r.won), sum(r.won_cents) from b join report_closed_by_owner r on r.pipeline_id = @pipelineId and r.utc_day >= b.fd and r.utc_day < b.td group by b.month
         union all
         select edge.month, count(*), 0, 0 from edge join deals d on d.pipeline_id = @pipelineId and d.created_at >= edge.s and d.created_at < edge.e group by edge.month
         union all
         select edge.month, 0, count(*), sum(d.value_cents) from edge join deals d on d.status = 'won' and d.closed_at >= edge.s and d.closed_at < edge.e and d.pipeline_id = @pipelineId group by edge.month)
       select b.month, coalesce(sum(x.created), 0) as created, coalesce(sum(x.won), 0) as won, coalesce(sum(x.cents), 0) as wonCents
       from b left join x on x.month = b.month group by b.month order by b.month`,
    )
    .all({ pipelineId: p.pipelineId, segments }) as ReportRow[];
}

function lostReasons(db: Db, p: Params): ReportRow[] {
  return db.$client
    .prepare(
      `with ${EDGE}, x(reason, n, cents) as (
         select r.reason, r.deals, r.value_cents from report_lost_by_reason r where r.pipeline_id = @pipelineId and ${inDays('r')}
         union all
         select d.lost_reason, 1, d.value_cents from edge join deals d on d.status = 'lost' and d.closed_at >= edge.s and d.closed_at < edge.e and d.pipeline_id = @pipelineId)
       select coalesce(nullif(reason, ''), 'No reason given') as name, sum(n) as deals, sum(cents) as valueCents from x group by 1 order by deals desc, name`,
    )
    .all(p) as ReportRow[];
}

function leaderboard(db: Db, p: Params): ReportRow[] {
  const closed = db.$client.prepare(`with ${CLOSED_BY_OWNER} select owner_id as id, sum(w) as won, sum(l) as lost, sum(cents) as wonCents from x group by owner_id`).all(p) as {
    id: number;
    won: number;
    lost: number;
    wonCents: number;
  }[];
  // Open weighted pipeline as of now: already summed per owner and stage, each deal rounded on its own.
  const weighted = db.$client.prepare('select owner_id as id, sum(weighted_cents) as cents from report_open_weighted where pipeline_id = ? group by owner_id').all(p.pipelineId) as {
    id: number;
    cents: number;
  }[];
  const people = db.$client
    .prepare(
      `select u.id, u.name,
              (select coalesce(sum(r.done), 0) from report_activities r where r.owner_id = u.id and ${inDays('r')})
              + (select count(*) from activities a where a.owner_id = u.id and a.done_at >= @headFrom and a.done_at < @headTo)
              + (select count(*) from activities a where a.owner_id = u.id and a.done_at >= @tailFrom and a.done_at < @tailTo) as activities
       from users u where u.active = 1 and u.role != 'admin'`,
    )
    .all(p) as { id: number; name: string; activities: number }[];
  const closedBy = new Map(closed.map((c) => [c.id, c]));
  const weightedBy = new Map(weighted.map((w) => [w.id, w.cents]));
  return people
    .map((u) => {
      const c = closedBy.get(u.id);
      return { name: u.name, wonCents: c?.wonCents ?? 0, weightedCents: weightedBy.get(u.id) ?? 0, activities: u.activities, winRateBp: winRateBp(c?.won ?? 0, c?.lost ?? 0) };
    })
    .sort((a, b) => b.wonCents - a.wonCents || a.name.localeCompare(b.name));
}

// ─── Leads (issue 14) ────────────────────────────────────────────────────────────────────────────
// Leads created in the period (leads_created_idx), spam left out; any pipeline. A lead counts as
// qualified when it is Qualified or Converted now, or was ever set to Qualified (its history), and
// as reaching a deal or a won deal through the deal its conversion created (leads.deal_id). A lead
// of the period was qualified after it arrived, so its history is read from the period's start on
// (lead_events_kind_idx), once, as a set.
const LEADS_IN_PERIOD = 'l.created_at >= @fromMs and l.created_at < @toMs and l.spam = 0';

function leadsBySource(db: Db, p: Params): ReportRow[] {
  const rows = db.$client
    .prepare(
      `select coalesce(s.name, 'No source') as name, count(*) as leads,
              sum(l.status in ('qualified', 'converted') or l.id in (select e.lead_id from lead_events e where e.kind = 'status' and e.to_value = 'qualified' and e.at >= @fromMs)) as qualified,
              sum(l.deal_id is not null) as deals, coalesce(sum(d.status = 'won'), 0) as won, coalesce(sum(iif(d.status = 'won', d.value_cents, 0)), 0) as wonCents
       from leads l left join lead_sources s on s.id = l.source_id left join deals d on d.id = l.deal_id
       where ${LEADS_IN_PERIOD}
       group by l.source_id order by leads desc, name`,
    )
    .all(p) as { name: string; leads: number; qualified: number; deals: number; won: number; wonCents: number }[];
  return rows.map((r) => ({ name: r.name, leads: r.leads, qualifiedBp: rateBp(r.qualified, r.leads), dealBp: rateBp(r.deals, r.leads), wonBp: rateBp(r.won, r.leads), wonCents: r.wonCents }));
}

/** Per owner of the leads created in the period: how many were contacted, and the median wait for it. */
function leadFirstContact(db: Db, p: Params): ReportRow[] {
  const rows = db.$client
    .prepare(
      `select coalesce(l.owner_id, 0) as ownerId, l.first_contacted_at - l.created_at as ms
       from leads l where ${LEADS_IN_PERIOD}`,
    )
    .raw()
    .all(p) as [number, number | null][];
  const byOwner = new Map<number, { leads: number; waits: number[] }>();
  for (const [owner, ms] of rows) {
    const o = byOwner.get(owner) ?? { leads: 0, waits: [] };
    o.leads++;
    if (ms !== null) o.waits.push(Math.max(0, ms));
    byOwner.set(owner, o);
  }
  const names = new Map((db.$client.prepare('select id, name from users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  return [...byOwner]
    .map(([owner, o]) => ({ name: names.get(owner) ?? 'No owner', leads: o.leads, contacted: o.waits.length, medianHours: msToHours(median(o.waits)) }))
    .sort((a, b) => (a.medianHours ?? Infinity) - (b.medianHours ?? Infinity) || a.name.localeCompare(b.name));
}

/** The leads created in the period by their status now, in the statuses' order. */
function leadFunnel(db: Db, p: Params): ReportRow[] {
  const counts = new Map(
    (db.$client.prepare(`select l.status, count(*) as n from leads l where ${LEADS_IN_PERIOD} group by l.status`).all(p) as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  return LEAD_STATUSES.map((status) => ({ name: LEAD_STATUS_LABELS[status], leads: counts.get(status) ?? 0, shareBp: rateBp(counts.get(status) ?? 0, total) }));
}

export type SalesCycle = { wonDeals: number; avgDays: number | null };

/** Average days from creation to won, for deals won in the period. */
export function getSalesCycle(db: Db, q: ReportQuery): SalesCycle {
  const r = db.$client.prepare(`with ${CLOSED_BY_OWNER} select coalesce(sum(w), 0) as n, coalesce(sum(cycle), 0) as total from x`).get(params(q)) as { n: number; total: number };
  return { wonDeals: r.n, avgDays: averageDays(r.total, r.n) };
}

export function getReportTable(db: Db, key: ReportTableKey, q: ReportQuery): ReportRow[] {
  const p = params(q);
  switch (key) {
    case 'win-rate-by-rep':
      return winRateBy(db, p, 'owner');
    case 'win-rate-by-source':
      return winRateBy(db, p, 'source');
    case 'funnel':
      return funnel(db, p);
    case 'time-in-stage':
      return timeInStage(db, p);
    case 'created-vs-won':
      return createdVsWon(db, p);
    case 'lost-reasons':
      return lostReasons(db, p);
    case 'leaderboard':
      return leaderboard(db, p);
    case 'leads-by-source':
      return leadsBySource(db, p);
    case 'lead-first-contact':
      return leadFirstContact(db, p);
    case 'lead-funnel':
      return leadFunnel(db, p);
  }
}
