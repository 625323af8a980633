// "Within 4 working hours": working time is Monday to Friday, 09:00 to 17:00 in the workspace's zone.
// A lead that arrives on Friday at 16:00 is due on Monday at 12:00; one at 03:00 on a Tuesday, at 13:00.
import { zoneOffset } from '@/lib/dates';

export const WORK_START_HOUR = 9;
export const WORK_END_HOUR = 17;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instant `hours` working hours after `start` (Unix ms), counted in `timeZone`. */
export function addWorkingHours(start: number, hours: number, timeZone: string): number {
  let remaining = Math.max(0, hours) * HOUR;
  // Walk in local wall-clock time (ms since the epoch as if the zone were UTC), converting back at the end.
  let local = start + zoneOffset(start, timeZone);
  for (let guard = 0; guard < 400; guard++) {
    const dayStart = Math.floor(local / DAY) * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const open = dayStart + WORK_START_HOUR * HOUR;
    const close = dayStart + WORK_END_HOUR * HOUR;
    if (weekday === 0 || weekday === 6 || local >= close) {
      local = dayStart + DAY + WORK_START_HOUR * HOUR;
      continue;
    }
    if (local < open) local = open;
    const available = close - local;
    if (remaining <= available) {
      local += remaining;
      break;
    }
    remaining -= available;
    local = dayStart + DAY + WORK_START_HOUR * HOUR;
  }
  // Back to an instant; across a DST change the offset at the result may differ from the guess.
  const guess = local - zoneOffset(local, timeZone);
  return local - zoneOffset(guess, timeZone);
}
