import { getDb } from '@/db';
import { findCalendarOwner, listFeedActivities } from '@/db/queries/calendar';
import { getWorkspace } from '@/db/queries/workspace';
import { feedEvents, feedStartDate } from '@/lib/calendar/feed';
import { secretFromFile } from '@/lib/calendar/feed-url';
import { requestOrigin } from '@/lib/http/origin';
import { serializeCalendar } from '@/lib/calendar/ical';
import { dateInZone } from '@/lib/dates';

export const dynamic = 'force-dynamic';

// A user's private calendar feed. No session: the secret in the URL is the credential, so an unknown
// or revoked one answers a bare 404 that tells nothing.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const secret = secretFromFile((await params).file);
  const db = getDb();
  const owner = secret ? findCalendarOwner(db, secret) : null;
  if (!owner) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });

  const now = Date.now();
  const { name, timezone } = getWorkspace(db);
  const since = feedStartDate(dateInZone(now, timezone));
  const events = feedEvents(listFeedActivities(db, owner, since), { origin: requestOrigin(request.headers), timeZone: timezone, since });
  const body = serializeCalendar({ name: `${name} — ${owner.name}`, events, now });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="keel.ics"',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
