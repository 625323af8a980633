import { centsToDecimal } from '@/lib/money';
import { formatScaled, parseScaled } from '@/lib/numbers';
import { resolveUnitPrice, type ProductPricing } from '@/lib/pricing/resolve';
import { parseLineInput } from './line-input';
import { quoteTotals, type QuoteTotals } from './totals';

/** A line as the builder holds it: the text in each input, plus what it knows about the product. */
export type DraftLine = {
  key: string;
  kind: 'item' | 'section';
  productId: number | null;
  product: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  tax: string;
  pricing: ProductPricing | null;
  /** The unit price follows the price list and tiers until the person types a price of their own. */
  autoPrice: boolean;
};

export function draftTotals(lines: DraftLine[]): QuoteTotals {
  return quoteTotals(lines.filter((l) => l.kind === 'item').map((l) => parseLineInput(l).line));
}

/** After the quantity changes: the price for that quantity from the list and its tiers, unless typed by hand. */
export function reprice(l: DraftLine): DraftLine {
  if (!l.autoPrice || !l.pricing) return l;
  const quantityMilli = parseScaled(l.quantity, 3);
  if (quantityMilli === null || quantityMilli <= 0) return l;
  return { ...l, unitPrice: centsToDecimal(resolveUnitPrice(l.pricing, quantityMilli).unitPriceCents) };
}

export function withProduct(l: DraftLine, p: { id: number; name: string; sku: string; taxRateBp: number; pricing: ProductPricing }): DraftLine {
  return reprice({ ...l, productId: p.id, product: `${p.name} (${p.sku})`, description: l.description || p.name, tax: formatScaled(p.taxRateBp, 2), pricing: p.pricing, autoPrice: true });
}

/** What the server is sent: the typed text, which it parses with the same rules (lib/quotes/schemas). */
export function serializeLines(lines: DraftLine[]): string {
  return JSON.stringify(
    lines.map((l) => ({ kind: l.kind, productId: l.productId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount, tax: l.tax })),
  );
}

/**
 * A saved line back into the builder. Its price keeps following the tiers only if it still equals
 * what the list gives for its quantity, so a price someone typed is never replaced behind their back.
 */
export function draftFromStored(
  row: { id: number; kind: 'item' | 'section'; productId: number | null; productName: string | null; productSku: string | null; description: string; quantityMilli: number; unitPriceCents: number; discountBp: number; taxRateBp: number },
  pricing: ProductPricing | null,
): DraftLine {
  const autoPrice = Boolean(pricing && row.kind === 'item' && resolveUnitPrice(pricing, row.quantityMilli).unitPriceCents === row.unitPriceCents);
  return {
    key: `s${row.id}`,
    kind: row.kind,
    productId: row.productId,
    product: row.productId && row.productName ? `${row.productName} (${row.productSku})` : '',
    description: row.description,
    quantity: row.kind === 'item' ? formatScaled(row.quantityMilli, 3) : '1',
    unitPrice: row.kind === 'item' ? centsToDecimal(row.unitPriceCents) : '',
    discount: formatScaled(row.discountBp, 2),
    tax: formatScaled(row.taxRateBp, 2),
    pricing,
    autoPrice,
  };
}
