import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { dealCountsByStage } from '@/db/queries/pipeline-settings';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { requireRole } from '@/lib/auth/session';
import { AddStageForm, CreatePipelineForm, LostReasons, RenamePipelineForm } from './_components/small-forms';
import { StageRow } from './_components/stage-row';

export const metadata: Metadata = { title: 'Pipelines' };

export default async function PipelinesPage() {
  await requireRole('admin');
  const db = getDb();
  const pipelines = listPipelinesWithStages(db);
  const counts = dealCountsByStage(db);
  return (
    <>
      <PageHeader title="Pipelines" description="Stages in board order, each with the probability that weights its deals in forecasts and the days after which an untouched deal rots." />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          {pipelines.map((p) => (
            <Card key={p.id} className="p-5" data-testid="pipeline-card">
              <RenamePipelineForm pipeline={p} />
              <ol className="mt-3 divide-y divide-slate-100 border-t border-slate-100">
                {p.stages.map((s, i) => (
                  <StageRow
                    key={s.id}
                    stage={s}
                    deals={counts.get(s.id) ?? 0}
                    siblings={p.stages.filter((x) => x.id !== s.id).map((x) => ({ id: x.id, name: x.name }))}
                    first={i === 0}
                    last={i === p.stages.length - 1}
                  />
                ))}
              </ol>
              <AddStageForm pipelineId={p.id} />
            </Card>
          ))}
          <Card className="p-5">
            <CreatePipelineForm />
            <p className="mt-2 text-xs text-slate-500">A new pipeline starts with Lead, Qualified, Proposal and Negotiation; change them as you like.</p>
          </Card>
        </div>
        <Card className="h-fit p-5">
          <h2 className="text-base font-semibold text-slate-900">Lost reasons</h2>
          <p className="mb-3 mt-1 text-sm text-slate-500">What reps choose from when a deal is lost. Retired reasons stay on old deals.</p>
          <LostReasons reasons={listLostReasons(db).map((r) => ({ id: r.id, label: r.label, active: r.active }))} />
        </Card>
      </div>
    </>
  );
}
