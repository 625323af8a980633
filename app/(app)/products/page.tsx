import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { SortHeader } from '@/components/list/sort-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listProducts } from '@/db/queries/products';
import { getWorkspace } from '@/db/queries/workspace';
import { isAdmin, seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { bpToPercent, formatMoney } from '@/lib/money';
import { PRODUCT_PAGE_SIZE, parseProductFilters, productFiltersToParams, type ProductFilters } from '@/lib/products/list-filters';
import { ProductToolbar } from './_components/product-toolbar';
import { StatusBadge } from './_components/status-badge';

export const metadata: Metadata = { title: 'Products' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_WORDS = { active: 'active ', inactive: 'inactive ', all: '' } as const;

export default async function ProductsPage({ searchParams }: Props) {
  const user = await requireUser();
  const filters = parseProductFilters(await searchParams);
  const db = getDb();
  const { rows, total } = listProducts(db, filters);
  const { currency } = getWorkspace(db);
  const canEdit = seesEveryone(user.role);
  const href = (change: Partial<ProductFilters>) => {
    const p = productFiltersToParams(filters, change);
    return `/products${p.size ? `?${p}` : ''}`;
  };
  const sortHref = (sort: string, dir: 'asc' | 'desc') => href({ sort: sort as ProductFilters['sort'], dir, page: 1 });
  const exportParams = productFiltersToParams(filters, { page: 1, sort: 'name', dir: 'asc' });
  const noun = `${STATUS_WORDS[filters.status]}${total === 1 ? 'product' : 'products'}`;

  return (
    <>
      <PageHeader
        title="Products"
        description={`${total.toLocaleString('en-US')} ${noun}${filters.q ? ` matching “${filters.q}”` : ''}.`}
        actions={
          <>
            {isAdmin(user.role) ? (
              <Link href="/products/price-lists" className={buttonClass('secondary')}>
                Price lists
              </Link>
            ) : null}
            <a href={`/products/export.csv${exportParams.size ? `?${exportParams}` : ''}`} className={buttonClass('secondary')}>
              Export CSV
            </a>
            {canEdit ? (
              <>
                <Link href="/products/import" className={buttonClass('secondary')}>
                  Import
                </Link>
                <Link href="/products/new" className={buttonClass()}>
                  New product
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <ProductToolbar status={filters.status} />
      {rows.length === 0 ? (
        <EmptyState
          // With no search, an empty active list still may hide inactive products: offer them rather than "none yet".
          filtered={Boolean(filters.q) || filters.status !== 'active' || listProducts(db, { ...filters, status: 'all' }).total > 0}
          canEdit={canEdit}
          clearHref={href({ q: '', status: 'all', page: 1 })}
        />
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-sm" aria-label="Products">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 md:table-header-group">
              <tr>
                <SortHeader label="Name" sortKey="name" current={filters.sort} dir={filters.dir} hrefFor={sortHref} />
                <SortHeader label="SKU" sortKey="sku" current={filters.sort} dir={filters.dir} hrefFor={sortHref} />
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Unit</th>
                <SortHeader label="Unit price" sortKey="price" current={filters.sort} dir={filters.dir} hrefFor={sortHref} className="text-right" />
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Tax</th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((p) => (
                <tr key={p.id} data-testid="product-row" className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 px-4 py-3 hover:bg-slate-50 md:table-row md:p-0">
                  <td className="min-w-0 md:max-w-md md:px-4 md:py-3">
                    <Link href={`/products/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    {p.description ? <div className="truncate text-xs text-slate-500">{p.description}</div> : null}
                  </td>
                  <td className="col-start-1 font-mono text-xs text-slate-600 md:px-4 md:py-3">{p.sku}</td>
                  <td className="hidden text-slate-600 md:table-cell md:px-4 md:py-3">{p.unit}</td>
                  <td className="col-start-2 row-start-1 text-right font-medium tabular-nums text-slate-900 md:px-4 md:py-3 md:font-normal">
                    {formatMoney(p.unitPriceCents, currency)}
                    <span className="text-xs font-normal text-slate-500 md:hidden"> / {p.unit}</span>
                  </td>
                  <td className="col-start-2 row-start-2 text-right text-xs text-slate-500 tabular-nums md:px-4 md:py-3 md:text-sm md:text-slate-600">
                    <span className="md:hidden">Tax </span>
                    {bpToPercent(p.taxRateBp)}%
                  </td>
                  <td className={p.active ? 'hidden md:table-cell md:px-4 md:py-3' : 'col-start-1 md:px-4 md:py-3'}>
                    <StatusBadge active={p.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={filters.page} pageSize={PRODUCT_PAGE_SIZE} total={total} hrefFor={(page) => href({ page })} />
    </>
  );
}

function EmptyState({ filtered, canEdit, clearHref }: { filtered: boolean; canEdit: boolean; clearHref: string }) {
  if (filtered) {
    return (
      <Card className="p-10 text-center">
        <p className="font-medium text-slate-900">No product matches.</p>
        <p className="mt-1 text-sm text-slate-500">Try fewer letters, the start of the SKU, or another status.</p>
        <Link href={clearHref} className={`${buttonClass('secondary')} mt-4`}>
          Show all products
        </Link>
      </Card>
    );
  }
  return (
    <Card className="p-10 text-center">
      <p className="font-medium text-slate-900">No products yet.</p>
      <p className="mt-1 text-sm text-slate-500">
        {canEdit ? 'Add what you sell one by one, or import your catalogue from a CSV file.' : 'An admin or a manager adds what you sell; quotes pick from this list.'}
      </p>
      {canEdit ? (
        <div className="mt-4 flex justify-center gap-2">
          <Link href="/products/import" className={buttonClass('secondary')}>
            Import CSV
          </Link>
          <Link href="/products/new" className={buttonClass()}>
            New product
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
