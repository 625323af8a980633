import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { FEED_MAX_EVENTS, type FeedActivity } from '@/lib/calendar/feed';
import { andScope, companyScope, contactScope, dealScope, type Viewer } from './visibility';

// The calendar feed URL carries users.calendar_secret, the only credential the feed asks for.

/** 32 random bytes, base64url: 43 URL-safe characters. */
export function newCalendarSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The active user a feed secret belongs to, or null for an unknown or revoked one. */
export function findCalendarOwner(db: Db, secret: string): (Viewer & { name: string }) | null {
  const row = db.$client.prepare('select id, name, role from users where calendar_secret = ? and active = 1').get(secret) as (Viewer & { name: string }) | undefined;
  return row ?? null;
}

export function getCalendarSecret(db: Db, userId: number): string | null {
  const row = db.$client.prepare('select calendar_secret as secret from users where id = ?').get(userId) as { secret: string | null } | undefined;
  return row?.secret ?? null;
}

/** Replaces the user's secret with a new one: the old feed URL stops working at once. */
export function renewCalendarSecret(db: Db, userId: number): string {
  const secret = newCalendarSecret();
  db.$client.prepare('update users set calendar_secret = ?, updated_at = ? where id = ?').run(secret, Date.now(), userId);
  return secret;
}

const COLUMNS = `a.id, a.type, a.subject, a.due_date as dueDate, a.done_at as doneAt,
  d.id as dealId, d.title as dealTitle, c.id as contactId,
  case when c.id is null then null else trim(c.first_name || ' ' || c.last_name) end as contactName,
  co.id as companyId, co.name as companyName`;

// The items are the owner's own, but what they are about may be out of the owner's sight ("Reps
// see: only their own"): then the event names no deal, contact or company.
function joins(db: Db, owner: Viewer): string {
  const one = { one: true };
  return `left join deals d on d.id = a.deal_id ${andScope(dealScope(db, owner, 'd'))}
  left join contacts c on c.id = a.contact_id ${andScope(contactScope(db, owner, 'c', one))}
  left join companies co on co.id = a.company_id ${andScope(companyScope(db, owner, 'co', one))}`;
}

// Both reads walk activities_owner_due_idx: open items by due date, finished meetings by done_at.
const openFeedSql = (joined: string) => `select ${COLUMNS} from activities a indexed by activities_owner_due_idx ${joined}
  where a.owner_id = @ownerId and a.done_at is null and a.due_date >= @since and a.type in ('task', 'meeting')
  order by a.due_date limit @openLimit`;
const doneMeetingsSql = (joined: string) => `select ${COLUMNS} from activities a indexed by activities_owner_due_idx ${joined}
  where a.owner_id = @ownerId and a.done_at >= @sinceMs and a.type = 'meeting'
  order by a.done_at limit @meetingLimit`;

/**
 * A user's open tasks and scheduled meetings due since a date, and their meetings held since an
 * instant (the start of that date, with a day's margin for time zones); at most a few thousand.
 */
export function listFeedActivities(db: Db, owner: Viewer, since: string): FeedActivity[] {
  const sinceMs = Date.parse(`${since}T00:00:00Z`) - 86_400_000;
  // Upcoming work matters most: three quarters of the feed for open items, the rest for meetings held.
  const openLimit = Math.round(FEED_MAX_EVENTS * 0.75);
  const params = { ownerId: owner.id, since, sinceMs, openLimit, meetingLimit: FEED_MAX_EVENTS - openLimit };
  const joined = joins(db, owner);
  return [
    ...(db.$client.prepare(openFeedSql(joined)).all(params) as FeedActivity[]),
    ...(db.$client.prepare(doneMeetingsSql(joined)).all(params) as FeedActivity[]),
  ];
}
