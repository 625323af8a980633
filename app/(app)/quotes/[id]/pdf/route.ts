import { getDb } from '@/db';
import { loadQuotePdf } from '@/db/queries/quote-pdf';
import { getQuote } from '@/db/queries/quotes';
import { getSessionUser } from '@/lib/auth/session';
import { quotePdfService } from '@/lib/pdf/quote-pdf-service';
import { idParam } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** The signed-in copy of a quote the user may see, drafts included (404 for one they may not); rendered off the request thread and cached per version. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const id = idParam((await params).id);
  const db = getDb();
  const quote = id ? getQuote(db, id, user) : null;
  if (!quote) return new Response('No such quote', { status: 404 });
  return quotePdfService().respond(loadQuotePdf(db, quote));
}
