import { z } from 'zod';
import { MAX_QUANTITY_MILLI } from '@/lib/money';
import { parseScaled } from '@/lib/numbers';
import { checkMoney, moneyField } from '@/lib/validation/money';
import { asText, optionalText, requiredText } from '@/lib/validation/text';

const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'off', 'inactive', 'archived', 'discontinued']);

/** A checkbox ("on"), a CSV cell ("yes", "discontinued") or a boolean to active/inactive. */
export function parseActive(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return false;
  const word = String(v).trim().toLowerCase();
  return word !== '' && !FALSE_WORDS.has(word);
}

/** A price as typed, to cents: required, 0 or more, at most the money bound (lib/money.ts). */
export const priceCents = (message: string) => moneyField({ min: 0, message, blank: { required: message } });

export const percentBp = (message: string) =>
  z.preprocess(
    asText,
    z
      .string()
      .trim()
      .transform((s, ctx) => {
        const bp = parseScaled(s === '' ? '0' : s, 2);
        if (bp === null || bp < 0 || bp > 10_000) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return bp;
      }),
  );

export const quantityMilli = (message: string) =>
  z.preprocess(
    asText,
    z
      .string()
      .trim()
      .transform((s, ctx) => {
        const milli = parseScaled(s, 3);
        if (milli === null || milli <= 0 || milli > MAX_QUANTITY_MILLI) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return milli;
      }),
  );

export const productSchema = z.object({
  name: requiredText({ max: 200, required: 'Enter the product name', tooLong: 'Keep the name under 200 characters' }),
  sku: requiredText({ max: 64, required: 'Enter a SKU', tooLong: 'Keep the SKU under 64 characters' }).pipe(
    z.string().regex(/^[^\s,;\p{Cf}]+$/u, 'Use letters, digits and dashes, no spaces'),
  ),
  description: optionalText({ max: 2000, multiline: true }),
  unit: optionalText({ max: 30, tooLong: 'Keep the unit under 30 characters' }).transform((v) => v ?? 'unit'),
  unitPriceCents: priceCents('Enter a price like 120 or 1,250.50'),
  taxRateBp: percentBp('Enter a tax rate from 0 to 100 with at most 2 decimals'),
  active: z.preprocess(parseActive, z.boolean()),
});

export type ProductInput = z.output<typeof productSchema>;

export const tierSchema = z
  .object({
    productId: z.coerce.number().int().positive(),
    priceListId: z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
    minQuantityMilli: quantityMilli('Enter the quantity the tier starts at, above 0'),
    kind: z.enum(['price', 'discount']),
    unitPrice: z.string().optional(),
    discount: z.string().optional(),
  })
  .transform((t, ctx) => {
    if (t.kind === 'price') {
      const price = (t.unitPrice ?? '').trim() === '' ? { error: 'Enter the unit price from this quantity on' } : checkMoney(t.unitPrice ?? '', { min: 0, message: 'Enter the unit price from this quantity on, like 9.50' });
      if ('error' in price) ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: price.error });
      return { productId: t.productId, priceListId: t.priceListId, minQuantityMilli: t.minQuantityMilli, unitPriceCents: 'cents' in price ? price.cents : 0, discountBp: null };
    }
    const bp = parseScaled(t.discount ?? '', 2);
    if (bp === null || bp <= 0 || bp > 10_000) ctx.addIssue({ code: 'custom', path: ['discount'], message: 'Enter a discount above 0 and up to 100' });
    return { productId: t.productId, priceListId: t.priceListId, minQuantityMilli: t.minQuantityMilli, unitPriceCents: null, discountBp: bp ?? 0 };
  });

export const priceListSchema = z.object({
  name: requiredText({ max: 100, required: 'Name the price list', tooLong: 'Keep the name under 100 characters' }),
  description: optionalText({ max: 500, multiline: true }),
});

const id = z.coerce.number().int().positive();

/** An edit carries the version it was made from, so a concurrent change is caught rather than overwritten. */
export const updateProductSchema = productSchema.extend({ productId: id, version: id });

export const listPriceSchema = z.object({
  productId: id,
  priceListId: id,
  unitPriceCents: priceCents('Enter a price like 120 or 1,250.50'),
});

/** Clearing a product's list price puts it back on the catalogue price for that list. */
export const clearListPriceSchema = z.object({ productId: id, priceListId: id });

export const deleteTierSchema = z.object({ tierId: id, productId: id });

export const renamePriceListSchema = priceListSchema.extend({ priceListId: id });

export const deletePriceListSchema = z.object({ priceListId: id });
