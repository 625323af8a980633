import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LogActivityForm } from '@/components/activity/log-activity-form';
import { Timeline, TimelineFilter } from '@/components/timeline/timeline';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { Fact } from '@/components/ui/fact';
import { getDb } from '@/db';
import { getDealDetail } from '@/db/queries/deal-detail';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listTimeline } from '@/db/queries/timeline';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formatDate, nowMs, todayIso } from '@/lib/dates';
import { effectiveProbabilityBp, weightedCents } from '@/lib/deals/probability';
import { rotState } from '@/lib/deals/rotting';
import { formatMoney } from '@/lib/money';
import { decodeCursor, encodeCursor, timelineTypesSchema, type TimelineType } from '@/lib/timeline/types';
import { DealControls } from './_components/deal-controls';
import { DealForm } from './_components/deal-form';

export const metadata: Metadata = { title: 'Deal' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DEAL_TIMELINE_TYPES: TimelineType[] = ['call', 'email', 'meeting', 'note', 'task', 'stage', 'change', 'won', 'lost'];

export default async function DealPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = Number((await params).id);
  const db = getDb();
  const deal = Number.isInteger(id) && id > 0 ? getDealDetail(db, id) : null;
  if (!deal) notFound();
  const sp = await searchParams;
  const types = timelineTypesSchema.parse(sp.type);
  const before = decodeCursor(typeof sp.before === 'string' ? sp.before : null);
  const ws = getWorkspace(db);
  const { entries, next } = listTimeline(db, { dealId: id }, { types, before, currency: ws.currency });
  const today = todayIso(ws.timezone);
  const stages = listPipelinesWithStages(db).find((p) => p.id === deal.pipelineId)?.stages ?? [];
  const canEdit = seesEveryone(user.role) || deal.ownerId === user.id;
  const probability = effectiveProbabilityBp(deal.stageProbabilityBp, deal.probabilityOverrideBp);
  const rot = rotState(deal, deal.rotDays, nowMs());
  const money = (c: number) => formatMoney(c, ws.currency);
  const typeHref = (t: TimelineType[]) => `/deals/${id}${t.length ? `?type=${t.join(',')}` : ''}`;

  return (
    <div className="space-y-6">
      <Card className="p-5" data-testid="deal-header">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="text-xs font-medium text-slate-500">
              <Link href={`/deals?pipeline=${deal.pipelineId}`} className="hover:underline">
                {deal.pipelineName}
              </Link>{' '}
              · {deal.stageName}
            </p>
            <h1 className="mt-0.5 text-2xl font-semibold tracking-tight text-slate-900">{deal.title}</h1>
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
            <span className="tabular-nums" data-testid="deal-value">{money(deal.valueCents)}</span>
          </Fact>
          <Fact label="Probability">{probability / 100}%{deal.probabilityOverrideBp !== null ? ' (set by hand)' : ''}</Fact>
          <Fact label="Weighted">
            <span className="tabular-nums">{money(weightedCents(deal.valueCents, probability))}</span>
          </Fact>
          <Fact label="Expected close">{deal.expectedCloseDate ? formatDate(deal.expectedCloseDate) : '—'}</Fact>
          <Fact label="Owner">{deal.ownerName ?? '—'}</Fact>
        </dl>
        <div className="mt-5">
          <DealControls
            deal={deal}
            stages={stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp }))}
            lostReasons={listLostReasons(db, { activeOnly: true }).map((r) => r.label)}
            canEdit={canEdit}
          />
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="timeline-title" className="min-w-0 space-y-4">
          <LogActivityForm dealId={id} today={today} />
          <div>
            <h2 id="timeline-title" className="mb-2 text-base font-semibold text-slate-900">
              History
            </h2>
            <TimelineFilter active={types} hrefFor={typeHref} types={DEAL_TIMELINE_TYPES} />
            <Timeline entries={entries} today={today} currentUserId={user.id} />
            {next ? (
              <div className="mt-4 text-center">
                <Link href={`${typeHref(types)}${types.length ? '&' : '?'}before=${encodeCursor(next)}`} className={buttonClass('secondary')} scroll={false}>
                  Show older
                </Link>
              </div>
            ) : null}
          </div>
        </section>
        <Card className="h-fit p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Details</h2>
          <DealForm deal={deal} users={listActiveUsers(db)} canReassign={seesEveryone(user.role)} canEdit={canEdit} />
        </Card>
      </div>
    </div>
  );
}
