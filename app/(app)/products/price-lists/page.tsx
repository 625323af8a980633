import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPriceLists } from '@/db/queries/price-lists';
import { requireRole } from '@/lib/auth/session';
import { CreatePriceListForm } from './_components/create-price-list-form';
import { PriceListRow } from './_components/price-list-row';

export const metadata: Metadata = { title: 'Price lists' };

export default async function PriceListsPage() {
  await requireRole('admin');
  const lists = listPriceLists(getDb());
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Price lists"
        description="The catalogue price is the default. A price list gives the companies on it other prices for some products; products without a price in the list keep the catalogue price."
        actions={
          <Link href="/products" className={buttonClass('secondary')}>
            Products
          </Link>
        }
      />
      <div className="space-y-6">
        <Card className="overflow-hidden">
          {lists.length === 0 ? (
            <div className="p-8 text-center">
              <p className="font-medium text-slate-900">No price lists yet.</p>
              <p className="mt-1 text-sm text-slate-500">
                Create one below (say, “Partners”), then give products a price in it from their page and assign it to companies on their edit form.
              </p>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Price lists">
              {lists.map((l) => (
                <PriceListRow key={l.id} list={l} />
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">New price list</h2>
          <CreatePriceListForm />
        </Card>
      </div>
    </div>
  );
}
