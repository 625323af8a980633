import { MAX_AMOUNT_CENTS, MAX_QUANTITY_MILLI, groupedDecimal } from '@/lib/money';
import { parseScaled } from '@/lib/numbers';
import { parseMoney } from '@/lib/validation/money';
import { lineAmounts, type PricedLine } from './totals';

// What a quote line's number inputs may hold, written once: the builder flags a field as you type
// and the server refuses the same field with the same rule (lib/quotes/schemas.ts). Amounts follow
// the one money rule (lib/validation/money.ts) and the bounds of lib/money.ts. A unit price may be
// negative (a credit line) as long as the quote's totals are not (lib/quotes/totals.ts).
export type LineField = 'quantity' | 'unitPrice' | 'discount' | 'tax' | 'amount';

export const LINE_FIELD_MESSAGES: Record<LineField, string> = {
  quantity: `Enter a quantity above 0 and up to ${(MAX_QUANTITY_MILLI / 1000).toLocaleString('en-US')}, with at most 3 decimals`,
  unitPrice: `Enter a price like 120 or 1,250.50, up to ${groupedDecimal(MAX_AMOUNT_CENTS)}`,
  discount: 'Enter a discount from 0 to 100 with at most 2 decimals',
  tax: 'Enter a tax rate from 0 to 100 with at most 2 decimals',
  amount: `A line may come to at most ${groupedDecimal(MAX_AMOUNT_CENTS)} (or a credit of as much): lower the quantity or the price`,
};

const blankIsZero = (s: string) => (s.trim() === '' ? '0' : s);

/** The line's numbers from the typed text, and the fields that cannot be read (they count as zero). */
export function parseLineInput(t: { quantity: string; unitPrice: string; discount: string; tax: string }): { line: PricedLine; invalid: LineField[] } {
  const quantityMilli = parseScaled(t.quantity, 3);
  const unitPriceCents = parseMoney(blankIsZero(t.unitPrice));
  const discountBp = parseScaled(blankIsZero(t.discount), 2);
  const taxRateBp = parseScaled(blankIsZero(t.tax), 2);
  const percent = (bp: number | null) => bp !== null && bp >= 0 && bp <= 10_000;
  const invalid: LineField[] = [];
  if (quantityMilli === null || quantityMilli <= 0 || quantityMilli > MAX_QUANTITY_MILLI) invalid.push('quantity');
  if (unitPriceCents === null || Math.abs(unitPriceCents) > MAX_AMOUNT_CENTS) invalid.push('unitPrice');
  if (!percent(discountBp)) invalid.push('discount');
  if (!percent(taxRateBp)) invalid.push('tax');
  const ok = (field: LineField, value: number | null) => (invalid.includes(field) ? 0 : value!);
  const line = { quantityMilli: ok('quantity', quantityMilli), unitPriceCents: ok('unitPrice', unitPriceCents), discountBp: ok('discount', discountBp), taxRateBp: ok('tax', taxRateBp) };
  // Each figure readable, but together too large: the line's amount is out of bounds; it counts as zero.
  if (invalid.length === 0 && !lineWithinBounds(line)) return { line: { ...line, quantityMilli: 0 }, invalid: ['amount'] };
  return { line, invalid };
}

/** Whether the line's gross amount (quantity × price, exact in BigInt) is within the money bound. */
export function lineWithinBounds(line: PricedLine): boolean {
  const amount = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents);
  const limit = BigInt(MAX_AMOUNT_CENTS) * 1000n;
  if (amount > limit || amount < -limit) return false;
  return Math.abs(lineAmounts(line).grossCents) <= MAX_AMOUNT_CENTS;
}

/**
 * A line the builder added that nobody touched: no product, no description, and every number as the
 * builder left it. Saving drops it instead of asking the person to fill or remove it. Its tax rate is
 * not asked: the builder fills in the workspace's default, and a rate with nothing to tax is nothing.
 */
export function isUntouchedLine(t: { kind?: string; productId?: number | null; description: string; quantity: string; unitPrice: string; discount: string }): boolean {
  const is = (v: string, ...defaults: string[]) => defaults.includes(v.trim());
  return (
    (t.kind ?? 'item') === 'item' &&
    !t.productId &&
    t.description.trim() === '' &&
    is(t.quantity, '', '1') &&
    is(t.unitPrice, '', '0') &&
    is(t.discount, '', '0')
  );
}
