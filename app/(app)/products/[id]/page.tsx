import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getProductPrices } from '@/db/queries/price-lists';
import { getProduct } from '@/db/queries/products';
import { getWorkspace } from '@/db/queries/workspace';
import { isAdmin, seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';
import { ProductForm } from '../_components/product-form';
import { StatusBadge } from '../_components/status-badge';
import { PriceBlock } from './_components/price-block';

export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  const product = id ? getProduct(db, id) : null;
  const prices = product ? getProductPrices(db, product.id) : null;
  if (!product || !prices) notFound();
  const { currency } = getWorkspace(db);
  const admin = isAdmin(user.role);
  const common = { productId: product.id, unit: product.unit, currency, canEdit: admin, catalogueCents: prices.catalogueCents };

  return (
    <>
      <PageHeader
        title={product.name}
        actions={
          <Link href="/products" className={buttonClass('secondary')}>
            All products
          </Link>
        }
      />
      <p className="-mt-4 mb-6 flex items-center gap-2 text-sm text-slate-500">
        <span className="font-mono">{product.sku}</span>
        <StatusBadge active={product.active} />
      </p>
      <div className="grid items-start gap-8 xl:grid-cols-2">
        <section aria-labelledby="details-title">
          <h2 id="details-title" className="text-lg leading-6 font-semibold text-slate-900">
            Details
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-500">What a quote line takes from the product; each line can still change it.</p>
          <ProductForm values={product} canEdit={seesEveryone(user.role)} currency={currency} />
        </section>

        <section aria-labelledby="prices-title">
          <h2 id="prices-title" className="text-lg leading-6 font-semibold text-slate-900">
            Prices
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-500">
            A volume tier changes the unit price once a quote line reaches its quantity: from then on the line costs the tier&apos;s price, or its % off the list price.
          </p>
          <div className="grid items-start gap-4 lg:grid-cols-2 xl:grid-cols-1">
            <PriceBlock {...common} list={null} tiers={prices.catalogueTiers} />
            {prices.lists.map((l) => (
              <PriceBlock key={l.id} {...common} list={{ id: l.id, name: l.name, cents: l.listCents }} tiers={l.tiers} />
            ))}
            {prices.lists.length === 0 ? (
              <div className="rounded-xl border border-dashed border-slate-300 p-5 text-sm text-slate-500">
                <p className="font-medium text-slate-700">No price lists yet.</p>
                <p className="mt-1">
                  Everyone pays the catalogue price.{' '}
                  {admin ? (
                    <>
                      To give partners or large customers other prices,{' '}
                      <Link href="/products/price-lists" className="font-medium text-brand-700 hover:underline">
                        create a price list
                      </Link>{' '}
                      and assign it to their companies.
                    </>
                  ) : (
                    'An admin can create price lists for partners or large customers.'
                  )}
                </p>
              </div>
            ) : null}
          </div>
        </section>
      </div>
    </>
  );
}
