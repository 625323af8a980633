import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LogActivityForm } from '@/components/activity/log-activity-form';
import { RelatedDeals, RelatedTasks } from '@/components/records/related';
import { Timeline, TimelineFilter } from '@/components/timeline/timeline';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Fact } from '@/components/ui/fact';
import { Tag } from '@/components/ui/tag';
import { getDb } from '@/db';
import { getContactHeader, listDealsFor, listOpenTasksFor } from '@/db/queries/contacts';
import { listTimeline } from '@/db/queries/timeline';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { decodeCursor, encodeCursor, timelineTypesSchema, type TimelineType } from '@/lib/timeline/types';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Contact' };

export default async function ContactPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = Number((await params).id);
  const db = getDb();
  const contact = Number.isInteger(id) && id > 0 ? getContactHeader(db, id, user) : null;
  if (!contact) notFound();
  const sp = await searchParams;
  const types = timelineTypesSchema.parse(sp.type);
  const before = decodeCursor(typeof sp.before === 'string' ? sp.before : null);
  const { entries, next } = listTimeline(db, { contactId: id }, { types, before, viewer: user });
  const { currency, timezone } = getWorkspace(db);
  const today = todayIso(timezone);
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const typeHref = (t: TimelineType[]) => `/contacts/${id}${t.length ? `?type=${t.join(',')}` : ''}`;

  return (
    <div className="space-y-6">
      <Card className="p-5" data-testid="contact-header">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
            <p className="mt-0.5 text-sm text-slate-600">
              {contact.title}
              {contact.title && contact.companyName ? ' at ' : ''}
              {contact.companyId ? (
                <Link href={`/companies/${contact.companyId}`} className="font-medium text-brand-700 hover:underline">
                  {contact.companyName}
                </Link>
              ) : null}
            </p>
            {contact.tags.length ? (
              <div className="mt-2 flex flex-wrap gap-1">
                {contact.tags.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
              </div>
            ) : null}
          </div>
          <div className="flex shrink-0 gap-2">
            {contact.phone ? (
              <a href={`tel:${contact.phone}`} className={buttonClass('secondary')}>
                Call
              </a>
            ) : null}
            <Link href={`/contacts/${id}/edit`} className={buttonClass('secondary')}>
              Edit
            </Link>
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-4 border-t border-slate-100 pt-4 md:grid-cols-4">
          <Fact label="Email">{contact.email ? <a className="text-brand-700 hover:underline" href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</Fact>
          <Fact label="Phone">{contact.phone ? <a className="text-brand-700 hover:underline" href={`tel:${contact.phone}`}>{contact.phone}</a> : '—'}</Fact>
          <Fact label="Owner">{contact.ownerName ?? '—'}</Fact>
          <Fact label="Last contacted">{contact.lastContactedAt ? formatDate(dateInZone(contact.lastContactedAt, timezone)) : 'Never'}</Fact>
          <Fact label="Won, lifetime">
            <span className="tabular-nums">{formatMoney(contact.wonCents, currency)}</span>
          </Fact>
          <Fact label="Open pipeline">
            <span className="tabular-nums">{formatMoney(contact.openCents, currency)}</span>
          </Fact>
          <Fact label="Next task">
            {contact.nextTaskSubject ? (
              <span className={contact.nextTaskDue && contact.nextTaskDue < today ? 'text-red-600' : undefined}>
                {contact.nextTaskSubject}
                {contact.nextTaskDue ? ` · ${formatDate(contact.nextTaskDue)}` : ''}
              </span>
            ) : (
              'None scheduled'
            )}
          </Fact>
          <Fact label="Source">{contact.source ?? '—'}</Fact>
        </dl>
      </Card>

      {/* grid-cols-1 is minmax(0, 1fr): a long name in the side panel truncates instead of widening the page past a phone. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="timeline-title" className="min-w-0">
          <h2 id="timeline-title" className="mb-2 text-base font-semibold text-slate-900">
            Timeline
          </h2>
          <div className="mb-4">
            <LogActivityForm contactId={id} today={today} />
          </div>
          <TimelineFilter active={types} hrefFor={typeHref} />
          <Timeline entries={entries} today={today} timeZone={timezone} currentUserId={user.id} />
          {next ? (
            <div className="mt-4 text-center">
              <Link href={`${typeHref(types)}${types.length ? '&' : '?'}before=${encodeCursor(next)}`} className={buttonClass('secondary')} scroll={false}>
                Show older
              </Link>
            </div>
          ) : null}
        </section>
        <aside className="space-y-4">
          <RelatedDeals deals={listDealsFor(db, { contactId: id }, user)} currency={currency} newDealHref={`/deals/new?contact=${id}`} />
          <RelatedTasks tasks={listOpenTasksFor(db, { contactId: id }, user)} today={today} />
          {contact.address || contact.notes ? (
            <Card className="space-y-2 p-4 text-sm">
              {contact.address ? (
                <p>
                  <span className="block text-xs font-medium text-slate-500">Address</span>
                  {contact.address}
                </p>
              ) : null}
              {contact.notes ? (
                <p className="whitespace-pre-line">
                  <span className="block text-xs font-medium text-slate-500">Notes</span>
                  {contact.notes}
                </p>
              ) : null}
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
