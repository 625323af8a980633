import { z } from 'zod';
import { checkMoney } from '@/lib/validation/money';

/** Any field of the goals grid: `goal:<userId>:<month>`; the month is checked on its own. */
const KEY = /^goal:(\d{1,9}):(.*)$/s;
/** A real month: four-digit year, then 01 to 12. */
export const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
export const MONTH_MESSAGE = 'Use a real month like 2026-12 (months run from 01 to 12)';

export type GoalEntry = { userId: number; month: string; amountCents: number | null };

/**
 * Reads the goals grid (fields named `goal:<userId>:<YYYY-MM>`): an amount sets the goal, an empty
 * field clears it. Returns the entries, or an error per field that is not an amount (0 up to the
 * money bound) or whose month is not a real one, so nothing answers "saved" and saves nothing.
 */
export const goalsFormSchema = z.record(z.string(), z.unknown()).transform((form, ctx) => {
  const entries: GoalEntry[] = [];
  for (const [key, raw] of Object.entries(form)) {
    const m = KEY.exec(key);
    if (!m) continue;
    if (!MONTH.test(m[2])) {
      ctx.addIssue({ code: 'custom', path: [key], message: MONTH_MESSAGE });
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    if (text === '') {
      entries.push({ userId: Number(m[1]), month: m[2], amountCents: null });
      continue;
    }
    const amount = checkMoney(text, { min: 0, message: 'Enter an amount like 25000' });
    if ('error' in amount) {
      ctx.addIssue({ code: 'custom', path: [key], message: amount.error });
      continue;
    }
    entries.push({ userId: Number(m[1]), month: m[2], amountCents: amount.cents });
  }
  return entries;
});
