import { divRound } from '@/lib/money';

export type Tier = { minQuantityMilli: number; unitPriceCents: number | null; discountBp: number | null };

/** What is known about one product's price for one quote: the catalogue, the quote's list, their tiers. */
export type ProductPricing = {
  catalogueCents: number;
  catalogueTiers: readonly Tier[];
  /** The product's own price in the quote's price list, if the list has one. */
  listCents: number | null;
  listTiers: readonly Tier[];
};

export type ResolvedPrice = { unitPriceCents: number; source: 'catalogue' | 'list'; tier: Tier | null };

/**
 * The unit price for a quantity. The list price (when the quote's list has one for the product)
 * replaces the catalogue price; the list's own tiers apply when it has any, otherwise the catalogue
 * tiers apply to catalogue-priced products. The tier is the one with the highest threshold at or
 * below the quantity; it sets a fixed unit price or takes a percentage off the base price, rounded
 * half away from zero.
 */
export function resolveUnitPrice(pricing: ProductPricing, quantityMilli: number): ResolvedPrice {
  const fromList = pricing.listCents !== null || pricing.listTiers.length > 0;
  const base = pricing.listCents ?? pricing.catalogueCents;
  const tiers = { list: pricing.listTiers, catalogue: pricing.catalogueTiers, none: [] }[tiersThatApply(pricing.listCents, pricing.listTiers.length)];
  const tier = tierFor(tiers, quantityMilli);
  const source = fromList ? 'list' : 'catalogue';
  if (!tier) return { unitPriceCents: base, source, tier: null };
  return { unitPriceCents: tierUnitPrice(tier, base), source, tier };
}

/**
 * Whose tiers a list's quote lines use: the list's own when it has any; else the catalogue's, unless
 * the list gives the product its own price (then the price holds at every quantity).
 */
export function tiersThatApply(listCents: number | null, listTierCount: number): 'list' | 'catalogue' | 'none' {
  return listTierCount > 0 ? 'list' : listCents === null ? 'catalogue' : 'none';
}

/** What a tier charges per unit: its own price, or its percentage off the base, rounded half away from zero. */
export function tierUnitPrice(tier: Tier, baseCents: number): number {
  if (tier.unitPriceCents !== null) return tier.unitPriceCents;
  return divRound(baseCents * (10_000 - (tier.discountBp ?? 0)), 10_000);
}

export function tierFor(tiers: readonly Tier[], quantityMilli: number): Tier | null {
  let best: Tier | null = null;
  for (const t of tiers) if (t.minQuantityMilli <= quantityMilli && (!best || t.minQuantityMilli > best.minQuantityMilli)) best = t;
  return best;
}
