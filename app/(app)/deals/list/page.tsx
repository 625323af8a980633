import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { SortHeader } from '@/components/list/sort-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { DEAL_LIST_PAGE, listDeals } from '@/db/queries/deal-list';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { formatDate, todayIso } from '@/lib/dates';
import { dealFiltersToParams, parseDealFilters } from '@/lib/deals/filters';
import { parseDealListParams, type DealSort } from '@/lib/deals/list-sort';
import { weightedCents } from '@/lib/deals/probability';
import { formatMoney } from '@/lib/money';
import { DealFilterBar } from '../_components/filter-bar';

export const metadata: Metadata = { title: 'Deals list' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DealListPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseDealFilters(params, user.role);
  const sort = parseDealListParams(params);
  const db = getDb();
  const { currency } = getWorkspace(db);
  const { rows, total } = listDeals(db, filters, user, sort);
  const base = dealFiltersToParams(filters, user.role);
  const href = (change: Partial<{ sort: DealSort; dir: 'asc' | 'desc'; page: number }>) => {
    const next = { ...sort, ...change };
    const p = new URLSearchParams(base);
    if (next.sort !== 'close') p.set('sort', next.sort);
    if (next.dir !== 'asc') p.set('dir', next.dir);
    if (next.page > 1) p.set('page', String(next.page));
    return `/deals/list${p.size ? `?${p}` : ''}`;
  };
  const sortHref = (s: string, dir: 'asc' | 'desc') => href({ sort: s as DealSort, dir, page: 1 });
  const today = todayIso();
  const money = (c: number) => formatMoney(c, currency, { whole: true });
  const statusLabel = { open: 'open', won: 'won', lost: 'lost' }[filters.status];

  return (
    <>
      <PageHeader
        title="Deals"
        description={`${total.toLocaleString('en-US')} ${statusLabel} ${total === 1 ? 'deal' : 'deals'}.`}
        actions={
          <>
            <a href={`/deals/export.csv${base.size ? `?${base}` : ''}`} className={buttonClass('secondary')}>
              Export CSV
            </a>
            <Link href="/deals/new" className={buttonClass()}>
              New deal
            </Link>
          </>
        }
      />
      <DealFilterBar filters={filters} role={user.role} users={listActiveUsers(db)} pipelines={listPipelinesWithStages(db).map((p) => ({ id: p.id, name: p.name }))} view="list" />
      {rows.length === 0 ? (
        <Card className="p-10 text-center">
          <p className="font-medium text-slate-900">No {statusLabel} deals match.</p>
          <p className="mt-1 text-sm text-slate-500">Clear the search or pick “Everyone” as owner, or add a deal.</p>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-sm" aria-label="Deals">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 lg:table-header-group">
              <tr>
                <SortHeader label="Deal" sortKey="title" current={sort.sort} dir={sort.dir} hrefFor={sortHref} />
                <SortHeader label="Value" sortKey="value" current={sort.sort} dir={sort.dir} hrefFor={sortHref} className="text-right" />
                <SortHeader label="Stage" sortKey="stage" current={sort.sort} dir={sort.dir} hrefFor={sortHref} />
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Weighted</th>
                <SortHeader label="Close" sortKey="close" current={sort.sort} dir={sort.dir} hrefFor={sortHref} />
                <SortHeader label="Owner" sortKey="owner" current={sort.sort} dir={sort.dir} hrefFor={sortHref} />
                <SortHeader label="Created" sortKey="created" current={sort.sort} dir={sort.dir} hrefFor={sortHref} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((d) => (
                <tr key={d.id} data-testid="deal-row" data-deal-id={d.id} className="grid grid-cols-2 gap-x-3 gap-y-0.5 px-4 py-3 hover:bg-slate-50 lg:table-row lg:p-0">
                  <td className="col-span-2 min-w-0 lg:px-4 lg:py-2.5">
                    <Link href={`/deals/${d.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {d.title}
                    </Link>
                    <div className="truncate text-xs text-slate-500">
                      {[d.company, d.contact].filter(Boolean).join(' · ') || 'No company or contact'}
                    </div>
                  </td>
                  <td className="font-medium tabular-nums text-slate-900 lg:px-4 lg:py-2.5 lg:text-right" data-col="value">
                    {money(d.valueCents)}
                  </td>
                  <td className="text-slate-600 lg:px-4 lg:py-2.5">
                    {d.status === 'open' ? (
                      `${d.stage} · ${d.probabilityBp / 100}%`
                    ) : (
                      <span className={cx('rounded px-1.5 py-0.5 text-xs font-medium', d.status === 'won' ? 'bg-emerald-50 text-emerald-700' : 'bg-red-50 text-red-700')}>
                        {d.status === 'won' ? 'Won' : `Lost${d.lostReason ? `: ${d.lostReason}` : ''}`}
                      </span>
                    )}
                  </td>
                  <td className="hidden text-right tabular-nums text-slate-600 lg:table-cell lg:px-4 lg:py-2.5">{money(weightedCents(d.valueCents, d.probabilityBp))}</td>
                  <td className={cx('lg:px-4 lg:py-2.5', d.status === 'open' && d.expectedCloseDate && d.expectedCloseDate < today ? 'text-red-600' : 'text-slate-600')}>
                    {d.expectedCloseDate ? formatDate(d.expectedCloseDate) : '—'}
                  </td>
                  <td className="text-slate-600 lg:px-4 lg:py-2.5">{d.owner}</td>
                  <td className="hidden text-slate-500 lg:table-cell lg:px-4 lg:py-2.5">{new Date(d.createdAt).toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={sort.page} pageSize={DEAL_LIST_PAGE} total={total} hrefFor={(page) => href({ page })} />
    </>
  );
}
