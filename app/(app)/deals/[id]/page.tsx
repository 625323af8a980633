import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { LogActivityForm } from '@/components/activity/log-activity-form';
import { QuoteStatusBadge } from '@/components/quotes/status-badge';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { Fact } from '@/components/ui/fact';
import { getDb } from '@/db';
import { getDealDetail, listDealTimeline, type DealDetail } from '@/db/queries/deal-detail';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listDealQuotes } from '@/db/queries/quote-list';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { timelineLimit } from '@/lib/activities/deal-timeline';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { formatDate, nowMs, todayIso } from '@/lib/dates';
import { effectiveProbabilityBp, weightedCents } from '@/lib/deals/probability';
import { rotState } from '@/lib/deals/rotting';
import { formatMoney } from '@/lib/money';
import { quoteLabel } from '@/lib/quotes/status';
import { idParam } from '@/lib/route-params';
import { DealControls } from './_components/deal-controls';
import { DealForm } from './_components/deal-form';
import { DealTimeline } from './_components/deal-timeline';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The signed-in user and the deal behind a URL segment (null for anything that is not the id of an
 * existing deal), once per request. The metadata loads through here too: Next computes it beside the
 * page, so a session check in the page alone would let the title out to a signed-out request.
 */
const loadDeal = cache(async (raw: string): Promise<{ user: SessionUser; deal: DealDetail | null }> => {
  const user = await requireUser();
  const id = idParam(raw);
  return { user, deal: id ? getDealDetail(getDb(), id, user) : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { deal } = await loadDeal((await params).id);
  return { title: deal?.title ?? 'Deal' };
}

export default async function DealPage({ params, searchParams }: Props) {
  const { user, deal } = await loadDeal((await params).id);
  if (!deal) notFound();
  const db = getDb();
  const ws = getWorkspace(db);
  const { pages, limit } = timelineLimit((await searchParams).timeline);
  const { entries, more } = listDealTimeline(db, deal.id, { limit, currency: ws.currency, viewer: user });
  const today = todayIso(ws.timezone);
  const stages = listPipelinesWithStages(db).find((p) => p.id === deal.pipelineId)?.stages ?? [];
  const managerial = seesEveryone(user.role);
  const canEdit = managerial || deal.ownerId === user.id;
  const probability = effectiveProbabilityBp(deal.stageProbabilityBp, deal.probabilityOverrideBp);
  const rot = rotState(deal, deal.rotDays, nowMs());
  const money = (c: number) => formatMoney(c, ws.currency);
  const quotes = listDealQuotes(db, deal.id, today, user);

  return (
    <div className="space-y-6">
      <Card className="p-4 sm:p-5" data-testid="deal-header">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="text-xs font-medium text-slate-500">
              <Link href={`/deals?pipeline=${deal.pipelineId}`} className="hover:underline">
                {deal.pipelineName}
              </Link>{' '}
              · {deal.stageName}
            </p>
            <h1 className="mt-0.5 text-2xl font-semibold tracking-tight break-words text-slate-900">{deal.title}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {deal.companyId ? (
                <Link href={`/companies/${deal.companyId}`} className="font-medium text-brand-700 hover:underline">
                  {deal.companyName}
                </Link>
              ) : null}
              {deal.companyId && deal.contactId ? ' · ' : ''}
              {deal.contactId ? (
                <Link href={`/contacts/${deal.contactId}`} className="font-medium text-brand-700 hover:underline">
                  {deal.contactName}
                </Link>
              ) : null}
              {!deal.companyId && !deal.contactId ? <span className="text-slate-400">No company or contact yet</span> : null}
            </p>
          </div>
          <span
            data-testid="deal-status"
            className={cx(
              'self-start rounded-full px-3 py-1 text-sm font-medium',
              deal.status === 'won' ? 'bg-emerald-100 text-emerald-800' : deal.status === 'lost' ? 'bg-red-100 text-red-800' : rot.rotting ? 'bg-amber-100 text-amber-800' : 'bg-slate-100 text-slate-700',
            )}
          >
            {deal.status === 'won' ? 'Won' : deal.status === 'lost' ? `Lost${deal.lostReason ? `: ${deal.lostReason}` : ''}` : rot.rotting ? `Open · rotting, ${rot.idleDays} d idle` : 'Open'}
          </span>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-4 border-t border-slate-100 pt-4 md:grid-cols-5">
          <Fact label="Value">
            <span className="tabular-nums" data-testid="deal-value">
              {money(deal.valueCents)}
            </span>
          </Fact>
          <Fact label="Probability">
            {probability / 100}%{deal.probabilityOverrideBp !== null ? ' (set by hand)' : ''}
          </Fact>
          <Fact label="Weighted">
            <span className="tabular-nums">{money(weightedCents(deal.valueCents, probability))}</span>
          </Fact>
          <Fact label="Expected close">
            <span className={cx(deal.status === 'open' && deal.expectedCloseDate && deal.expectedCloseDate < today && 'font-medium text-red-600')}>
              {deal.expectedCloseDate ? formatDate(deal.expectedCloseDate) : '—'}
            </span>
          </Fact>
          <Fact label="Owner">{deal.ownerName ?? '—'}</Fact>
        </dl>
        <div className="mt-5 space-y-3">
          {canEdit ? null : (
            <Alert tone="info">
              This is {deal.ownerName ? `${deal.ownerName}’s` : 'someone else’s'} deal: you can see it and log activities on it, but only its owner, a manager or an admin can change it.
            </Alert>
          )}
          <DealControls
            deal={deal}
            stages={stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp }))}
            lostReasons={listLostReasons(db, { activeOnly: true }).map((r) => r.label)}
            canEdit={canEdit}
          />
        </div>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-title" className="min-w-0 space-y-4">
          <LogActivityForm dealId={deal.id} today={today} />
          <div>
            <h2 id="timeline-title" className="mb-3 text-base font-semibold text-slate-900">
              History
            </h2>
            <DealTimeline entries={entries} today={today} timeZone={ws.timezone} user={{ id: user.id, seesEveryone: managerial }} moreHref={more ? `/deals/${deal.id}?timeline=${pages + 1}` : null} />
          </div>
        </section>
        <div className="order-first space-y-6 lg:order-none">
          <Card className="h-fit p-4" data-testid="deal-quotes">
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 className="text-sm font-semibold text-slate-900">Quotes</h2>
              {canEdit ? (
                <Link href={`/quotes/new?deal=${deal.id}`} className={buttonClass('secondary', 'sm')}>
                  Create quote
                </Link>
              ) : null}
            </div>
            {quotes.length === 0 ? (
              <p className="text-sm text-slate-500">No quotes yet. “Create quote” starts one with this deal’s company and contact.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {quotes.map((q) => (
                  <li key={q.id} className="flex items-center justify-between gap-2 py-2">
                    <Link href={`/quotes/${q.id}`} className="font-medium text-brand-700 hover:underline">
                      {quoteLabel(q.number, q.revision)}
                    </Link>
                    <span className="flex items-center gap-2">
                      <span className="text-slate-600 tabular-nums">{money(q.totalCents)}</span>
                      <QuoteStatusBadge status={q.status} superseded={Boolean(q.supersededById)} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card className="h-fit p-4">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Details</h2>
            <DealForm deal={deal} users={listActiveUsers(db)} canReassign={managerial} canEdit={canEdit} />
          </Card>
        </div>
      </div>
    </div>
  );
}
