import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { escapeText, foldLine, icsDateTime, PRODID, serializeCalendar, type CalendarEvent } from './ical';

const NOW = Date.UTC(2026, 10, 22, 9, 5, 7);
// Calendar apps read X-WR-CALNAME as TEXT; ical.js only knows that once told.
(ICAL.design.defaultSet.property as Record<string, { defaultType: string }>)['x-wr-calname'] = { defaultType: 'text' };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

/** Every physical line ends with CRLF and is at most 75 octets. */
function expectWellFormed(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
}

test('a calendar with all-day events reads back with ical.js', () => {
  const events: CalendarEvent[] = [
    { uid: 'activity-1@keel', date: '2026-11-25', summary: 'Task: Send proposal', description: 'Deal: Acme pilot', url: 'https://crm.example/deals/7', transparent: true },
    { uid: 'activity-2@keel', date: '2026-12-31', summary: 'Kick-off meeting' },
    { uid: 'activity-3@keel', date: '2024-02-29', summary: 'Leap day review' },
  ];
  const ics = serializeCalendar({ name: 'Keel — Ana Rivera', events, now: NOW });
  expectWellFormed(ics);
  const { calendar, events: parsed } = parse(ics);
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODID);
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Keel — Ana Rivera');
  expect(parsed.map((e) => e.uid)).toEqual(['activity-1@keel', 'activity-2@keel', 'activity-3@keel']);
  expect(parsed.map((e) => [e.startDate.isDate, e.startDate.toString(), e.endDate.toString()])).toEqual([
    [true, '2026-11-25', '2026-11-26'],
    [true, '2026-12-31', '2027-01-01'],
    [true, '2024-02-29', '2024-03-01'],
  ]);
  expect(parsed[0].summary).toBe('Task: Send proposal');
  expect(parsed[0].description).toBe('Deal: Acme pilot');
  expect(parsed[0].component.getFirstPropertyValue('url')).toBe('https://crm.example/deals/7');
  expect(parsed[0].component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  expect(parsed[1].component.getFirstPropertyValue('transp')).toBe('OPAQUE');
  const stamp = parsed[0].component.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
  expect(stamp.zone?.tzid).toBe('UTC');
  expect(stamp.toJSDate().getTime()).toBe(NOW);
  expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126\r\n');
});

test('an empty calendar is still valid', () => {
  const ics = serializeCalendar({ name: 'Keel', events: [], now: NOW });
  expectWellFormed(ics);
  expect(ics).toBe(
    ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Keel', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H', 'END:VCALENDAR', ''].join('\r\n'),
  );
  expect(parse(ics).events).toEqual([]);
});

describe('escapeText', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b;c', 'a\\,b\\;c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines\r\nthree\rfour', 'two\\nlines\\nthree\\nfour'],
    ['bell\u0007 and tab\t', 'bell and tab\t'],
    ['\\n is not a newline', '\\\\n is not a newline'],
  ])('%j → %j', (input, output) => expect(escapeText(input)).toBe(output));
});

test('special characters survive the round trip', () => {
  const summary = 'Call back; re: pricing, v2 \\ legal\nthen "send" it';
  const description = 'Line one\nLine two, with; everything\\';
  const ics = serializeCalendar({ name: 'Ana, Ben; and \\ co', events: [{ uid: 'activity-9@keel', date: '2026-11-25', summary, description }], now: NOW });
  expectWellFormed(ics);
  expect(ics).toContain('SUMMARY:Call back\\; re: pricing\\, v2 \\\\ legal\\nthen "send" it\r\n');
  const { calendar, events } = parse(ics);
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ana, Ben; and \\ co');
  expect(events[0].summary).toBe(summary);
  expect(events[0].description).toBe(description);
});

describe('folding long and unicode lines at 75 octets', () => {
  test.each([
    ['ASCII', 'Follow up on the quote for the annual licence renewal and the onboarding package with procurement'.repeat(3)],
    ['accents (2 octets)', 'Réunion déjà prévue à Genève avec l’équipe financière — café, crème brûlée et pâtisseries '.repeat(3)],
    ['CJK (3 octets)', '見積もりのフォローアップと年間ライセンス更新についての打ち合わせ'.repeat(4)],
    ['emoji (4 octets, surrogate pairs)', '🚀📞🤝✅ Launch call with 👩🏽‍💻 team '.repeat(6)],
    ['escapes across a fold', 'a,b;c\\d\n'.repeat(40)],
  ])('%s', (_name, summary) => {
    const ics = serializeCalendar({ name: 'Keel', events: [{ uid: 'activity-1@keel', date: '2026-11-25', summary }], now: NOW });
    expectWellFormed(ics);
    expect(ics).toMatch(/\r\n [^\r]/); // it really was folded
    // No physical line starts or ends inside a UTF-8 sequence: each one decodes on its own.
    const bytes = Buffer.from(ics, 'utf8');
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = bytes.indexOf('\r\n'); i !== -1; start = i + 2, i = bytes.indexOf('\r\n', start)) expect(() => strict.decode(bytes.subarray(start, i))).not.toThrow();
    expect(parse(ics).events[0].summary).toBe(summary);
  });

  test('a line of exactly 75 octets is not folded; 76 is', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // A continuation holds 74 octets after its leading space.
    expect(foldLine('x'.repeat(75 + 74 + 1)).split('\r\n')).toEqual(['x'.repeat(75), ` ${'x'.repeat(74)}`, ' x']);
    // A 3-octet character that would straddle the limit moves whole to the next line.
    const folded = foldLine(`${'x'.repeat(73)}€`).split('\r\n');
    expect(folded).toEqual(['x'.repeat(73), ' €']);
  });
});

test('DTSTAMP is written in UTC', () => {
  expect(icsDateTime(NOW)).toBe('20261122T090507Z');
  expect(icsDateTime(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('20240229T235959Z');
});
