/**
 * Fixed-point numbers typed by people: quantities are integer thousandths (places = 3) and
 * percentages integer basis points (a percent with places = 2). Parsed from text digit by digit so
 * "0.1" is exactly 100 thousandths, never a binary fraction.
 */
export function parseScaled(input: string, places: number): number | null {
  const cleaned = input.trim().replace(/[\s,%]/g, '');
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[2] === '' && !m[3]) || (m[3]?.length ?? 0) > places) return null;
  const value = Number(m[2] || '0') * 10 ** places + Number((m[3] ?? '').padEnd(places, '0') || '0');
  if (!Number.isSafeInteger(value)) return null;
  return m[1] ? -value : value;
}

/** 2500 (places 3) → "2.5"; 1000 → "1"; 750 (places 2) → "7.5". No trailing zeros. */
export function formatScaled(value: number, places: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  const unit = 10 ** places;
  const fraction = String(abs % unit).padStart(places, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / unit)}${fraction ? `.${fraction}` : ''}`;
}
