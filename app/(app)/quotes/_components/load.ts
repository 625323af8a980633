import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { getQuote, type QuoteHeader } from '@/db/queries/quotes';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';

/**
 * The signed-in user and the quote behind a URL segment (null for anything that is not the id of an
 * existing quote), once per request. Pages and their metadata both load through here: Next computes
 * metadata beside the page, so a session check in the page alone would let the number out.
 */
export const loadQuote = cache(async (raw: string): Promise<{ user: SessionUser; quote: QuoteHeader | null }> => {
  const user = await requireUser();
  const id = idParam(raw);
  return { user, quote: id ? getQuote(getDb(), id, user) : null };
});
