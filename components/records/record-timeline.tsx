import Link from 'next/link';
import { LogActivityForm } from '@/components/activity/log-activity-form';
import { Timeline, TimelineFilter } from '@/components/timeline/timeline';
import { buttonClass } from '@/components/ui/button';
import type { TimelineEntry } from '@/db/queries/timeline';
import { encodeCursor, type TimelineCursor, type TimelineType } from '@/lib/timeline/types';

type Props = {
  /** Where a logged activity goes, and the page the filter and "Show older" links stay on. */
  record: { contactId: number } | { companyId: number };
  path: string;
  entries: TimelineEntry[];
  next: TimelineCursor | null;
  types: TimelineType[];
  today: string;
  timeZone: string;
  currentUserId: number;
  /** A company's timeline names the contact of each entry. */
  showContact?: boolean;
};

/** A contact's or company's timeline: log an activity, filter by type, and page back in time. */
export function RecordTimeline({ record, path, entries, next, types, today, timeZone, currentUserId, showContact }: Props) {
  const typeHref = (t: TimelineType[]) => `${path}${t.length ? `?type=${t.join(',')}` : ''}`;
  return (
    <section aria-labelledby="timeline-title" className="min-w-0">
      <h2 id="timeline-title" className="mb-2 text-base font-semibold text-slate-900">
        Timeline
      </h2>
      <div className="mb-4">
        <LogActivityForm {...record} today={today} />
      </div>
      <TimelineFilter active={types} hrefFor={typeHref} />
      <Timeline entries={entries} today={today} timeZone={timeZone} currentUserId={currentUserId} showContact={showContact} />
      {next ? (
        <div className="mt-4 text-center">
          <Link href={`${typeHref(types)}${types.length ? '&' : '?'}before=${encodeCursor(next)}`} className={buttonClass('secondary')} scroll={false}>
            Show older
          </Link>
        </div>
      ) : null}
    </section>
  );
}
