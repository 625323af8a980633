import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { ProductForm } from '../_components/product-form';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requireRole('admin', 'manager');
  const ws = getWorkspace(getDb());
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New product" description="It is priced from the catalogue until a price list gives it another price." />
      <ProductForm canEdit currency={ws.currency} defaultTaxRateBp={ws.defaultTaxRateBp} />
    </div>
  );
}
