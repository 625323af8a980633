import { addDays, dateInZone } from '@/lib/dates';
import type { CalendarEvent } from './ical';

/** What a user's feed lists, and how far back: the last 30 days on, at most a few thousand events. */
export const FEED_DAYS_BACK = 30;
export const FEED_MAX_EVENTS = 4000;

export type FeedActivity = {
  id: number;
  type: 'task' | 'meeting';
  subject: string;
  dueDate: string | null;
  doneAt: number | null;
  dealId: number | null;
  dealTitle: string | null;
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  companyName: string | null;
};

export function feedStartDate(today: string): string {
  return addDays(today, -FEED_DAYS_BACK);
}

/**
 * Turns a user's open tasks and their meetings into all-day events: a task on its due date, a meeting
 * on its scheduled date or else the day it happened (in the workspace time zone). Each links back to
 * its deal, contact or company when it has one.
 */
export function feedEvents(activities: readonly FeedActivity[], options: { origin: string; timeZone: string; since: string }): CalendarEvent[] {
  const events: { id: number; event: CalendarEvent }[] = [];
  for (const a of activities) {
    const date = a.dueDate ?? (a.doneAt !== null ? dateInZone(a.doneAt, options.timeZone) : null);
    if (!date || date < options.since) continue;
    const links = [
      a.dealTitle ? `Deal: ${a.dealTitle}` : null,
      a.contactName ? `Contact: ${a.contactName}` : null,
      a.companyName ? `Company: ${a.companyName}` : null,
    ].filter(Boolean);
    const path = a.dealId ? `/deals/${a.dealId}` : a.contactId ? `/contacts/${a.contactId}` : a.companyId ? `/companies/${a.companyId}` : a.type === 'task' ? '/tasks' : null;
    const event: CalendarEvent = {
      uid: `activity-${a.id}@keel`,
      date,
      summary: a.type === 'task' ? `Task: ${a.subject}` : a.subject,
      description: links.length ? links.join('\n') : null,
      url: path ? `${options.origin}${path}` : null,
      transparent: a.type === 'task',
    };
    events.push({ id: a.id, event });
  }
  events.sort((x, y) => (x.event.date < y.event.date ? -1 : x.event.date > y.event.date ? 1 : x.id - y.id));
  return events.slice(0, FEED_MAX_EVENTS).map((e) => e.event);
}
