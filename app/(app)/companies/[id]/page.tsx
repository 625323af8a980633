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
import { getCompanyHeader, listCompanyContacts } from '@/db/queries/companies';
import { listDealsFor, listOpenTasksFor } from '@/db/queries/contacts';
import { listTimeline } from '@/db/queries/timeline';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { decodeCursor, encodeCursor, timelineTypesSchema, type TimelineType } from '@/lib/timeline/types';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Company' };

export default async function CompanyPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = Number((await params).id);
  const db = getDb();
  const company = Number.isInteger(id) && id > 0 ? getCompanyHeader(db, id, user) : null;
  if (!company) notFound();
  const sp = await searchParams;
  const types = timelineTypesSchema.parse(sp.type);
  const before = decodeCursor(typeof sp.before === 'string' ? sp.before : null);
  const { entries, next } = listTimeline(db, { companyId: id }, { types, before, viewer: user });
  const { currency, timezone } = getWorkspace(db);
  const today = todayIso(timezone);
  const people = listCompanyContacts(db, id, user);
  const typeHref = (t: TimelineType[]) => `/companies/${id}${t.length ? `?type=${t.join(',')}` : ''}`;

  return (
    <div className="space-y-6">
      <Card className="p-5" data-testid="company-header">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{company.name}</h1>
            <p className="mt-0.5 text-sm text-slate-600">
              {[company.industry, company.size ? `${company.size} people` : null].filter(Boolean).join(' · ')}
              {company.domain ? (
                <>
                  {company.industry || company.size ? ' · ' : ''}
                  <a href={`https://${company.domain}`} className="break-words text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
                    {company.domain}
                  </a>
                </>
              ) : null}
            </p>
            {company.tags.length ? (
              <div className="mt-2 flex flex-wrap gap-1">
                {company.tags.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
              </div>
            ) : null}
          </div>
          <Link href={`/companies/${id}/edit`} className={buttonClass('secondary')}>
            Edit
          </Link>
        </div>
        <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-4 border-t border-slate-100 pt-4 md:grid-cols-4">
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
        </dl>
      </Card>

      {/* grid-cols-1 is minmax(0, 1fr): a long name in the side panel truncates instead of widening the page past a phone. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="timeline-title" className="min-w-0">
          <h2 id="timeline-title" className="mb-2 text-base font-semibold text-slate-900">
            Timeline
          </h2>
          <div className="mb-4">
            <LogActivityForm companyId={id} today={today} />
          </div>
          <TimelineFilter active={types} hrefFor={typeHref} />
          <Timeline entries={entries} today={today} timeZone={timezone} currentUserId={user.id} showContact />
          {next ? (
            <div className="mt-4 text-center">
              <Link href={`${typeHref(types)}${types.length ? '&' : '?'}before=${encodeCursor(next)}`} className={buttonClass('secondary')} scroll={false}>
                Show older
              </Link>
            </div>
          ) : null}
        </section>
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
