import { z } from 'zod';
import { MAX_BACKUPS_KEPT } from '@/lib/jobs/kinds';

// The jobs screen's forms, written once for the form, its server actions and the tests.

export const TIME_MESSAGE = 'Enter a time of day as HH:MM on the 24-hour clock, such as 02:00 or 23:30';
export const KEEP_MESSAGE = `Keep between 1 and ${MAX_BACKUPS_KEPT} backups`;

const text = z.preprocess((v) => (v == null ? '' : v), z.string({ message: 'Enter text' }));

/** "2:00", "02:00" or "2.00" → "02:00"; anything that is not a time of day is refused. */
const timeOfDay = text.transform((v, ctx): string => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(v.trim());
  const [hour, minute] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
    return z.NEVER;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
});

const backupsKept = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  text.transform((v, ctx): number => {
    const n = /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!(n >= 1 && n <= MAX_BACKUPS_KEPT)) {
      ctx.addIssue({ code: 'custom', message: KEEP_MESSAGE });
      return z.NEVER;
    }
    return n;
  }),
);

/** A checkbox: sent as "on" when ticked, left out when not; the actions also take a boolean. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const backupScheduleSchema = z.object({
  time: timeOfDay,
  keep: backupsKept,
  enabled: checkbox,
});

export const scheduleEnabledSchema = z.object({
  name: z.string().min(1).max(50),
  enabled: checkbox,
});

export const jobIdSchema = z.object({ id: z.coerce.number().int().positive() });

export const noInput = z.object({});
