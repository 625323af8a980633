/** Rounds half away from zero (2.5 → 3, −2.5 → −3): the one rounding rule for money in Keel. */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

/**
 * numerator ÷ denominator rounded half away from zero, exactly, for integers. Money maths multiplies
 * integers (cents × basis points) and divides once here, so no binary fraction is ever rounded.
 */
export function divRound(numerator: number, denominator: number): number {
  return Number(divRoundBig(BigInt(numerator), BigInt(denominator)));
}

/** divRound for products too large for a double (quantity × price × basis points). */
export function divRoundBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/** Integer cents to a plain decimal string with two places: 123450 → "1234.50", −5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The bounds of every money figure in Keel, written once. Why these numbers:
 *
 * - Every figure must stay an exact integer both in SQLite (64-bit integers) and in JavaScript, where
 *   better-sqlite3 hands integers over as doubles: exact only up to Number.MAX_SAFE_INTEGER
 *   (9,007,199,254,740,991, about 9.0e15). JavaScript is the tighter of the two.
 * - One amount (a deal's value, a unit price, a product, list or tier price, a goal, a quote line's
 *   amount, a quote's net and grand total) is at most MAX_AMOUNT_CENTS = 1e11 cents, one billion in
 *   the workspace currency. Then value × probability in basis points (≤ 1e4) is at most 1e15, exact
 *   even as plain double arithmetic; and a sum over deals (a board column, a forecast month, a
 *   report) stays exact up to 90,071 deals all at the maximum — more than the 50,000-deal benchmark.
 * - A quantity is at most MAX_QUANTITY_MILLI = 1e9 thousandths (one million units). Quantity × unit
 *   price (up to 1e20) is computed in BigInt (lib/quotes/totals.ts) and the resulting line amount
 *   must itself be within MAX_AMOUNT_CENTS, so 200 such lines sum to at most 2e13, tax included.
 * - A quote holds at most MAX_QUOTE_LINES = 200 lines.
 * - Deal values, prices and goals are never negative. A quote line may be negative (a credit), but
 *   a quote's net total and grand total never are: a deal is won at the net total.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
export const MAX_QUANTITY_MILLI = 1_000_000_000;
export const MAX_QUOTE_LINES = 200;

/** Integer cents as a plain decimal with comma groups, for messages: 100000000000 → "1,000,000,000.00". */
export function groupedDecimal(cents: number): string {
  const [whole, fraction] = centsToDecimal(cents).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, options: { compact?: boolean; whole?: boolean } = {}): string {
  const key = `${currency}:${options.compact ? 'c' : options.whole ? 'w' : 'f'}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(options.compact
        ? { notation: 'compact', maximumFractionDigits: 1 }
        : options.whole
          ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
          : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    });
    formatters.set(key, f);
  }
  return f.format(cents / 100);
}

/** Basis points to a percentage for display: 2500 → "25", 750 → "7.5". */
export function bpToPercent(bp: number): string {
  return String(bp / 100);
}
