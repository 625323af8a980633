// An iCalendar (RFC 5545) writer for all-day events: just enough of the format for a subscribed
// feed, written carefully (CRLF line ends, 75-octet folding that never splits a UTF-8 character,
// escaped TEXT values), so that every calendar app reads it the same way.

export type CalendarEvent = {
  /** Globally unique and stable across refreshes, e.g. activity-42@keel. */
  uid: string;
  /** The all-day date, 'YYYY-MM-DD'. */
  date: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  /** Shown as free time (tasks) rather than busy (meetings). */
  transparent?: boolean;
};

export type Calendar = { name: string; events: readonly CalendarEvent[]; /** Unix ms, written as DTSTAMP. */ now: number };

export const PRODID = '-//Keel//Keel CRM//EN';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into physical lines of at most 75 octets (the leading space of a continuation
 * counts), breaking only between characters so no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** 'YYYY-MM-DD' → 'YYYYMMDD'. */
function icsDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Unix ms → 'YYYYMMDDTHHMMSSZ' (UTC). */
export function icsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function serializeCalendar(calendar: Calendar): string {
  const stamp = icsDateTime(calendar.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(event.date))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    // A URI value is not TEXT: it is written as it is, minus anything that would break the line.
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    lines.push(`TRANSP:${event.transparent ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
