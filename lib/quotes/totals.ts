import { divRoundBig, groupedDecimal, MAX_AMOUNT_CENTS } from '@/lib/money';

// The money rules of a quote, written once: the builder shows these figures as you type, the server
// stores them when the quote is saved, and the PDF prints what was stored.
//
// Everything is integer: cents, quantities in thousandths, percentages in basis points. Each amount
// is one exact product divided once and rounded half away from zero:
//   line gross    = round(quantity × unit price)
//   line net      = round(quantity × unit price × (1 − discount))
//   line discount = gross − net
//   net total     = Σ line nets
//   tax per rate  = round(Σ nets of the lines with that rate × rate), once per rate
//   total         = net total + Σ taxes

/** A priced line; section headings (kind 'section') carry no money and are skipped by the totals. */
export type PricedLine = { kind?: 'item' | 'section'; quantityMilli: number; unitPriceCents: number; discountBp: number; taxRateBp: number };
export type LineAmounts = { grossCents: number; netCents: number; discountCents: number };
export type TaxRow = { rateBp: number; baseCents: number; taxCents: number };
export type QuoteTotals = { subtotalCents: number; discountCents: number; netCents: number; taxes: TaxRow[]; taxCents: number; totalCents: number };

export function lineAmounts(line: PricedLine): LineAmounts {
  const amount = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents);
  const grossCents = Number(divRoundBig(amount, 1000n));
  const netCents = Number(divRoundBig(amount * BigInt(10_000 - line.discountBp), 10_000_000n));
  return { grossCents, netCents, discountCents: grossCents - netCents };
}

export function quoteTotals(lines: PricedLine[]): QuoteTotals {
  let subtotalCents = 0;
  let netCents = 0;
  const baseByRate = new Map<number, number>();
  for (const line of lines) {
    if (line.kind === 'section') continue;
    const amounts = lineAmounts(line);
    subtotalCents += amounts.grossCents;
    netCents += amounts.netCents;
    baseByRate.set(line.taxRateBp, (baseByRate.get(line.taxRateBp) ?? 0) + amounts.netCents);
  }
  // Zero-rated lines have nothing to show in the tax rows; their nets are still in the net total.
  const taxes = [...baseByRate.entries()]
    .filter(([rateBp]) => rateBp !== 0)
    .sort(([a], [b]) => a - b)
    .map(([rateBp, baseCents]) => ({ rateBp, baseCents, taxCents: Number(divRoundBig(BigInt(baseCents) * BigInt(rateBp), 10_000n)) }));
  const taxCents = taxes.reduce((sum, t) => sum + t.taxCents, 0);
  return { subtotalCents, discountCents: subtotalCents - netCents, netCents, taxes, taxCents, totalCents: netCents + taxCents };
}

export const TOTAL_NEGATIVE_MESSAGE = "A quote's total cannot be below zero: credit lines may bring it down to 0 at most";
export const TOTAL_TOO_LARGE_MESSAGE = `A quote's total may be at most ${groupedDecimal(MAX_AMOUNT_CENTS)}: split it into several quotes`;

/**
 * Why these totals cannot be saved, sent or accepted, or null when they can: the net total (what a
 * deal is won at) and the grand total must lie within 0 and the money bound (lib/money.ts).
 * Negative lines (credits) are fine as long as the totals are not negative.
 */
export function totalsProblem(totals: Pick<QuoteTotals, 'netCents' | 'totalCents'>): string | null {
  if (totals.netCents < 0 || totals.totalCents < 0) return TOTAL_NEGATIVE_MESSAGE;
  if (totals.netCents > MAX_AMOUNT_CENTS || totals.totalCents > MAX_AMOUNT_CENTS) return TOTAL_TOO_LARGE_MESSAGE;
  return null;
}
