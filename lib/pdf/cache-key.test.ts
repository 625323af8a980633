import { describe, expect, test } from 'vitest';
import { PDF_CACHE_FILE, pdfContentDisposition, pdfDownloadName, quotePdfCacheKey, stableJson } from './cache-key';

const stamp = { quoteId: 7, version: 3, updatedAt: 1_764_000_000_000 };
const company = { name: 'Harbor', address: '12 Quay St', taxId: 'US-1', logo: null };
const data = { quote: { id: 7, title: 'Fit-out', number: 'Q-2026-0007' }, lines: [{ id: 1, description: 'Boards' }], company };

describe('PDF cache key', () => {
  test('names the quote, its version and its last save, and is a cache file name', () => {
    const key = quotePdfCacheKey(stamp, data);
    expect(key).toMatch(/^quote-7-v3-1764000000000-[0-9a-f]{24}\.pdf$/);
    expect(PDF_CACHE_FILE.test(key)).toBe(true);
  });

  test('is the same for the same data, whatever the order of its keys', () => {
    const reordered = { company: { logo: null, taxId: 'US-1', address: '12 Quay St', name: 'Harbor' }, lines: [{ description: 'Boards', id: 1 }], quote: { number: 'Q-2026-0007', title: 'Fit-out', id: 7 } };
    expect(quotePdfCacheKey(stamp, reordered)).toBe(quotePdfCacheKey(stamp, data));
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  test.each([
    ['a new version', { ...stamp, version: 4 }, data],
    ['a later save', { ...stamp, updatedAt: stamp.updatedAt + 1 }, data],
    ['a renamed workspace', stamp, { ...data, company: { ...company, name: 'Harbor & Pine' } }],
    ['a new company address', stamp, { ...data, company: { ...company, address: '14 Quay St' } }],
    ['a new tax ID', stamp, { ...data, company: { ...company, taxId: 'US-2' } }],
    ['a logo added', stamp, { ...data, company: { ...company, logo: 'data:image/png;base64,iVBORw0KGgo=' } }],
    ['a changed line', stamp, { ...data, lines: [{ id: 1, description: 'Boards, oak' }] }],
    ['another line order', stamp, { ...data, lines: [{ id: 2, description: 'B' }, { id: 1, description: 'A' }].reverse() }],
  ])('changes with %s', (_what, otherStamp, otherData) => {
    expect(quotePdfCacheKey(otherStamp, otherData)).not.toBe(quotePdfCacheKey(stamp, data));
  });
});

describe('PDF download name', () => {
  test.each([
    ['Q-2026-0001', 'Q-2026-0001.pdf'],
    ['Q-2026-0001-v2', 'Q-2026-0001-v2.pdf'],
    ['Q 2026/0001 "x"', 'Q-2026-0001-x.pdf'],
    ['', 'quote.pdf'],
  ])('%j downloads as %s', (label, name) => {
    expect(pdfDownloadName(label)).toBe(name);
  });

  test('is quoted in an attachment header', () => {
    expect(pdfContentDisposition('Q-2026-0001-v2')).toBe('attachment; filename="Q-2026-0001-v2.pdf"');
  });
});
