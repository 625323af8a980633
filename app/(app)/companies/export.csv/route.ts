import { getDb } from '@/db';
import { iterateCompanies } from '@/db/queries/companies';
import { getSessionUser } from '@/lib/auth/session';
import { parseListFilters } from '@/lib/contacts/list-filters';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';

export const dynamic = 'force-dynamic';

const HEADER = ['id', 'name', 'domain', 'industry', 'size', 'address', 'owner', 'tags', 'created_at'];

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const filters = parseListFilters(Object.fromEntries(new URL(request.url).searchParams));
  const batches = (function* () {
    for (const rows of iterateCompanies(getDb(), filters, user)) {
      yield rows.map((r) => [r.id, r.name, r.domain, r.industry, r.size, r.address, r.owner, r.tags, new Date(Number(r.createdAt)).toISOString()]);
    }
  })();
  return csvResponse(`companies-${todayIso()}.csv`, HEADER, batches);
}
