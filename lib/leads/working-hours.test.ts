import { describe, expect, test } from 'vitest';
import { addWorkingHours } from './working-hours';

const at = (iso: string) => Date.parse(iso);

describe('addWorkingHours: Monday to Friday, 09:00 to 17:00 in the zone', () => {
  test.each([
    ['inside the day', '2026-12-01T10:00:00Z', 4, 'UTC', '2026-12-01T14:00:00.000Z'],
    ['before opening starts at 09:00', '2026-12-01T03:00:00Z', 4, 'UTC', '2026-12-01T13:00:00.000Z'],
    ['after closing starts the next morning', '2026-12-01T18:30:00Z', 4, 'UTC', '2026-12-02T13:00:00.000Z'],
    ['Friday afternoon runs into Monday', '2026-12-04T16:00:00Z', 4, 'UTC', '2026-12-07T12:00:00.000Z'],
    ['a weekend waits for Monday', '2026-12-05T11:00:00Z', 4, 'UTC', '2026-12-07T13:00:00.000Z'],
    ['exactly to closing', '2026-12-01T13:00:00Z', 4, 'UTC', '2026-12-01T17:00:00.000Z'],
    ['more than a day', '2026-12-01T09:00:00Z', 12, 'UTC', '2026-12-02T13:00:00.000Z'],
    ['zero hours inside the day', '2026-12-01T10:00:00Z', 0, 'UTC', '2026-12-01T10:00:00.000Z'],
    ['counted in New York (15:00 there: 2 h today, 2 h tomorrow)', '2026-12-01T20:00:00Z', 4, 'America/New_York', '2026-12-02T16:00:00.000Z'],
    ['counted in Auckland (already Wednesday there)', '2026-12-01T20:00:00Z', 4, 'Pacific/Auckland', '2026-12-02T00:00:00.000Z'],
    ['across the spring DST change in Berlin (1 h Friday, 3 h Monday in summer time)', '2027-03-26T15:00:00Z', 4, 'Europe/Berlin', '2027-03-29T10:00:00.000Z'],
  ])('%s', (_, start, hours, zone, expected) => {
    expect(new Date(addWorkingHours(at(start), hours, zone)).toISOString()).toBe(expected);
  });
});
