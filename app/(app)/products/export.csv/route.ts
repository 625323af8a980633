import { getDb } from '@/db';
import { iterateProducts } from '@/db/queries/products';
import { getSessionUser } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';
import { PRODUCT_CSV_HEADER, productCsvRow } from '@/lib/products/csv';
import { parseProductFilters } from '@/lib/products/list-filters';

export const dynamic = 'force-dynamic';

/** The products the list shows (same search and status), every page of them, as the importer reads them back. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const filters = parseProductFilters(Object.fromEntries(new URL(request.url).searchParams));
  const batches = (function* () {
    for (const rows of iterateProducts(getDb(), filters)) yield rows.map(productCsvRow);
  })();
  return csvResponse(`products-${todayIso()}.csv`, PRODUCT_CSV_HEADER, batches);
}
