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
import { getCompanyHeader, listCompanyContacts } from '@/db/queries/companies';
import { listDealsFor, listOpenTasksFor } from '@/db/queries/contacts';
import { mergedInto } from '@/db/queries/merge';
import { listTimeline } from '@/db/queries/timeline';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { idParam } from '@/lib/route-params';
import { parseTimelineParams } from '@/lib/timeline/types';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Company' };

export default async function CompanyPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  if (!id) notFound();
  const company = getCompanyHeader(db, id, user);
  if (!company) {
    // A merged-away company's old links lead to the record it was merged into.
    const kept = mergedInto(db, 'company', id, user);
    if (kept) permanentRedirect(`/companies/${kept}`);
    notFound();
  }
  const { types, before } = parseTimelineParams(await searchParams);
  const { entries, next } = listTimeline(db, { companyId: id }, { types, before, viewer: user });
  const { currency, timezone } = getWorkspace(db);
  const today = todayIso(timezone);
  const people = listCompanyContacts(db, id, user);

  return (
    <div className="space-y-6">
      <RecordHeader
        testId="company-header"
        title={company.name}
        subtitle={
          <>
            {[company.industry, company.size ? `${company.size} people` : null].filter(Boolean).join(' · ')}
            {company.domain ? (
              <>
                {company.industry || company.size ? ' · ' : ''}
                <a href={`https://${company.domain}`} className="break-words text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
                  {company.domain}
                </a>
              </>
            ) : null}
          </>
        }
        tags={company.tags}
        actions={
          <Link href={`/companies/${id}/edit`} className={buttonClass('secondary')}>
            Edit
          </Link>
        }
      >
        <Fact label="Owner">{company.ownerName ?? '—'}</Fact>
        <Fact label="Contacts">{company.contacts}</Fact>
        <Fact label="Won, lifetime">
          <span className="tabular-nums">{formatMoney(company.wonCents, currency)}</span>
        </Fact>
        <Fact label="Open pipeline">
          <span className="tabular-nums">{formatMoney(company.openCents, currency)}</span>
        </Fact>
        <Fact label="Last contacted">{company.lastContactedAt ? formatDate(dateInZone(company.lastContactedAt, timezone)) : 'Never'}</Fact>
        <Fact label="Next task">
          {company.nextTaskSubject ? `${company.nextTaskSubject}${company.nextTaskDue ? ` · ${formatDate(company.nextTaskDue)}` : ''}` : 'None scheduled'}
        </Fact>
        <Fact label="Address">{company.address ?? '—'}</Fact>
        <Fact label="Price list">{company.priceListName ?? 'Catalogue prices'}</Fact>
      </RecordHeader>

      {/* grid-cols-1 is minmax(0, 1fr): a long name in the side panel truncates instead of widening the page past a phone. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <RecordTimeline record={{ companyId: id }} path={`/companies/${id}`} entries={entries} next={next} types={types} today={today} timeZone={timezone} currentUserId={user.id} showContact />
        <aside className="space-y-4">
          <Card className="p-4">
            <div className="mb-2 flex items-center justify-between">
              <h2 className="text-sm font-semibold text-slate-900">People</h2>
              <Link href="/contacts/new" className="text-xs font-medium text-brand-700 hover:underline">
                New contact
              </Link>
            </div>
            {people.length === 0 ? <p className="text-sm text-slate-500">No contacts yet.</p> : null}
            <ul className="divide-y divide-slate-100">
              {people.map((p) => (
                <li key={p.id} className="py-1.5 text-sm">
                  <Link href={`/contacts/${p.id}`} className="font-medium text-slate-800 hover:text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  {p.title ? <span className="block truncate text-xs text-slate-500">{p.title}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
          <RelatedDeals deals={listDealsFor(db, { companyId: id }, user)} currency={currency} newDealHref={`/deals/new?company=${id}`} />
          <RelatedTasks tasks={listOpenTasksFor(db, { companyId: id }, user)} today={today} />
        </aside>
      </div>
    </div>
  );
}
