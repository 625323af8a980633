import 'server-only';
import type { Db } from '@/db/client';
import type { QuotePdfStamp } from '@/lib/pdf/cache-key';
import type { QuotePdfData } from '@/lib/pdf/protocol';
import { listQuoteLines, type QuoteHeader } from './quotes';
import { getWorkspace } from './workspace';

/** Everything a quote's PDF draws, and the version stamp its cached file is named by. */
export function loadQuotePdf(db: Db, quote: QuoteHeader): { data: QuotePdfData; stamp: QuotePdfStamp } {
  return {
    data: { quote, lines: listQuoteLines(db, quote.id), workspaceName: getWorkspace(db).name },
    stamp: { quoteId: quote.id, version: quote.version, updatedAt: quote.updatedAt },
  };
}
