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
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { listActiveUsers } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/session';
import { nowMs } from '@/lib/dates';
import { dealFiltersToParams, parseDealFilters, resolvePipeline } from '@/lib/deals/filters';
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
  const chosen = resolvePipeline(filters.pipelineId, pipelines.map((p) => p.id));
  const shown = pipelines.filter((p) => (chosen === 'all' || p.id === chosen) && p.stages.length > 0);
  if (shown.length === 0) {
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

  // With every pipeline shown, each is a board of its own (its own stages, figures and drag context),
  // so a card can only move within its pipeline.
  const boards = shown.map((pipeline) => {
    const scoped = { ...filters, pipelineId: pipeline.id };
    const summaries = getColumnSummaries(db, pipeline.id, scoped, user);
    const columns = Object.fromEntries(pipeline.stages.map((s) => [s.id, listColumnCards(db, s.id, scoped, user)]));
    return { pipeline, summaries, columns, total: summaries.reduce((n, s) => n + s.count, 0) };
  });
  const all = chosen === 'all';
  const query = dealFiltersToParams(filters, user.role).toString();
  const { currency } = getWorkspace(db);
  const lostReasons = listLostReasons(db, { activeOnly: true }).map((r) => r.label);
  const total = boards.reduce((n, b) => n + b.total, 0);
  const deals = (n: number) => `${n.toLocaleString('en-US')} open ${n === 1 ? 'deal' : 'deals'}`;
  const where = boards.length === 1 ? shown[0].name : `${boards.length} pipelines`;
  const now = nowMs();
  const { today } = workspaceToday(db, now);

  return (
    <>
      <PageHeader
        title="Deals"
        description={`${deals(total)} in ${where}. Drag a card to move it; drop it below the board to mark it won or lost.`}
        actions={
          <Link href={all ? '/deals/new' : `/deals/new?pipeline=${shown[0].id}`} className={buttonClass()}>
            New deal
          </Link>
        }
      />
      <DealFilterBar
        filters={{ ...filters, pipelineId: chosen }}
        role={user.role}
        users={listActiveUsers(db)}
        pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))}
        view="board"
      />
      {boards.map(({ pipeline, summaries, columns, total: count }) => {
        const board = (
          <Board
            key={`${pipeline.id}?${query}`}
            pipelineId={pipeline.id}
            stages={pipeline.stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp, rotDays: s.rotDays }))}
            initialColumns={columns}
            initialSummaries={summaries}
            lostReasons={lostReasons}
            currency={currency}
            now={now}
            today={today}
            query={query}
            nested={all}
          />
        );
        if (!all) return board;
        return (
          <section key={pipeline.id} aria-labelledby={`pipeline-${pipeline.id}`} data-testid="pipeline-board" data-pipeline-id={pipeline.id} className="mb-4">
            <h2 className="mb-2 text-base font-semibold text-slate-900">
              <span id={`pipeline-${pipeline.id}`}>{pipeline.name}</span> <span className="text-sm font-normal text-slate-500">· {deals(count)}</span>
            </h2>
            {board}
          </section>
        );
      })}
    </>
  );
}
