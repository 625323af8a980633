import 'server-only';
import { getDb } from '@/db';
import { getQuote, type QuoteHeader } from '@/db/queries/quotes';
import { idParam } from '@/lib/route-params';

/** The quote behind a URL segment, or null for anything that is not the id of an existing quote. */
export function quoteFromParam(raw: string): QuoteHeader | null {
  const id = idParam(raw);
  return id ? getQuote(getDb(), id) : null;
}
