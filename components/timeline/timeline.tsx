import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import type { TimelineEntry } from '@/db/queries/timeline';
import { EntryActions } from './entry-actions';
import { formatDate, formatInstant } from '@/lib/dates';
import { TIMELINE_LABELS, TIMELINE_TYPES, type TimelineType } from '@/lib/timeline/types';

const ICONS: Record<TimelineType, { glyph: string; tone: string }> = {
  call: { glyph: '☎', tone: 'bg-sky-100 text-sky-700' },
  email: { glyph: '✉', tone: 'bg-indigo-100 text-indigo-700' },
  meeting: { glyph: '◷', tone: 'bg-violet-100 text-violet-700' },
  note: { glyph: '✎', tone: 'bg-amber-100 text-amber-700' },
  task: { glyph: '✓', tone: 'bg-slate-200 text-slate-700' },
  reassigned: { glyph: '⇄', tone: 'bg-slate-100 text-slate-600' },
  stage: { glyph: '→', tone: 'bg-brand-100 text-brand-700' },
  deal: { glyph: '+', tone: 'bg-brand-100 text-brand-700' },
  won: { glyph: '★', tone: 'bg-emerald-100 text-emerald-700' },
  lost: { glyph: '✕', tone: 'bg-red-100 text-red-700' },
  quote: { glyph: '❏', tone: 'bg-teal-100 text-teal-700' },
  merge: { glyph: '⇉', tone: 'bg-fuchsia-100 text-fuchsia-700' },
  lead: { glyph: '◎', tone: 'bg-orange-100 text-orange-700' },
};

const OUTCOMES: Record<string, string> = { connected: 'Connected', no_answer: 'No answer', left_voicemail: 'Left voicemail' };

/** Filter chips: one link per type, keeping the rest of the URL. */
export function TimelineFilter({ active, hrefFor }: { active: TimelineType[]; hrefFor: (types: TimelineType[]) => string }) {
  return (
    <div className="mb-3 flex flex-wrap gap-1.5" role="group" aria-label="Show only">
      <Link href={hrefFor([])} className={cx('rounded-full px-2.5 py-1 text-xs font-medium ring-1', active.length === 0 ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-600 ring-slate-200 hover:bg-slate-50')}>
        Everything
      </Link>
      {TIMELINE_TYPES.map((t) => {
        const on = active.includes(t);
        return (
          <Link
            key={t}
            href={hrefFor(on ? active.filter((x) => x !== t) : [...active, t])}
            aria-pressed={on}
            className={cx('rounded-full px-2.5 py-1 text-xs font-medium ring-1', on ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-600 ring-slate-200 hover:bg-slate-50')}
          >
            {TIMELINE_LABELS[t]}
          </Link>
        );
      })}
    </div>
  );
}

export function Timeline({
  entries,
  today,
  timeZone,
  showContact,
  currentUserId,
}: {
  entries: TimelineEntry[];
  today: string;
  timeZone: string;
  showContact?: boolean;
  currentUserId: number;
}) {
  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">Nothing here yet. Log a call, an email or a note to start the story.</p>;
  }
  return (
    <ol className="relative space-y-3 before:absolute before:top-2 before:bottom-2 before:left-4 before:w-px before:bg-slate-200">
      {entries.map((e) => {
        const icon = ICONS[e.type];
        const overdue = e.type === 'task' && !e.done && e.dueDate !== null && e.dueDate < today;
        return (
          <li key={e.key} data-testid="timeline-item" data-type={e.type} className="relative flex gap-3">
            <span className={cx('z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-sm ring-4 ring-slate-50', icon.tone)} aria-hidden="true">
              {icon.glyph}
            </span>
            <div className="min-w-0 flex-1 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                <p className="font-medium text-slate-900">
                  <span className="sr-only">{TIMELINE_LABELS[e.type]}: </span>
                  {e.title}
                </p>
                <time className="text-xs text-slate-500" dateTime={new Date(e.at).toISOString()}>
                  {formatInstant(e.at, timeZone)}
                </time>
              </div>
              <p className="mt-0.5 text-xs text-slate-500">
                {[
                  e.userName,
                  e.outcome ? OUTCOMES[e.outcome] : null,
                  e.type === 'task' ? (e.done ? 'Done' : e.dueDate ? `Due ${formatDate(e.dueDate)}` : 'No due date') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {overdue ? <span className="ml-1 font-medium text-red-600">Overdue</span> : null}
              </p>
              {e.leadId ? (
                <p className="mt-1 text-xs">
                  <Link href={`/leads/${e.leadId}`} className="text-brand-700 hover:underline" data-testid="timeline-lead-link">
                    Lead: {e.leadName}
                  </Link>
                </p>
              ) : null}
              {e.dealId ? (
                <p className="mt-1 text-xs">
                  <Link href={`/deals/${e.dealId}`} className="text-brand-700 hover:underline">
                    {e.dealTitle}
                  </Link>
                  {showContact && e.contactName && e.contactId ? (
                    <>
                      {' · '}
                      <Link href={`/contacts/${e.contactId}`} className="text-brand-700 hover:underline">
                        {e.contactName}
                      </Link>
                    </>
                  ) : null}
                </p>
              ) : showContact && e.contactName && e.contactId ? (
                <p className="mt-1 text-xs">
                  <Link href={`/contacts/${e.contactId}`} className="text-brand-700 hover:underline">
                    {e.contactName}
                  </Link>
                </p>
              ) : null}
              {e.body ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{e.body}</p> : null}
              {e.activityId && e.ownerId === currentUserId ? <EntryActions activityId={e.activityId} subject={e.title} body={e.body} /> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
