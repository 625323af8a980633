import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { DashboardLead } from '@/db/queries/dashboard';
import { dateInZone, formatDate } from '@/lib/dates';

type Leads = { leads: DashboardLead[]; total: number };

/** The dashboard's lead panels: new leads waiting for a first touch, and hot leads, each linking to the lead. */
export function LeadPanels({ fresh, hot, threshold, team, timeZone }: { fresh: Leads; hot: Leads; threshold: number; team: boolean; timeZone: string }) {
  return (
    <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
      <LeadPanel
        title={team ? 'New leads' : 'My new leads'}
        testId="dash-new-leads"
        data={fresh}
        href={`/leads?status=new${team ? '' : '&owner=me'}`}
        empty={
          <>
            No new leads waiting{team ? '' : ' for you'}. <Link href="/leads/new" className="font-medium text-brand-700 hover:underline">Add a lead</Link> you met, or share a web form
            so visitors land here.
          </>
        }
        right={(l) => formatDate(dateInZone(l.createdAt, timeZone))}
        showOwner={team}
      />
      <LeadPanel
        title={team ? 'Hot leads' : 'My hot leads'}
        testId="dash-hot-leads"
        data={hot}
        href={`/leads?hot=1${team ? '' : '&owner=me'}`}
        empty={
          <>
            No open lead scores {threshold} or more yet. Log calls and meetings on your leads: engagement raises their score, and the hottest show here.
          </>
        }
        right={(l) => `Score ${l.score}`}
        tone="hot"
        showOwner={team}
      />
    </div>
  );
}

function LeadPanel({ title, testId, data, href, empty, right, tone, showOwner }: { title: string; testId: string; data: Leads; href: string; empty: React.ReactNode; right: (l: DashboardLead) => string; tone?: 'hot'; showOwner: boolean }) {
  return (
    <Card className="p-4" data-testid={testId}>
      <div className="mb-1 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">
          {title} <span className="font-normal text-slate-500">({data.total})</span>
        </h2>
        <Link href={href} className="text-xs font-medium text-brand-700 hover:underline">
          See all
        </Link>
      </div>
      {data.total === 0 ? (
        <p className="py-4 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.leads.map((l) => (
            <li key={l.id} className="flex items-start justify-between gap-3 py-2 text-sm" data-testid="dash-lead" data-lead-id={l.id}>
              <div className="min-w-0">
                <Link href={`/leads/${l.id}`} className="block truncate font-medium text-slate-800 hover:text-brand-700 hover:underline">
                  {l.name}
                </Link>
                <div className="truncate text-xs text-slate-500">{[l.companyName, l.sourceName, showOwner ? (l.ownerName ?? 'No owner') : null].filter(Boolean).join(' · ') || 'No company or source yet'}</div>
              </div>
              <span className={cx('shrink-0 text-xs font-medium', tone === 'hot' ? 'rounded-full bg-orange-100 px-2 py-0.5 text-orange-700' : 'text-slate-600')}>{right(l)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
