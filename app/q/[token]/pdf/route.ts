import { getDb } from '@/db';
import { loadQuotePdf } from '@/db/queries/quote-pdf';
import { getQuoteByToken } from '@/db/queries/quotes';
import { quotePdfService } from '@/lib/pdf/quote-pdf-service';
import { PUBLIC_TOKEN } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** The customer's copy: by token only, and never a draft (the same rule as the public page). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const quote = PUBLIC_TOKEN.test(token) ? getQuoteByToken(db, token) : null;
  if (!quote || quote.status === 'draft') return new Response('Not found', { status: 404 });
  return quotePdfService().respond(loadQuotePdf(db, quote));
}
