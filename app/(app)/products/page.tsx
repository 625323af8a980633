import type { Metadata } from 'next';
import Link from 'next/link';
import { DataList, type Column } from '@/components/list/data-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listProducts, type ProductRow } from '@/db/queries/products';
import { getWorkspace } from '@/db/queries/workspace';
import { isAdmin, seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { bpToPercent, formatMoney } from '@/lib/money';
import { hrefWithParams, type SearchParams } from '@/lib/list/params';
import { parseProductFilters, productFiltersToParams, type ProductFilters } from '@/lib/products/list-filters';
import { ProductToolbar } from './_components/product-toolbar';
import { StatusBadge } from './_components/status-badge';

export const metadata: Metadata = { title: 'Products' };

const STATUS_WORDS = { active: 'active ', inactive: 'inactive ', all: '' } as const;

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const filters = parseProductFilters(await searchParams);
  const db = getDb();
  const { rows, total, page } = listProducts(db, filters);
  const { currency } = getWorkspace(db);
  const canEdit = seesEveryone(user.role);
  const href = (change: Partial<ProductFilters>) => hrefWithParams('/products', productFiltersToParams(filters, change));
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
                <Link href="/import?kind=products" className={buttonClass('secondary')}>
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
      <DataList
        label="Products"
        rows={rows}
        columns={productColumns(currency)}
        rowTestId="product-row"
        card="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5"
        sorting={{ sort: filters.sort, dir: filters.dir, hrefFor: (sort, dir) => href({ sort: sort as ProductFilters['sort'], dir, page: 1 }) }}
        pages={{ page, total, hrefFor: (p) => href({ page: p }) }}
        empty={
          <EmptyState
            // With no search, an empty active list still may hide inactive products: offer them rather than
            // "none yet". Props are built whether the list is empty or not, so only an empty one asks.
            filtered={Boolean(filters.q) || filters.status !== 'active' || (rows.length === 0 && listProducts(db, { ...filters, status: 'all' }).total > 0)}
            canEdit={canEdit}
            clearHref={href({ q: '', status: 'all', page: 1 })}
          />
        }
      />
    </>
  );
}

/** On a phone: name and price on top, SKU and tax below, and the status only when inactive. */
function productColumns(currency: string): Column<ProductRow>[] {
  return [
    {
      label: 'Name',
      sort: 'name',
      className: 'min-w-0 md:max-w-md',
      cell: (p) => (
        <>
          <Link href={`/products/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
            {p.name}
          </Link>
          {p.description ? <div className="truncate text-xs text-slate-500">{p.description}</div> : null}
        </>
      ),
    },
    { label: 'SKU', sort: 'sku', className: 'col-start-1 font-mono text-xs text-slate-600', cell: (p) => p.sku },
    { label: 'Unit', phone: false, className: 'text-slate-600', cell: (p) => p.unit },
    {
      label: 'Unit price',
      sort: 'price',
      align: 'right',
      className: 'col-start-2 row-start-1 text-right font-medium tabular-nums text-slate-900 md:font-normal',
      cell: (p) => (
        <>
          {formatMoney(p.unitPriceCents, currency)}
          <span className="text-xs font-normal text-slate-500 md:hidden"> / {p.unit}</span>
        </>
      ),
    },
    {
      label: 'Tax',
      align: 'right',
      className: 'col-start-2 row-start-2 text-right text-xs text-slate-500 tabular-nums md:text-sm md:text-slate-600',
      cell: (p) => (
        <>
          <span className="md:hidden">Tax </span>
          {bpToPercent(p.taxRateBp)}%
        </>
      ),
    },
    { label: 'Status', phone: (p) => !p.active, className: (p) => (p.active ? undefined : 'col-start-1'), cell: (p) => <StatusBadge active={p.active} /> },
  ];
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
          <Link href="/import?kind=products" className={buttonClass('secondary')}>
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
