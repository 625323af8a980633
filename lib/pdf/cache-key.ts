import { createHash } from 'node:crypto';

// Which cached file holds a quote's PDF. The name carries the quote's id, its version and the time
// of its last save, so every save of a draft and every revision get a new file; the hash covers
// everything the PDF draws (header, lines, the company's name, address, tax ID and logo), so a
// renamed workspace, customer or product, new company details or a new logo give a new file too.
// Hashing the logo's bytes (at most 1 MB) costs a few milliseconds, which spares a second version
// number that could be forgotten. Bump LAYOUT_VERSION when the PDF's layout changes, so PDFs cached
// with the old layout are not served again.

export const PDF_LAYOUT_VERSION = 3;

export type QuotePdfStamp = { quoteId: number; version: number; updatedAt: number };

/** JSON with object keys sorted, so the same data always hashes the same way. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function quotePdfCacheKey(stamp: QuotePdfStamp, data: unknown): string {
  const hash = createHash('sha256').update(`layout ${PDF_LAYOUT_VERSION}\n`).update(stableJson(data)).digest('hex').slice(0, 24);
  return `quote-${stamp.quoteId}-v${stamp.version}-${stamp.updatedAt}-${hash}.pdf`;
}

/** The cache's own file names: anything else in the folder is not ours to serve or prune. */
export const PDF_CACHE_FILE = /^quote-\d+-v\d+-\d+-[0-9a-f]{24}\.pdf$/;

/** A download name safe in a header: the quote's label (Q-2026-0001-v2) and nothing a browser could misread. */
export function pdfDownloadName(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'quote'}.pdf`;
}

export function pdfContentDisposition(label: string): string {
  return `attachment; filename="${pdfDownloadName(label)}"`;
}
