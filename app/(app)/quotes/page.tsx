import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { QuoteStatusBadge } from '@/components/quotes/status-badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listQuotes } from '@/db/queries/quote-list';
import { workspaceToday } from '@/db/queries/tasks';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { parseQuoteFilters, QUOTE_PAGE_SIZE, quoteFiltersToParams, type QuoteFilters } from '@/lib/quotes/list-filters';
import { quoteLabel } from '@/lib/quotes/status';
import { QuoteFilterBar } from './_components/quote-filters';

export const metadata: Metadata = { title: 'Quotes' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuotesPage({ searchParams }: Props) {
  const user = await requireUser();
  // A rep starts from their own quotes; a manager from everyone's.
  const defaultOwner = seesEveryone(user.role) ? 'all' : 'me';
  const filters = parseQuoteFilters(await searchParams, defaultOwner);
  const db = getDb();
  const today = workspaceToday(db).today;
  const { rows, total } = listQuotes(db, filters, user, today);
  const href = (change: Partial<QuoteFilters>) => {
    const p = quoteFiltersToParams(filters, defaultOwner, change);
    return `/quotes${p.size ? `?${p}` : ''}`;
  };
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
      {rows.length === 0 ? (
        <Card className="p-10 text-center">
          <p className="font-medium text-slate-900">{filtered ? 'No quote matches.' : 'No quotes yet.'}</p>
          <p className="mt-1 text-sm text-slate-500">{filtered ? 'Clear a filter to see more.' : 'Open a deal and click “Create quote”: its company and contact come filled in.'}</p>
          <Link href="/deals" className={`${buttonClass('secondary')} mt-4`}>
            Go to deals
          </Link>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-sm" aria-label="Quotes">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Quote</th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Customer</th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Status</th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Owner</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Valid until</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="quote-row" className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50 md:table-row md:p-0">
                  <td className="min-w-0 md:px-4 md:py-3">
                    <Link href={`/quotes/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {quoteLabel(r.number, r.revision)}
                    </Link>
                    {r.title ? <div className="truncate text-xs text-slate-500">{r.title}</div> : null}
                  </td>
                  <td className="order-3 col-span-2 min-w-0 text-slate-600 md:px-4 md:py-3">{[r.companyName, r.contactName].filter(Boolean).join(' · ') || '—'}</td>
                  <td className="text-right md:px-4 md:py-3 md:text-left">
                    <QuoteStatusBadge status={r.status} superseded={Boolean(r.supersededById)} />
                  </td>
                  <td className="order-4 hidden text-slate-600 md:table-cell md:px-4 md:py-3">{r.ownerName}</td>
                  <td className="order-4 text-xs whitespace-nowrap text-slate-500 md:px-4 md:py-3 md:text-right md:text-sm">
                    <span className="md:hidden">Valid until </span>
                    {formatDate(r.validUntil)}
                  </td>
                  <td className="order-4 text-right font-medium text-slate-900 tabular-nums md:px-4 md:py-3">{formatMoney(r.totalCents, r.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={filters.page} pageSize={QUOTE_PAGE_SIZE} total={total} hrefFor={(page) => href({ page })} />
    </>
  );
}
