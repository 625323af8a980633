import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuoteDocument, quoteCompany } from '@/components/quotes/quote-document';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db';
import { getQuoteByToken, listQuoteLines } from '@/db/queries/quotes';
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { formatDate } from '@/lib/dates';
import { quoteLabel, responseBlock } from '@/lib/quotes/status';
import { PUBLIC_TOKEN } from '@/lib/route-params';
import { RespondForms } from './respond-forms';

// The customer's view of a sent quote: no sign-in, found only by its unguessable token. Drafts and
// unknown tokens are "not found" alike, so the page tells nothing about quotes one cannot open.
type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: 'Your quote', robots: { index: false, follow: false } };

function quoteFor(token: string) {
  if (!PUBLIC_TOKEN.test(token)) return null;
  const q = getQuoteByToken(getDb(), token);
  return q && q.status !== 'draft' ? q : null;
}

export default async function PublicQuotePage({ params }: Props) {
  const { token } = await params;
  const q = quoteFor(token);
  if (!q) notFound();
  const db = getDb();
  const ws = getWorkspace(db);
  const block = responseBlock(q, workspaceToday(db).today);
  const label = quoteLabel(q.number, q.revision);

  return (
    <main className="min-h-dvh bg-slate-100 px-3 py-6 sm:px-6 sm:py-10 print:bg-white print:p-0">
      <div className="mx-auto max-w-4xl space-y-5">
        <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
          <p className="text-sm text-slate-600">
            Quote <span className="font-medium text-slate-900">{label}</span> from {ws.name}
          </p>
          <a href={`/q/${token}/pdf`} className={buttonClass('secondary', 'sm')} download>
            Download PDF
          </a>
        </div>
        <QuoteDocument quote={q} lines={listQuoteLines(db, q.id)} company={quoteCompany(ws)} />
        <section className="print:hidden" aria-label="Your answer">
          {q.status === 'accepted' ? (
            <Alert tone="success">
              Accepted by {q.acceptedName}. Thank you — {q.ownerName ?? 'we'} will be in touch about the next steps.
            </Alert>
          ) : q.status === 'declined' ? (
            <Alert tone="info">You declined this quote. If anything changes, just reply to the person who sent it.</Alert>
          ) : block === 'superseded' ? (
            <Alert tone="info">This quote has been replaced by a newer version. Please use the latest link you were sent.</Alert>
          ) : block === 'expired' ? (
            <Alert tone="info">This quote expired on {formatDate(q.validUntil)}. Ask {q.ownerName ?? 'us'} for a new one.</Alert>
          ) : (
            <RespondForms token={token} total={q.totalCents} currency={q.currency} validUntil={formatDate(q.validUntil)} />
          )}
        </section>
      </div>
    </main>
  );
}
