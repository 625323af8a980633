import { describe, expect, test } from 'vitest';
import { resolveUnitPrice, tierFor, tiersThatApply, tierUnitPrice, type ProductPricing, type Tier } from './resolve';

const tier = (minQuantity: number, unitPriceCents: number | null, discountBp: number | null = null): Tier => ({
  minQuantityMilli: minQuantity * 1000,
  unitPriceCents,
  discountBp,
});

describe('tierFor', () => {
  const tiers = [tier(100, 800), tier(10, 900), tier(50, null, 1500)];
  test.each([
    [1, null], [9.999, null], [10, 900], [49.5, 900], [50, null], [99.999, null], [100, 800], [1_000_000, 800],
  ])('quantity %s', (quantity, price) => {
    const found = tierFor(tiers, Math.round(quantity * 1000));
    if (quantity < 10) expect(found).toBeNull();
    else if (quantity >= 50 && quantity < 100) expect(found?.discountBp).toBe(1500);
    else expect(found?.unitPriceCents).toBe(price);
  });

  test('no tiers, no tier', () => expect(tierFor([], 5000)).toBeNull());
});

describe('resolveUnitPrice', () => {
  const catalogue: ProductPricing = { catalogueCents: 1000, catalogueTiers: [tier(10, 900), tier(100, null, 2500)], listCents: null, listTiers: [] };
  test.each([
    ['catalogue price below the first tier', catalogue, 9, 1000, 'catalogue'],
    ['catalogue fixed tier', catalogue, 10, 900, 'catalogue'],
    ['catalogue percentage tier: 25 % off 10.00', catalogue, 100, 750, 'catalogue'],
    ['list price replaces the catalogue and its tiers', { ...catalogue, listCents: 950 }, 100, 950, 'list'],
    ['list tiers take a percentage off the list price', { ...catalogue, listCents: 950, listTiers: [tier(5, null, 1000)] }, 5, 855, 'list'],
    ['list tiers without a list price work off the catalogue price', { ...catalogue, listTiers: [tier(2, null, 3333)] }, 3, 667, 'list'],
    ['percentage rounds half away from zero: 12.5 % off 0.99 = 0.86625', { catalogueCents: 99, catalogueTiers: [tier(1, null, 1250)], listCents: null, listTiers: [] }, 1, 87, 'catalogue'],
    ['a fractional quantity at a threshold', { ...catalogue, catalogueTiers: [tier(2.5, 500)] }, 2.5, 500, 'catalogue'],
  ] as const)('%s', (_name, pricing, quantity, cents, source) => {
    const resolved = resolveUnitPrice(pricing, Math.round(quantity * 1000));
    expect(resolved.unitPriceCents).toBe(cents);
    expect(resolved.source).toBe(source);
  });
});

describe('tierUnitPrice', () => {
  test.each([
    ['a fixed price ignores the base', { minQuantityMilli: 1000, unitPriceCents: 4500, discountBp: null }, 5000, 4500],
    ['10 % off', { minQuantityMilli: 1000, unitPriceCents: null, discountBp: 1000 }, 5000, 4500],
    ['a half cent rounds away from zero', { minQuantityMilli: 1000, unitPriceCents: null, discountBp: 1250 }, 1004, 879],
    ['100 % off is free', { minQuantityMilli: 1000, unitPriceCents: null, discountBp: 10_000 }, 5000, 0],
  ])('%s', (_name, tier, base, expected) => {
    expect(tierUnitPrice(tier, base)).toBe(expected);
  });
});

test.each([
  [null, 0, 'catalogue'], [null, 2, 'list'], [950, 0, 'none'], [950, 1, 'list'],
] as const)('a list price of %s with %s tiers of its own uses the %s tiers', (listCents, count, source) => expect(tiersThatApply(listCents, count)).toBe(source));
