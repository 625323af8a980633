import Link from 'next/link';
import { EntryActions } from '@/components/timeline/entry-actions';
import { buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import type { DealTimelineEntry } from '@/db/queries/deal-detail';
import { timelineMeta, type DealTimelineType } from '@/lib/activities/deal-timeline';
import { formatDate, formatInstant } from '@/lib/dates';
import { CompleteTaskButton } from './complete-task-button';

const ICONS: Record<DealTimelineType, { glyph: string; tone: string; label: string }> = {
  call: { glyph: '☎', tone: 'bg-sky-100 text-sky-700', label: 'Call' },
  email: { glyph: '✉', tone: 'bg-indigo-100 text-indigo-700', label: 'Email' },
  meeting: { glyph: '◷', tone: 'bg-violet-100 text-violet-700', label: 'Meeting' },
  note: { glyph: '✎', tone: 'bg-amber-100 text-amber-700', label: 'Note' },
  task: { glyph: '✓', tone: 'bg-slate-200 text-slate-700', label: 'Task' },
  reassigned: { glyph: '⇄', tone: 'bg-slate-100 text-slate-600', label: 'Task reassigned' },
  stage: { glyph: '→', tone: 'bg-brand-100 text-brand-700', label: 'Stage change' },
  created: { glyph: '+', tone: 'bg-brand-100 text-brand-700', label: 'Created' },
  won: { glyph: '★', tone: 'bg-emerald-100 text-emerald-700', label: 'Won' },
  lost: { glyph: '✕', tone: 'bg-red-100 text-red-700', label: 'Lost' },
  reopened: { glyph: '↺', tone: 'bg-slate-100 text-slate-700', label: 'Reopened' },
  owner: { glyph: '⇄', tone: 'bg-slate-100 text-slate-600', label: 'Owner change' },
  value: { glyph: '$', tone: 'bg-slate-100 text-slate-600', label: 'Value change' },
  close_date: { glyph: '◴', tone: 'bg-slate-100 text-slate-600', label: 'Close date change' },
  probability: { glyph: '%', tone: 'bg-slate-100 text-slate-600', label: 'Probability change' },
  quote: { glyph: '❏', tone: 'bg-teal-100 text-teal-700', label: 'Quote' },
};

type Props = {
  entries: DealTimelineEntry[];
  today: string;
  timeZone: string;
  user: { id: number; seesEveryone: boolean };
  moreHref: string | null;
};

/** The deal's story, newest first: activities, stage moves and every recorded change. */
export function DealTimeline({ entries, today, timeZone, user, moreHref }: Props) {
  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">Nothing has happened yet. Log a call, an email or a note above to start the story.</p>;
  }
  return (
    <>
      <ol className="relative space-y-3 before:absolute before:top-2 before:bottom-2 before:left-4 before:w-px before:bg-slate-200">
        {entries.map((e) => {
          const icon = ICONS[e.type];
          const openTask = e.type === 'task' && !e.done;
          const overdue = openTask && e.dueDate !== null && e.dueDate < today;
          const mine = e.activityId !== null && e.ownerId === user.id;
          return (
            <li key={e.key} data-testid="timeline-item" data-type={e.type} className="relative flex gap-3">
              <span className={cx('z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-sm ring-4 ring-slate-50', icon.tone)} aria-hidden="true">
                {icon.glyph}
              </span>
              <div className={cx('min-w-0 flex-1 rounded-lg p-3 shadow-sm ring-1', openTask ? 'bg-amber-50/40 ring-amber-200' : 'bg-white ring-slate-200')}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                  <p className="min-w-0 font-medium break-words text-slate-900">
                    <span className="sr-only">{icon.label}: </span>
                    {e.title}
                  </p>
                  <time className="text-xs text-slate-500" dateTime={new Date(e.at).toISOString()}>
                    {formatInstant(e.at, timeZone)}
                  </time>
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {timelineMeta(e, formatDate)}
                  {overdue ? <span className="ml-1 font-medium text-red-600">Overdue</span> : null}
                </p>
                {e.body ? <p className="mt-2 text-sm break-words whitespace-pre-line text-slate-700">{e.body}</p> : null}
                {openTask && e.activityId && (e.ownerId === user.id || user.seesEveryone) ? (
                  <div className="mt-2">
                    <CompleteTaskButton taskId={e.activityId} subject={e.title} />
                  </div>
                ) : null}
                {mine && e.activityId ? <EntryActions activityId={e.activityId} subject={e.title} body={e.body} /> : null}
              </div>
            </li>
          );
        })}
      </ol>
      {moreHref ? (
        <div className="mt-4 text-center">
          <Link href={moreHref} scroll={false} className={buttonClass('secondary')}>
            Show more
          </Link>
        </div>
      ) : null}
    </>
  );
}
