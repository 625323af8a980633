import { divRound } from '@/lib/money';

/** A deal's probability: its own override when set, else its stage's. Both in basis points. */
export function effectiveProbabilityBp(stageBp: number, overrideBp: number | null | undefined): number {
  return overrideBp ?? stageBp;
}

/** value × probability, rounded half away from zero to whole cents, per deal. */
export function weightedCents(valueCents: number, probabilityBp: number): number {
  return divRound(valueCents * probabilityBp, 10_000);
}

/**
 * The same rounding in SQL, for aggregates over many deals. Deal values are never negative, so
 * integer division after adding half the divisor rounds half away from zero exactly as weightedCents.
 */
export const WEIGHTED_SQL = '((d.value_cents * coalesce(d.probability_override_bp, s.probability_bp) + 5000) / 10000)';
