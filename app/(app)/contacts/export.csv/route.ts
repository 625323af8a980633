import { getDb } from '@/db';
import { iterateContacts } from '@/db/queries/contacts';
import { getSessionUser } from '@/lib/auth/session';
import { parseListFilters } from '@/lib/contacts/list-filters';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';

export const dynamic = 'force-dynamic';

// Other emails and phones are one a line inside their cell, as stored: a quoted multi-line cell that
// spreadsheets show as lines and an import reads back unambiguously.
const HEADER = ['id', 'first_name', 'last_name', 'email', 'phone', 'other_emails', 'other_phones', 'title', 'company', 'owner', 'tags', 'source', 'address', 'created_at'];

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const filters = parseListFilters(Object.fromEntries(new URL(request.url).searchParams));
  const batches = (function* () {
    for (const rows of iterateContacts(getDb(), filters, user)) {
      yield rows.map((r) => [r.id, r.firstName, r.lastName, r.email, r.phone, r.otherEmails, r.otherPhones, r.title, r.company, r.owner, r.tags, r.source, r.address, new Date(Number(r.createdAt)).toISOString()]);
    }
  })();
  return csvResponse(`contacts-${todayIso()}.csv`, HEADER, batches);
}
