import type { Metadata } from 'next';
import Link from 'next/link';
import { DataList, type Column } from '@/components/list/data-list';
import { QuoteStatusBadge } from '@/components/quotes/status-badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listQuotes, type QuoteListRow } from '@/db/queries/quote-list';
import { workspaceToday } from '@/db/queries/workspace';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { hrefWithParams, type SearchParams } from '@/lib/list/params';
import { parseQuoteFilters, quoteFiltersToParams, type QuoteFilters } from '@/lib/quotes/list-filters';
import { quoteLabel } from '@/lib/quotes/status';
import { QuoteFilterBar } from './_components/quote-filters';

export const metadata: Metadata = { title: 'Quotes' };

// On a phone: the quote and its status on top, the customer below, then dates and total.
const COLUMNS: Column<QuoteListRow>[] = [
  {
    label: 'Quote',
    className: 'min-w-0',
    cell: (r) => (
      <>
        <Link href={`/quotes/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {quoteLabel(r.number, r.revision)}
        </Link>
        {r.title ? <div className="truncate text-xs text-slate-500">{r.title}</div> : null}
      </>
    ),
  },
  { label: 'Customer', className: 'order-3 col-span-2 min-w-0 text-slate-600', cell: (r) => [r.companyName, r.contactName].filter(Boolean).join(' · ') || '—' },
  { label: 'Status', className: 'text-right md:text-left', cell: (r) => <QuoteStatusBadge status={r.status} superseded={Boolean(r.supersededById)} /> },
  { label: 'Owner', phone: false, className: 'order-4 text-slate-600', cell: (r) => r.ownerName },
  {
    label: 'Valid until',
    align: 'right',
    className: 'order-4 text-xs whitespace-nowrap text-slate-500 md:text-right md:text-sm',
    cell: (r) => (
      <>
        <span className="md:hidden">Valid until </span>
        {formatDate(r.validUntil)}
      </>
    ),
  },
  { label: 'Total', align: 'right', className: 'order-4 text-right font-medium text-slate-900 tabular-nums', cell: (r) => formatMoney(r.totalCents, r.currency) },
];

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  // A rep starts from their own quotes; a manager from everyone's.
  const defaultOwner = seesEveryone(user.role) ? 'all' : 'me';
  const filters = parseQuoteFilters(await searchParams, defaultOwner);
  const db = getDb();
  const today = workspaceToday(db).today;
  const { rows, total, page } = listQuotes(db, filters, user, today);
  const href = (change: Partial<QuoteFilters>) => hrefWithParams('/quotes', quoteFiltersToParams(filters, defaultOwner, change));
  const filtered = Boolean(filters.q || filters.status !== 'all' || filters.owner !== defaultOwner);

  return (
    <>
      <PageHeader
        title="Quotes"
        description={`${total.toLocaleString('en-US')} ${total === 1 ? 'quote' : 'quotes'}${filtered ? ' match these filters' : ''}. Start one from a deal with “Create quote”.`}
        actions={
          <Link href="/quotes/new" className={buttonClass()}>
            New quote
          </Link>
        }
      />
      <QuoteFilterBar users={listActiveUsers(db)} defaultOwner={defaultOwner} />
      <DataList
        label="Quotes"
        rows={rows}
        columns={COLUMNS}
        rowTestId="quote-row"
        card="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1"
        pages={{ page, total, hrefFor: (p) => href({ page: p }) }}
        empty={
          <Card className="p-10 text-center">
            <p className="font-medium text-slate-900">{filtered ? 'No quote matches.' : 'No quotes yet.'}</p>
            <p className="mt-1 text-sm text-slate-500">{filtered ? 'Clear a filter to see more.' : 'Open a deal and click “Create quote”: its company and contact come filled in.'}</p>
            <Link href="/deals" className={`${buttonClass('secondary')} mt-4`}>
              Go to deals
            </Link>
          </Card>
        }
      />
    </>
  );
}
