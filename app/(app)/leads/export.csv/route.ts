import { getDb } from '@/db';
import { iterateLeads } from '@/db/queries/leads';
import { isAdmin } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';
import { parseLeadFilters } from '@/lib/leads/list-filters';

export const dynamic = 'force-dynamic';

const HEADER = [
  'id', 'first_name', 'last_name', 'email', 'phone', 'company', 'title', 'website', 'country', 'source', 'status', 'score', 'owner',
  'utm_source', 'utm_medium', 'utm_campaign', 'tags', 'created_at',
];

/** The leads under the list's filters (only admins export the spam), in the columns an import reads back. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const filters = parseLeadFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (filters.spam && !isAdmin(user.role)) return new Response(null, { status: 403 });
  const batches = (function* () {
    for (const rows of iterateLeads(getDb(), filters, user)) {
      yield rows.map((r) => [
        r.id, r.firstName, r.lastName, r.email, r.phone, r.companyName, r.title, r.website, r.country, r.source, r.status, r.score, r.owner,
        r.utmSource, r.utmMedium, r.utmCampaign, r.tags, new Date(Number(r.createdAt)).toISOString(),
      ]);
    }
  })();
  return csvResponse(`leads-${todayIso()}.csv`, HEADER, batches);
}
