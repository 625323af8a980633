import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { RecordHeader } from '@/components/records/record-header';
import { RecordTimeline } from '@/components/records/record-timeline';
import { RelatedDeals, RelatedTasks } from '@/components/records/related';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Fact } from '@/components/ui/fact';
import { getDb } from '@/db';
import { getContactHeader, listDealsFor, listOpenTasksFor } from '@/db/queries/contacts';
import { mergedInto } from '@/db/queries/merge';
import { listTimeline } from '@/db/queries/timeline';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { ContactOtherChannels } from '@/components/records/contact-other-channels';
import { formatMoney } from '@/lib/money';
import { idParam } from '@/lib/route-params';
import { parseTimelineParams } from '@/lib/timeline/types';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Contact' };

export default async function ContactPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  if (!id) notFound();
  const contact = getContactHeader(db, id, user);
  if (!contact) {
    // A merged-away contact's old links lead to the record it was merged into.
    const kept = mergedInto(db, 'contact', id, user);
    if (kept) permanentRedirect(`/contacts/${kept}`);
    notFound();
  }
  const { types, before } = parseTimelineParams(await searchParams);
  const { entries, next } = listTimeline(db, { contactId: id }, { types, before, viewer: user });
  const { currency, timezone } = getWorkspace(db);
  const today = todayIso(timezone);
  const name = `${contact.firstName} ${contact.lastName}`.trim();

  return (
    <div className="space-y-6">
      <RecordHeader
        testId="contact-header"
        title={name}
        subtitle={
          <>
            {contact.title}
            {contact.title && contact.companyName ? ' at ' : ''}
            {contact.companyId ? (
              <Link href={`/companies/${contact.companyId}`} className="font-medium text-brand-700 hover:underline">
                {contact.companyName}
              </Link>
            ) : null}
          </>
        }
        tags={contact.tags}
        actions={
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
        }
      >
        <Fact label="Email">{contact.email ? <a className="text-brand-700 hover:underline" href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</Fact>
        <Fact label="Phone">{contact.phone ? <a className="text-brand-700 hover:underline" href={`tel:${contact.phone}`}>{contact.phone}</a> : '—'}</Fact>
        <ContactOtherChannels emails={contact.otherEmails} phones={contact.otherPhones} />
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
      </RecordHeader>

      {/* grid-cols-1 is minmax(0, 1fr): a long name in the side panel truncates instead of widening the page past a phone. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <RecordTimeline record={{ contactId: id }} path={`/contacts/${id}`} entries={entries} next={next} types={types} today={today} timeZone={timezone} currentUserId={user.id} />
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
