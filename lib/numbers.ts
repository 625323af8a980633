import { parseUnsignedScaled, toSafeNumber } from '@/lib/validation/decimal';

/**
 * Fixed-point numbers typed by people: quantities are integer thousandths (places = 3) and
 * percentages integer basis points (a percent with places = 2). Parsed from text digit by digit so
 * "0.1" is exactly 100 thousandths, never a binary fraction, with the one number grammar of
 * lib/validation/decimal.ts ("1,000" yes; "1,2,3", "1 000", "1e3" no). An optional minus sign
 * leads and an optional percent sign (one space may precede it) ends. "-0" is 0.
 */
export function parseScaled(input: string, places: number): number | null {
  const m = /^(-)?(.*?)(?:\s?%)?$/s.exec(input.trim());
  if (!m) return null;
  const value = parseUnsignedScaled(m[2], places);
  if (value === null) return null;
  const n = toSafeNumber(m[1] ? -value : value);
  return n === 0 ? 0 : n;
}

/** 2500 (places 3) → "2.5"; 1000 → "1"; 750 (places 2) → "7.5". No trailing zeros. */
export function formatScaled(value: number, places: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  const unit = 10 ** places;
  const fraction = String(abs % unit).padStart(places, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / unit)}${fraction ? `.${fraction}` : ''}`;
}
