import { z } from 'zod';
import { parseMoneyToCents } from '@/lib/money';

const KEY = /^goal:(\d{1,9}):(\d{4}-(?:0[1-9]|1[0-2]))$/;

export type GoalEntry = { userId: number; month: string; amountCents: number | null };

/**
 * Reads the goals grid (fields named `goal:<userId>:<YYYY-MM>`): an amount sets the goal, an empty
 * field clears it. Returns the entries, or an error per field that is not an amount.
 */
export const goalsFormSchema = z.record(z.string(), z.unknown()).transform((form, ctx) => {
  const entries: GoalEntry[] = [];
  for (const [key, raw] of Object.entries(form)) {
    const m = KEY.exec(key);
    if (!m) continue;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      entries.push({ userId: Number(m[1]), month: m[2], amountCents: null });
      continue;
    }
    const cents = parseMoneyToCents(text);
    if (cents === null || cents < 0) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'Enter an amount like 25000' });
      continue;
    }
    entries.push({ userId: Number(m[1]), month: m[2], amountCents: cents });
  }
  return entries;
});
