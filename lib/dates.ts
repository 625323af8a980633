// Date-only values are 'YYYY-MM-DD' strings compared as text; they never pass through a time zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per (use, locale, zone), made on first use: building an Intl.DateTimeFormat costs
 * far more than formatting with it, and pages format hundreds of dates.
 */
export function cachedFormat(use: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${use}|${locale}|${options.timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone (default UTC). */
export function dateInZone(ms: number, timeZone = 'UTC'): string {
  return cachedFormat('date', 'en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a) for two date-only values. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Midnight UTC of a date-only value, as Unix milliseconds. */
export function isoDateToMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

export function formatDate(isoDate: string): string {
  return cachedFormat('display', 'en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(isoDateToMs(isoDate));
}

// Every instant shown to people goes through these two, in the workspace's time zone (getWorkspace),
// never the server's or UTC; the zone's short name goes with it, since a reader may be elsewhere.

/** An instant as "Nov 5, 2026, 10:00 AM EST" in a time zone. */
export function formatInstant(ms: number, timeZone: string): string {
  return cachedFormat('instant', 'en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(ms);
}

/** The time of day of an instant as "10:00 AM EST" in a time zone, for lists that are all one day. */
export function formatTimeOfDay(ms: number, timeZone: string): string {
  return cachedFormat('time', 'en-US', { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(ms);
}

/** Offset of a time zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = cachedFormat('parts', 'en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Midday of a date in a time zone, as an instant: a time that falls on that date wherever it is shown in that zone. */
export function middayInZone(isoDate: string, timeZone: string): number {
  const naive = Date.parse(`${isoDate}T12:00:00Z`);
  // Across a DST change the offset at the true instant can differ from the guess: correct once.
  return naive - zoneOffset(naive - zoneOffset(naive, timeZone), timeZone);
}

/** Today's date in a time zone (default UTC). */
export function todayIso(timeZone = 'UTC'): string {
  return dateInZone(Date.now(), timeZone);
}

/** The current instant; server components read it once per request to judge ages (rotting, overdue). */
export function nowMs(): number {
  return Date.now();
}

/** The Sunday ending the Monday-start week that holds a date. */
export function endOfWeek(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, day === 0 ? 0 : 7 - day);
}
