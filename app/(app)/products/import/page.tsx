import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { ImportWizard } from './_components/import-wizard';

export const metadata: Metadata = { title: 'Import products' };

export default async function ImportProductsPage() {
  await requireRole('admin', 'manager');
  const { currency } = getWorkspace(getDb());
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Import products"
        description={`From a CSV file with a header row. A row whose SKU is already in the catalogue updates that product; prices are in ${currency}. Nothing is saved until you confirm.`}
        actions={
          <Link href="/products" className={buttonClass('secondary')}>
            Products
          </Link>
        }
      />
      <ImportWizard />
    </div>
  );
}
