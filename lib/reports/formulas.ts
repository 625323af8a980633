import { divRound } from '@/lib/money';

const DAY = 86_400_000;

/** won ÷ (won + lost) in basis points; null when nothing closed. */
export function winRateBp(won: number, lost: number): number | null {
  return won + lost === 0 ? null : divRound(won * 10_000, won + lost);
}

/** Mean of a total duration over a count, in days with one decimal; null for no samples. */
export function averageDays(totalMs: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((totalMs / count / DAY) * 10) / 10;
}

/** Share of a cohort that reached each step, in basis points. */
export function funnelShares(cohort: number, reached: number[]): (number | null)[] {
  return reached.map((n) => (cohort === 0 ? null : divRound(n * 10_000, cohort)));
}

export function formatBp(bp: number | null): string {
  return bp === null ? '—' : `${(bp / 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** How many deals got at least as far as a stage position, from counts per highest position reached. */
export function reachedAtLeast(heights: { top: number; n: number }[], position: number): number {
  return heights.reduce((sum, h) => (h.top >= position ? sum + h.n : sum), 0);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. Does not sort in place. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** n of a whole in basis points (rounded half away from zero); null when the whole is empty. */
export function rateBp(n: number, whole: number): number | null {
  return whole === 0 ? null : divRound(n * 10_000, whole);
}

/** A duration in hours with one decimal; null stays null. */
export function msToHours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 10) / 10;
}
