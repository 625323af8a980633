import 'server-only';
import { getDb } from '@/db';
import { getQuote, type QuoteHeader } from '@/db/queries/quotes';

/** The quote behind a URL segment, or null for anything that is not the id of an existing quote. */
export function quoteFromParam(raw: string): QuoteHeader | null {
  if (!/^[1-9]\d{0,14}$/.test(raw)) return null;
  return getQuote(getDb(), Number(raw));
}
