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
 * Parses what a person types as an amount ("1,234.5", "$ 99", "12") to integer cents without going
 * through floating point. Returns null for anything that is not an amount with at most two decimals.
 */
export function parseMoneyToCents(input: string): number | null {
  const cleaned = input.trim().replace(/[\s,$€£]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] ? -cents : cents;
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
