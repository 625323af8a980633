// The one grammar for numbers people type into Keel (amounts, quantities, percentages), written once
// and read digit by digit, never through floating point:
//   - ASCII digits only ("１２３" in full-width digits, "1e5", "0x10", "Infinity" are refused);
//   - digit grouping only with commas and only in groups of three ("1,234,567"; not "1,2,3", "1,23");
//   - a dot for decimals, at most `places` of them ("12.5", ".5" and "12." are fine);
//   - no spaces inside the number ("1 000" and "$ 1 0" are refused).
// Signs, currency symbols and percent signs around the number are the callers' business.

/** Longer input than this is refused before any pattern runs: nobody types a 41-digit amount. */
export const MAX_NUMBER_TEXT = 40;

const GRAMMAR = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/;

/**
 * The unsigned decimal in `body` scaled to an integer with `places` decimals ("1,234.5" at 2 → 123450n),
 * or null when it does not follow the grammar or has more decimals than `places`.
 */
export function parseUnsignedScaled(body: string, places: number): bigint | null {
  if (body.length === 0 || body.length > MAX_NUMBER_TEXT) return null;
  const m = GRAMMAR.exec(body);
  if (!m) return null;
  const whole = (m[1] ?? '0').replaceAll(',', '');
  const fraction = m[2] ?? m[3] ?? '';
  if (fraction.length > places) return null;
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
}

/** A bigint known to fit, as a number; null when it would not be an exact JavaScript integer. */
export function toSafeNumber(value: bigint): number | null {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}
