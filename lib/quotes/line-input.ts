import { parseMoneyToCents } from '@/lib/money';
import { parseScaled } from '@/lib/numbers';
import type { PricedLine } from './totals';

// What a quote line's number inputs may hold, written once: the builder flags a field as you type
// and the server refuses the same field with the same rule (lib/quotes/schemas.ts).
export type LineField = 'quantity' | 'unitPrice' | 'discount' | 'tax';

export const LINE_FIELD_MESSAGES: Record<LineField, string> = {
  quantity: 'Enter a quantity above 0 with at most 3 decimals',
  unitPrice: 'Enter a price like 120 or 1,250.50',
  discount: 'Enter a discount from 0 to 100 with at most 2 decimals',
  tax: 'Enter a tax rate from 0 to 100 with at most 2 decimals',
};

const MAX_QUANTITY_MILLI = 1_000_000_000; // a million units
const MAX_PRICE_CENTS = 1_000_000_000_00; // a thousand million per unit
const blankIsZero = (s: string) => (s.trim() === '' ? '0' : s);

/** The line's numbers from the typed text, and the fields that cannot be read (they count as zero). */
export function parseLineInput(t: { quantity: string; unitPrice: string; discount: string; tax: string }): { line: PricedLine; invalid: LineField[] } {
  const quantityMilli = parseScaled(t.quantity, 3);
  const unitPriceCents = parseMoneyToCents(blankIsZero(t.unitPrice));
  const discountBp = parseScaled(blankIsZero(t.discount), 2);
  const taxRateBp = parseScaled(blankIsZero(t.tax), 2);
  const percent = (bp: number | null) => bp !== null && bp >= 0 && bp <= 10_000;
  const invalid: LineField[] = [];
  if (quantityMilli === null || quantityMilli <= 0 || quantityMilli > MAX_QUANTITY_MILLI) invalid.push('quantity');
  if (unitPriceCents === null || Math.abs(unitPriceCents) > MAX_PRICE_CENTS) invalid.push('unitPrice');
  if (!percent(discountBp)) invalid.push('discount');
  if (!percent(taxRateBp)) invalid.push('tax');
  const ok = (field: LineField, value: number | null) => (invalid.includes(field) ? 0 : value!);
  return {
    line: { quantityMilli: ok('quantity', quantityMilli), unitPriceCents: ok('unitPrice', unitPriceCents), discountBp: ok('discount', discountBp), taxRateBp: ok('tax', taxRateBp) },
    invalid,
  };
}
