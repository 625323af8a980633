import { Cron } from 'croner';

// Cron schedules read in the workspace's time zone (croner handles daylight-saving gaps and repeats).
// The worker asks which slot is due: the latest one that has passed since the last one it enqueued,
// so after any downtime a schedule runs once, not once per missed slot.

/** The expression's error in words, or null when croner accepts it. */
export function cronError(expression: string): string | null {
  try {
    new Cron(expression, { paused: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function cron(expression: string, timeZone: string): Cron {
  return new Cron(expression, { paused: true, timezone: timeZone });
}

/** The next slot strictly after `after`, or null when there is none. */
export function nextSlot(expression: string, timeZone: string, after: number): number | null {
  return cron(expression, timeZone).nextRun(new Date(after))?.getTime() ?? null;
}

/**
 * The slot to run now: the latest slot in (lastSlot, now], or null when none has passed. Slots are
 * whole seconds, so `now` itself counts when it falls exactly on one.
 */
export function dueSlot(expression: string, timeZone: string, lastSlot: number, now: number): number | null {
  const [latest] = cron(expression, timeZone).previousRuns(1, new Date(now + 1000));
  if (!latest) return null;
  const slot = latest.getTime();
  return slot > lastSlot && slot <= now ? slot : null;
}

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

/** "HH:MM" for a once-a-day expression like "30 2 * * *", or null for anything else. */
export function dailyTime(expression: string): string | null {
  const m = DAILY.exec(expression.trim());
  if (!m) return null;
  const [minute, hour] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The once-a-day expression for "HH:MM". */
export function dailyCron(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

/** A schedule in words for the jobs screen: "Every day at 02:00", "Every hour at :17", or the expression. */
export function describeCron(expression: string): string {
  const daily = dailyTime(expression);
  if (daily) return `Every day at ${daily}`;
  const hourly = /^(\d{1,2}) \* \* \* \*$/.exec(expression.trim());
  if (hourly && Number(hourly[1]) < 60) return `Every hour at :${hourly[1].padStart(2, '0')}`;
  return `Cron ${expression}`;
}
