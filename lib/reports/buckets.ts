// The report rollups (migration report_rollups) sum each figure per UTC day: utc_day = instant ÷ one
// day, in SQL integer division. A period read from them is split into the whole UTC days inside it
// and the partial days at either end, which are read from the raw rows. Together they cover the
// period exactly once, whatever the time zone (a :30 or :45 offset only makes the ends longer).

export const DAY_MS = 86_400_000;

/** Rollup rows with fromDay ≤ utc_day < toDay, plus raw rows in [headFrom, headTo) and [tailFrom, tailTo). */
export type DaySplit = { fromDay: number; toDay: number; headFrom: number; headTo: number; tailFrom: number; tailTo: number };

/** Splits the instants [fromMs, toMs) into whole UTC days and the raw ends; empty parts are [x, x). */
export function splitByUtcDay(fromMs: number, toMs: number): DaySplit {
  // SQL's integer division truncates toward zero, so day 0 would also hold the day before 1970:
  // whole days start at day 1 at the earliest, and anything earlier is read raw.
  const fromDay = Math.max(1, Math.ceil(fromMs / DAY_MS));
  const toDay = Math.floor(toMs / DAY_MS);
  if (toMs <= fromMs) return { fromDay: 0, toDay: 0, headFrom: fromMs, headTo: fromMs, tailFrom: fromMs, tailTo: fromMs };
  if (fromDay >= toDay) return { fromDay: 0, toDay: 0, headFrom: fromMs, headTo: toMs, tailFrom: toMs, tailTo: toMs };
  return { fromDay, toDay, headFrom: fromMs, headTo: fromDay * DAY_MS, tailFrom: toDay * DAY_MS, tailTo: toMs };
}

/** The funnel height of a deal: won deals reached every step; else the highest position its path entered, or -1. */
export const WON_HEIGHT = 1_000_000;

/**
 * A stored path ('3,5,6': the ids of every stage the deal's history entered) as a funnel height,
 * with positions as they are now; stages of other pipelines and deleted stages have none.
 */
export function pathHeight(path: string, won: boolean, positions: Map<number, number>): number {
  if (won) return WON_HEIGHT;
  let top: number | null = null;
  for (const id of path ? path.split(',') : []) {
    const position = positions.get(Number(id));
    if (position !== undefined && (top === null || position > top)) top = position;
  }
  return top ?? -1;
}
