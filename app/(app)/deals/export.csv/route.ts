import { getDb } from '@/db';
import { iterateDeals } from '@/db/queries/deal-list';
import { getWorkspace } from '@/db/queries/workspace';
import { getSessionUser } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';
import { DEAL_CSV_HEADER, dealCsvRow } from '@/lib/deals/csv';
import { parseDealFilters } from '@/lib/deals/filters';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const db = getDb();
  const { currency } = getWorkspace(db);
  const filters = parseDealFilters(Object.fromEntries(new URL(request.url).searchParams), user.role);
  const batches = (function* () {
    for (const rows of iterateDeals(db, filters, user)) yield rows.map((r) => dealCsvRow(r, currency));
  })();
  return csvResponse(`deals-${todayIso()}.csv`, DEAL_CSV_HEADER, batches);
}
