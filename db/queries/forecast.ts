import 'server-only';
import type { Db } from '@/db/client';
import { WEIGHTED_SQL } from '@/lib/deals/probability';
import { AppError } from '@/lib/errors';
import { MONTH, MONTH_MESSAGE } from '@/lib/forecast/goals';
import { addMonths, firstDay, monthStartInstant } from '@/lib/forecast/periods';
import { moneyBoundProblem } from '@/lib/validation/money';
import { checkRefs } from './refs';
import { andScope, dealScope, type Viewer } from './visibility';
import { buildForecastRows, type ForecastRow, type OpenBucket, type WonBucket } from '@/lib/forecast/rows';

export type ForecastQuery = {
  months: string[];
  /** Today in the workspace time zone, 'YYYY-MM-DD'. */
  today: string;
  timeZone: string;
  pipelineId: number | null;
  ownerId: number | null;
  /** Whose view: only deals they may see count (db/queries/visibility.ts). */
  viewer?: Viewer;
};

function scope(db: Db, q: ForecastQuery) {
  return `${q.pipelineId ? 'and d.pipeline_id = @pipelineId' : ''} ${q.ownerId ? 'and d.owner_id = @ownerId' : ''} ${andScope(dealScope(db, q.viewer, 'd'))}`;
}

/** Month instants [start, end) in the workspace zone, as JSON for SQL. */
function monthBounds(months: string[], timeZone: string): string {
  return JSON.stringify(months.map((m) => [m, monthStartInstant(m, timeZone), monthStartInstant(addMonths(m, 1), timeZone)]));
}

/**
 * Open, weighted and won value per month, from three GROUP BYs. Open deals count in the month of
 * their expected close date; those whose date has passed count in the current month (and are
 * reported as overdue). Won deals count in the month they were won, in the workspace's zone.
 */
export function getForecast(db: Db, q: ForecastQuery): { rows: ForecastRow[]; undated: number } {
  const currentMonth = q.today.slice(0, 7);
  const rangeEnd = firstDay(addMonths(q.months[q.months.length - 1], 1));
  const params = { today: q.today, currentMonth, rangeEnd, pipelineId: q.pipelineId, ownerId: q.ownerId };
  const open = db.$client
    .prepare(
      `select case when d.expected_close_date < @today then @currentMonth else substr(d.expected_close_date, 1, 7) end as month,
              count(*) as openDeals, sum(d.value_cents) as openCents, sum(${WEIGHTED_SQL}) as weightedCents,
              sum(d.expected_close_date < @today) as overdueDeals,
              sum(case when d.expected_close_date < @today then ${WEIGHTED_SQL} else 0 end) as overdueWeightedCents
       from deals d cross join stages s on s.id = d.stage_id
       where d.status = 'open' and d.expected_close_date < @rangeEnd ${scope(db, q)}
       group by 1`,
    )
    .all(params) as OpenBucket[];
  const won = db.$client
    .prepare(
      `with b(month, start_at, end_at) as (
         select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(@bounds))
       select b.month as month, count(*) as wonDeals, sum(d.value_cents) as wonCents
       from b join deals d on d.closed_at >= b.start_at and d.closed_at < b.end_at
       where d.status = 'won' ${scope(db, q)}
       group by b.month`,
    )
    .all({ ...params, bounds: monthBounds(q.months, q.timeZone) }) as WonBucket[];
  const goals = db.$client
    .prepare(
      `select month, sum(amount_cents) as cents from goals
       where month in (select value from json_each(@months)) ${q.ownerId ? 'and user_id = @ownerId' : ''} group by month`,
    )
    .all({ months: JSON.stringify(q.months), ownerId: q.ownerId }) as { month: string; cents: number }[];
  const undated = db.$client
    .prepare(`select count(*) as n from deals d where d.status = 'open' and d.expected_close_date is null ${scope(db, q)}`)
    .get(params) as { n: number };
  return { rows: buildForecastRows(q.months, open, won, new Map(goals.map((g) => [g.month, g.cents]))), undated: undated.n };
}

export type RepForecast = { userId: number; name: string; weightedCents: number; wonCents: number; goalCents: number | null };

/** The same range per rep, for managers: weighted pipeline, won and goal side by side, one GROUP BY each. */
export function getRepForecast(db: Db, q: ForecastQuery): RepForecast[] {
  const currentMonth = q.today.slice(0, 7);
  const rangeStart = firstDay(q.months[0]);
  const rangeEnd = firstDay(addMonths(q.months[q.months.length - 1], 1));
  const bounds = JSON.parse(monthBounds(q.months, q.timeZone)) as [string, number, number][];
  const pipeline = `${q.pipelineId ? 'and d.pipeline_id = @pipelineId' : ''} ${andScope(dealScope(db, q.viewer, 'd'))}`;
  const params = {
    rangeStart,
    rangeEnd,
    today: q.today,
    includesCurrent: q.months.includes(currentMonth) ? 1 : 0,
    pipelineId: q.pipelineId,
    wonFrom: bounds[0][1],
    wonTo: bounds[bounds.length - 1][2],
    months: JSON.stringify(q.months),
  };
  const weighted = db.$client
    .prepare(
      `select d.owner_id as userId, sum(${WEIGHTED_SQL}) as cents from deals d cross join stages s on s.id = d.stage_id
       where d.status = 'open' and d.expected_close_date < @rangeEnd
         and (d.expected_close_date >= @rangeStart or (@includesCurrent and d.expected_close_date < @today)) ${pipeline}
       group by d.owner_id`,
    )
    .all(params) as { userId: number; cents: number }[];
  const won = db.$client
    .prepare(`select d.owner_id as userId, sum(d.value_cents) as cents from deals d where d.status = 'won' and d.closed_at >= @wonFrom and d.closed_at < @wonTo ${pipeline} group by d.owner_id`)
    .all(params) as { userId: number; cents: number }[];
  const goals = db.$client
    .prepare(`select user_id as userId, sum(amount_cents) as cents from goals where month in (select value from json_each(@months)) group by user_id`)
    .all(params) as { userId: number; cents: number }[];
  const by = (rows: { userId: number; cents: number }[]) => new Map(rows.map((r) => [r.userId, r.cents]));
  const [w, v, g] = [by(weighted), by(won), by(goals)];
  const people = db.$client.prepare(`select id, name from users where active = 1 and role in ('rep', 'manager') order by name`).all() as { id: number; name: string }[];
  return people.map((u) => ({ userId: u.id, name: u.name, weightedCents: w.get(u.id) ?? 0, wonCents: v.get(u.id) ?? 0, goalCents: g.get(u.id) ?? null }));
}

export function listGoals(db: Db, months: string[]) {
  return db.$client
    .prepare(`select user_id as userId, month, amount_cents as amountCents from goals where month in (select value from json_each(?))`)
    .all(JSON.stringify(months)) as { userId: number; month: string; amountCents: number }[];
}

/**
 * Sets (or clears, with null) each rep's goal for each month, in one transaction. A goal is set only
 * for an existing, active user, a real month and an amount within the money bound; each refused
 * entry is named beside its field (`goal:<userId>:<month>`), and then nothing is saved.
 */
export function saveGoals(db: Db, entries: { userId: number; month: string; amountCents: number | null }[], actorId: number): void {
  const fieldErrors: Record<string, string> = {};
  // One check per rep, not per cell of the grid.
  const ownerProblem = new Map([...new Set(entries.map((e) => e.userId))].map((id) => [id, checkRefs(db, { ownerId: id }).ownerId ?? null]));
  for (const e of entries) {
    const key = `goal:${e.userId}:${e.month}`;
    const problem = !MONTH.test(e.month)
      ? MONTH_MESSAGE
      : e.amountCents === null
        ? null
        : (ownerProblem.get(e.userId) ?? moneyBoundProblem(e.amountCents, { min: 0, message: 'Enter an amount like 25000' }));
    if (problem) fieldErrors[key] = problem;
  }
  const first = Object.values(fieldErrors)[0];
  if (first) throw new AppError(first, fieldErrors);
  const upsert = db.$client.prepare(
    `insert into goals (user_id, month, amount_cents, updated_at, updated_by) values (@userId, @month, @amountCents, @now, @actorId)
     on conflict(user_id, month) do update set amount_cents = excluded.amount_cents, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const remove = db.$client.prepare('delete from goals where user_id = ? and month = ?');
  db.transaction(() => {
    const now = Date.now();
    for (const e of entries) {
      if (e.amountCents === null) remove.run(e.userId, e.month);
      else upsert.run({ ...e, now, actorId });
    }
  });
}
