import { describe, expect, test } from 'vitest';
import { createQuoteSchema, quoteLineSchema } from './schemas';
import { zodFieldErrors } from '@/lib/form-data';

describe('quoteLineSchema', () => {
  test('parses what a person types into integers', () => {
    expect(quoteLineSchema.parse({ description: 'Setup', quantity: '2.5', unitPrice: '1,250.50', discount: '12.5', tax: '7.5' })).toEqual({
      kind: 'item', productId: null, description: 'Setup', quantityMilli: 2500, unitPriceCents: 125050, discountBp: 1250, taxRateBp: 750,
    });
  });

  test.each([
    [{ description: 'x', quantity: '1.2345' }, 'quantity'],
    [{ description: 'x', quantity: '0' }, 'quantity'],
    [{ description: 'x', quantity: 'lots' }, 'quantity'],
    [{ description: 'x', unitPrice: '12.345' }, 'unitPrice'],
    [{ description: 'x', discount: '100.01' }, 'discount'],
    [{ description: 'x', discount: '5.555' }, 'discount'],
    [{ description: 'x', tax: '-1' }, 'tax'],
    [{ description: 'x', quantity: '1,2,3' }, 'quantity'],
    [{ description: 'x', unitPrice: '1,2,3' }, 'unitPrice'],
    [{ description: 'x', unitPrice: '$ 1 0' }, 'unitPrice'],
    [{ description: 'x', unitPrice: '1,000,000,000.01' }, 'unitPrice'],
    [{ description: 'x', quantity: '1,000,000.001' }, 'quantity'],
    [{ description: 'x', quantity: '1,000,000', unitPrice: '1,000.01' }, 'amount'],
    [{ description: '\u200B' }, 'description'],
    [{ description: 'a\u0000' }, 'description'],
    [{ description: '', unitPrice: '10' }, 'description'],
    [{ description: '', quantity: '3' }, 'description'],
    [{ kind: 'section', description: '' }, 'description'],
  ])('%j is refused at %s', (line, field) => {
    const result = quoteLineSchema.safeParse(line);
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(zodFieldErrors(result.error))).toContain(field);
  });

  test('a section heading carries no money', () => {
    expect(quoteLineSchema.parse({ kind: 'section', description: 'Hardware', quantity: '5', unitPrice: '9' })).toMatchObject({ kind: 'section', quantityMilli: 0, unitPriceCents: 0 });
  });
});

describe('createQuoteSchema', () => {
  const base = { validUntil: '2026-12-25', paymentTerms: 'net_30', lines: '[]' };
  test('line errors are keyed by line and field', () => {
    const result = createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([{ description: 'ok' }, { description: 'bad', quantity: '-1' }]) });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodFieldErrors(result.error)).toHaveProperty(['lines.1.quantity']);
  });

  test('custom payment terms need words', () => {
    const result = createQuoteSchema.safeParse({ ...base, paymentTerms: 'custom', paymentTermsText: '' });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodFieldErrors(result.error)).toHaveProperty(['paymentTermsText']);
  });

  test.each([
    [[{ description: 'Refund', unitPrice: '-500' }], /below zero/],
    [[{ description: 'A', unitPrice: '600,000,000' }, { description: 'B', unitPrice: '600,000,000' }], /at most 1,000,000,000.00/],
    [[{ description: 'A', unitPrice: '1,000,000,000', tax: '10' }], /at most 1,000,000,000.00/],
  ])('totals out of range are refused beside the totals: %j', (lines, message) => {
    const result = createQuoteSchema.safeParse({ ...base, lines: JSON.stringify(lines) });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodFieldErrors(result.error).totals).toMatch(message);
  });

  test('a credit line is fine while the total stays at 0 or more', () => {
    expect(createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([{ description: 'A', unitPrice: '500' }, { description: 'Credit', unitPrice: '-500' }]) }).success).toBe(true);
  });

  test('an untouched blank line is dropped; the other lines keep their index in errors', () => {
    const blank = { kind: 'item', productId: null, description: '', quantity: '1', unitPrice: '', discount: '0', tax: '0' };
    const saved = createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([blank, { description: 'Setup', unitPrice: '100' }, blank]) });
    expect(saved.success && saved.data.lines).toEqual([expect.objectContaining({ description: 'Setup', unitPriceCents: 10000 })]);
    const refused = createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([blank, { description: 'Setup', quantity: '-1' }]) });
    expect(refused.success).toBe(false);
    if (!refused.success) expect(Object.keys(zodFieldErrors(refused.error))).toEqual(['lines.1.quantity']);
  });

  test('an untouched line keeps the default tax rate the builder gave it and is still dropped', () => {
    const blank = { kind: 'item', productId: null, description: '', quantity: '1', unitPrice: '', discount: '0', tax: '20' };
    const saved = createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([{ description: 'Setup', unitPrice: '100', tax: '20' }, blank]) });
    expect(saved.success && saved.data.lines).toEqual([expect.objectContaining({ description: 'Setup', taxRateBp: 2000 })]);
  });

  test('a blank section heading or a line with only a price is not untouched', () => {
    expect(createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([{ kind: 'section', description: '' }]) }).success).toBe(false);
    expect(createQuoteSchema.safeParse({ ...base, lines: JSON.stringify([{ description: '', unitPrice: '5' }]) }).success).toBe(false);
  });

  test('unreadable lines are refused, not dropped', () => {
    expect(createQuoteSchema.safeParse({ ...base, lines: '{oops' }).success).toBe(false);
  });
});
