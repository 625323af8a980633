import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuoteDocument, quoteCompany } from '@/components/quotes/quote-document';
import { QuoteStatusBadge } from '@/components/quotes/status-badge';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listQuoteEvents, listQuoteLines, listRevisions } from '@/db/queries/quotes';
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { formatInstant } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { describeQuoteEvent } from '@/lib/quotes/describe';
import { effectiveStatus, quoteLabel } from '@/lib/quotes/status';
import { loadQuote } from '../_components/load';
import { QuoteActions } from '../_components/quote-actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quote: q } = await loadQuote((await params).id);
  return { title: q ? quoteLabel(q.number, q.revision) : 'Quote' };
}

export default async function QuotePage({ params }: Props) {
  const { user, quote: q } = await loadQuote((await params).id);
  if (!q) notFound();
  const db = getDb();
  const ws = getWorkspace(db);
  const status = effectiveStatus(q, workspaceToday(db).today);
  const mine = seesEveryone(user.role) || q.ownerId === user.id;
  const revisions = listRevisions(db, q.number, user);
  const newer = q.supersededById ? revisions.find((r) => r.id === q.supersededById) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="flex flex-col gap-3 print:hidden">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{quoteLabel(q.number, q.revision)}</h1>
          <QuoteStatusBadge status={status} superseded={Boolean(q.supersededById)} />
        </div>
        <p className="text-sm text-slate-600">
          {q.dealId ? (
            <>
              Deal{' '}
              <Link href={`/deals/${q.dealId}`} className="font-medium text-brand-700 hover:underline">
                {q.dealTitle}
              </Link>
              {' · '}
            </>
          ) : null}
          {q.companyId ? (
            <Link href={`/companies/${q.companyId}`} className="font-medium text-brand-700 hover:underline">
              {q.companyName}
            </Link>
          ) : null}
          {q.companyId && q.contactId ? ' · ' : ''}
          {q.contactId ? (
            <Link href={`/contacts/${q.contactId}`} className="font-medium text-brand-700 hover:underline">
              {q.contactName}
            </Link>
          ) : null}
          {q.ownerName ? ` · by ${q.ownerName}` : ''}
          {q.priceListName ? ` · ${q.priceListName} prices` : ''}
        </p>
        {newer ? (
          <Alert tone="info">
            Replaced by{' '}
            <Link href={`/quotes/${newer.id}`} className="font-medium underline">
              {quoteLabel(q.number, newer.revision)}
            </Link>
            : this version can no longer be accepted.
          </Alert>
        ) : null}
        {status === 'accepted' ? (
          <Alert tone="success">
            Accepted by {q.acceptedName} on {formatInstant(q.respondedAt ?? 0, ws.timezone)}{q.acceptedIp ? ` from ${q.acceptedIp}` : ''}.
          </Alert>
        ) : null}
        {status === 'declined' ? <Alert>Declined by the customer{q.declineReason ? `: “${q.declineReason}”` : '.'}</Alert> : null}
        {status === 'expired' ? <Alert tone="info">This quote expired without an answer. Revise it to send a new version with a new date.</Alert> : null}
        <QuoteActions
          quoteId={q.id}
          version={q.version}
          validUntil={q.validUntil}
          canEdit={mine && q.status === 'draft'}
          canSend={mine && q.status === 'draft'}
          canRevise={mine && !q.supersededById && status !== 'draft' && status !== 'accepted'}
          publicPath={q.status !== 'draft' && !q.supersededById ? `/q/${q.publicToken}` : null}
        />
      </div>

      <QuoteDocument quote={q} lines={listQuoteLines(db, q.id)} company={quoteCompany(ws)} />

      <div className="grid gap-6 md:grid-cols-2 print:hidden">
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">History</h2>
          <ol className="space-y-2 text-sm" data-testid="quote-history">
            {listQuoteEvents(db, q.id).map((e) => (
              <li key={e.id} className="flex flex-col sm:flex-row sm:justify-between sm:gap-4">
                <span className="text-slate-800">{describeQuoteEvent(e)}</span>
                <span className="shrink-0 text-xs text-slate-500">{formatInstant(e.at, ws.timezone)}</span>
              </li>
            ))}
          </ol>
        </Card>
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Versions</h2>
          <ol className="space-y-2 text-sm">
            {revisions.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-3">
                {r.id === q.id ? (
                  <span className="font-medium text-slate-900">{quoteLabel(q.number, r.revision)} (this one)</span>
                ) : (
                  <Link href={`/quotes/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {quoteLabel(q.number, r.revision)}
                  </Link>
                )}
                <span className="text-slate-500 tabular-nums">{formatMoney(r.totalCents, q.currency)}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
