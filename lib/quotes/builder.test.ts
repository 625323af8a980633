import { describe, expect, test } from 'vitest';
import { draftTotals, reprice, serializeLines, withProduct, type DraftLine } from './builder';
import { parseLineInput } from './line-input';

const blank: DraftLine = { key: 'a', kind: 'item', productId: null, product: '', description: '', quantity: '1', unitPrice: '', discount: '', tax: '', pricing: null, autoPrice: false };
const pricing = { catalogueCents: 5000, catalogueTiers: [{ minQuantityMilli: 10_000, unitPriceCents: 4500, discountBp: null }], listCents: null, listTiers: [] };
const seat = { id: 7, name: 'Seat', sku: 'SEAT', taxRateBp: 2000, pricing };

describe('the builder', () => {
  test('picking a product fills description, tax and the price for the quantity', () => {
    const line = withProduct(blank, seat);
    expect(line).toMatchObject({ productId: 7, product: 'Seat (SEAT)', description: 'Seat', tax: '20', unitPrice: '50.00', autoPrice: true });
    expect(reprice({ ...line, quantity: '12' }).unitPrice).toBe('45.00');
  });

  test('a price typed by hand stays when the quantity changes', () => {
    const line = { ...withProduct(blank, seat), unitPrice: '42', autoPrice: false };
    expect(reprice({ ...line, quantity: '12' }).unitPrice).toBe('42');
  });

  test('unreadable inputs are flagged and count as zero in the totals', () => {
    const bad = { ...blank, quantity: 'two', unitPrice: '10', discount: '101' };
    expect(parseLineInput(bad).invalid).toEqual(['quantity', 'discount']);
    expect(draftTotals([bad, { ...blank, unitPrice: '10', tax: '7.5' }])).toMatchObject({ netCents: 1000, taxCents: 75, totalCents: 1075 });
  });

  test('section headings carry no money and are sent as sections', () => {
    const lines = [{ ...blank, kind: 'section' as const, description: 'Hardware', unitPrice: '99' }];
    expect(draftTotals(lines).totalCents).toBe(0);
    expect(JSON.parse(serializeLines(lines))).toEqual([{ kind: 'section', productId: null, description: 'Hardware', quantity: '1', unitPrice: '99', discount: '', tax: '' }]);
  });
});
