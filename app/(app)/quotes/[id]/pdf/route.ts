import { quotePdfResponse } from '@/components/quotes/quote-pdf';
import { getDb } from '@/db';
import { getQuote, listQuoteLines } from '@/db/queries/quotes';
import { getWorkspace } from '@/db/queries/workspace';
import { getSessionUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await getSessionUser())) return new Response(null, { status: 401 });
  const id = idParam((await params).id);
  const db = getDb();
  const quote = id ? getQuote(db, id) : null;
  if (!quote) return new Response('No such quote', { status: 404 });
  return quotePdfResponse(quote, listQuoteLines(db, quote.id), getWorkspace(db).name);
}
