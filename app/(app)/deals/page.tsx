import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getColumnSummaries, listColumnCards } from '@/db/queries/board';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { nowMs, todayIso } from '@/lib/dates';
import { dealFiltersToParams, parseDealFilters } from '@/lib/deals/filters';
import { Board } from './_components/board';
import { DealFilterBar } from './_components/filter-bar';

export const metadata: Metadata = { title: 'Deals' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DealsBoardPage({ searchParams }: Props) {
  const user = await requireUser();
  const filters = parseDealFilters(await searchParams, user.role);
  // Won and lost deals leave the board: the status filter lists them.
  if (filters.status !== 'open') redirect(`/deals/list?${dealFiltersToParams(filters, user.role)}`);

  const db = getDb();
  const pipelines = listPipelinesWithStages(db);
  const pipeline = pipelines.find((p) => p.id === filters.pipelineId) ?? pipelines[0];
  if (!pipeline || pipeline.stages.length === 0) {
    return (
      <>
        <PageHeader title="Deals" />
        <Card className="p-8 text-center text-slate-600">
          There is no pipeline with stages yet.{' '}
          {user.role === 'admin' ? (
            <Link href="/settings/pipelines" className="font-medium text-brand-700 underline">
              Set up your pipeline
            </Link>
          ) : (
            'Ask an admin to set up the pipeline.'
          )}
        </Card>
      </>
    );
  }

  const scoped = { ...filters, pipelineId: pipeline.id };
  const summaries = getColumnSummaries(db, pipeline.id, scoped, user);
  const initialColumns = Object.fromEntries(pipeline.stages.map((s) => [s.id, listColumnCards(db, s.id, scoped, user)]));
  const query = dealFiltersToParams(filters, user.role).toString();
  const { currency } = getWorkspace(db);
  const total = summaries.reduce((n, s) => n + s.count, 0);

  return (
    <>
      <PageHeader
        title="Deals"
        description={`${total.toLocaleString('en-US')} open ${total === 1 ? 'deal' : 'deals'} in ${pipeline.name}. Drag a card to move it; drop it below the board to mark it won or lost.`}
        actions={
          <Link href={`/deals/new?pipeline=${pipeline.id}`} className={buttonClass()}>
            New deal
          </Link>
        }
      />
      <DealFilterBar
        filters={scoped}
        role={user.role}
        users={listActiveUsers(db)}
        pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))}
        view="board"
      />
      <Board
        key={`${pipeline.id}?${query}`}
        pipelineId={pipeline.id}
        stages={pipeline.stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp, rotDays: s.rotDays }))}
        initialColumns={initialColumns}
        initialSummaries={summaries}
        lostReasons={listLostReasons(db, { activeOnly: true }).map((r) => r.label)}
        currency={currency}
        now={nowMs()}
        today={todayIso()}
        query={query}
      />
    </>
  );
}
