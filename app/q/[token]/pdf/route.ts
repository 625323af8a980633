import { quotePdfResponse } from '@/components/quotes/quote-pdf';
import { getDb } from '@/db';
import { getQuoteByToken, listQuoteLines } from '@/db/queries/quotes';
import { getWorkspace } from '@/db/queries/workspace';
import { PUBLIC_TOKEN } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** The customer's copy: by token only, and never a draft (the same rule as the public page). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const quote = PUBLIC_TOKEN.test(token) ? getQuoteByToken(db, token) : null;
  if (!quote || quote.status === 'draft') return new Response('Not found', { status: 404 });
  return quotePdfResponse(quote, listQuoteLines(db, quote.id), getWorkspace(db).name);
}
