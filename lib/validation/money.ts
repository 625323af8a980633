import { z } from 'zod';
import { MAX_AMOUNT_CENTS, groupedDecimal } from '@/lib/money';
import { parseUnsignedScaled, toSafeNumber } from './decimal';
import { asText } from './text';

// The one rule for money typed by people (forms, the quote builder, CSV imports). What it accepts:
//   "1234", "1,234.50", "$1,234.5", "€ 99", "0.5", ".5", "-12", "-$12", "$-12"
// and nothing else: one optional currency symbol at the start (one space may follow it), one optional
// minus sign before or after the symbol, then a number in the grammar of ./decimal.ts (comma groups
// of three, at most two decimals, no inner spaces). Whether a negative amount or zero is allowed is
// the field's bound, checked here too so every message reads the same.

const MONEY = /^(-)?(?:[$€£¥]\s?)?(-)?(.*)$/s;

export const MONEY_FORMAT_MESSAGE = 'Enter an amount like 1,234.50';

/** The amount in integer cents, or null when the text is not an amount (see above). "-0" is 0. */
export function parseMoney(input: string): number | null {
  const text = input.trim();
  const m = MONEY.exec(text);
  if (!m || (m[1] && m[2])) return null;
  const cents = parseUnsignedScaled(m[3], 2);
  if (cents === null) return null;
  const value = toSafeNumber(m[1] || m[2] ? -cents : cents);
  return value === 0 ? 0 : value;
}

export type MoneyBounds = { min?: number; max?: number };

/**
 * The message for an amount outside [min, max] (cents), or null when it is inside. A value that is not
 * a whole number of cents (from any path into a query) gets `message`, the field's own format hint.
 */
export function moneyBoundProblem(cents: number, { min = 0, max = MAX_AMOUNT_CENTS, message = MONEY_FORMAT_MESSAGE }: MoneyBounds & { message?: string } = {}): string | null {
  if (!Number.isSafeInteger(cents)) return message;
  if (cents < min) return min === 0 ? 'Enter an amount of 0 or more' : `Enter an amount of ${groupedDecimal(min)} or more`;
  if (cents > max) return `Enter an amount up to ${groupedDecimal(max)}`;
  return null;
}

/** Parses and bounds in one step: the cents, or the message to show beside the field. */
export function checkMoney(input: string, bounds: MoneyBounds & { message?: string } = {}): { cents: number } | { error: string } {
  const cents = parseMoney(input);
  if (cents === null) return { error: bounds.message ?? MONEY_FORMAT_MESSAGE };
  const problem = moneyBoundProblem(cents, bounds);
  return problem ? { error: problem } : { cents };
}

type MoneyFieldOptions = MoneyBounds & {
  /** The message for text that is not an amount at all. */
  message?: string;
  /** What an empty field means: an error (the default, with this message) or zero. */
  blank?: { required: string } | 'zero';
};

// z.preprocess rather than z.unknown(): zod 4 refuses a missing key for z.unknown() before any transform runs.
const moneyInput = (message: string) => z.preprocess(asText, z.string({ message }));

/**
 * A zod field for an amount as typed, to integer cents within the bounds. Numbers (from code and
 * tests) are read as the amount they print as: 12.5 is 12.50. The default bounds are 0 to
 * MAX_AMOUNT_CENTS, the money bound every figure in Keel shares (lib/money.ts).
 */
export function moneyField(options: MoneyFieldOptions = {}) {
  const blank = options.blank ?? { required: 'Enter an amount' };
  return moneyInput(options.message ?? MONEY_FORMAT_MESSAGE).transform((text, ctx): number => {
    if (text.trim() === '') {
      if (blank === 'zero') return 0;
      ctx.addIssue({ code: 'custom', message: blank.required });
      return z.NEVER;
    }
    const checked = checkMoney(text, options);
    if ('error' in checked) {
      ctx.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    return checked.cents;
  });
}
