import { divRound } from '@/lib/money';

export type OpenBucket = { month: string; openDeals: number; openCents: number; weightedCents: number; overdueDeals: number; overdueWeightedCents: number };
export type WonBucket = { month: string; wonDeals: number; wonCents: number };

export type ForecastRow = {
  month: string;
  openDeals: number;
  openCents: number;
  weightedCents: number;
  wonDeals: number;
  wonCents: number;
  goalCents: number | null;
  /** Won ÷ goal in basis points, when there is a goal. */
  attainmentBp: number | null;
  overdueDeals: number;
  overdueWeightedCents: number;
};

/** One row per month of the range, from the SQL aggregates; months without deals are zero rows. */
export function buildForecastRows(months: string[], open: OpenBucket[], won: WonBucket[], goals: Map<string, number>): ForecastRow[] {
  const openBy = new Map(open.map((o) => [o.month, o]));
  const wonBy = new Map(won.map((w) => [w.month, w]));
  return months.map((month) => {
    const o = openBy.get(month);
    const w = wonBy.get(month);
    const goal = goals.has(month) ? goals.get(month)! : null;
    const wonCents = w?.wonCents ?? 0;
    return {
      month,
      openDeals: o?.openDeals ?? 0,
      openCents: o?.openCents ?? 0,
      weightedCents: o?.weightedCents ?? 0,
      wonDeals: w?.wonDeals ?? 0,
      wonCents,
      goalCents: goal,
      attainmentBp: goal ? divRound(wonCents * 10_000, goal) : null,
      overdueDeals: o?.overdueDeals ?? 0,
      overdueWeightedCents: o?.overdueWeightedCents ?? 0,
    };
  });
}

export function totalRow(rows: ForecastRow[]): Omit<ForecastRow, 'month'> {
  const sum = (k: keyof ForecastRow) => rows.reduce((n, r) => n + ((r[k] as number | null) ?? 0), 0);
  const goals = rows.some((r) => r.goalCents !== null) ? sum('goalCents') : null;
  const wonCents = sum('wonCents');
  return {
    openDeals: sum('openDeals'),
    openCents: sum('openCents'),
    weightedCents: sum('weightedCents'),
    wonDeals: sum('wonDeals'),
    wonCents,
    goalCents: goals,
    attainmentBp: goals ? divRound(wonCents * 10_000, goals) : null,
    overdueDeals: sum('overdueDeals'),
    overdueWeightedCents: sum('overdueWeightedCents'),
  };
}

export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}
