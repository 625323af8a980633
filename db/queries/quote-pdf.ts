import 'server-only';
import type { Db } from '@/db/client';
import type { QuotePdfStamp } from '@/lib/pdf/cache-key';
import type { PdfCompany, QuotePdfData } from '@/lib/pdf/protocol';
import { pdfDrawsLogo } from '@/lib/workspace/logo';
import { listQuoteLines, type QuoteHeader } from './quotes';
import { getWorkspace, getWorkspaceLogo } from './workspace';

/** The company's details as a PDF prints them; the logo's bytes are read only when a PDF can draw them. */
function pdfCompany(db: Db): PdfCompany {
  const ws = getWorkspace(db);
  const logo = ws.logoUpdatedAt === null ? null : getWorkspaceLogo(db);
  return {
    name: ws.name,
    address: ws.address,
    taxId: ws.taxId,
    logo: logo && pdfDrawsLogo(logo.mimeType) ? `data:${logo.mimeType};base64,${logo.data.toString('base64')}` : null,
  };
}

/**
 * Everything a quote's PDF draws, and the version stamp its cached file is named by. The company's
 * details and logo are part of the data, so the cache key (a hash of it) changes with any of them.
 */
export function loadQuotePdf(db: Db, quote: QuoteHeader): { data: QuotePdfData; stamp: QuotePdfStamp } {
  return {
    data: { quote, lines: listQuoteLines(db, quote.id), company: pdfCompany(db) },
    stamp: { quoteId: quote.id, version: quote.version, updatedAt: quote.updatedAt },
  };
}
