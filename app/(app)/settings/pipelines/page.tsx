import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { dealCountsByStage } from '@/db/queries/pipeline-settings';
import { getWorkspace } from '@/db/queries/workspace';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { requireRole } from '@/lib/auth/session';
import { bpToPercent } from '@/lib/money';
import { DEFAULT_STAGES } from '@/lib/pipelines/stages';
import { AddStageForm } from './_components/add-stage-form';
import { CreatePipelineForm } from './_components/create-pipeline-form';
import { LostReasons } from './_components/lost-reasons';
import { PipelineHeader } from './_components/pipeline-header';
import { StageRow } from './_components/stage-row';

export const metadata: Metadata = { title: 'Pipelines' };

const NO_DEALS = { total: 0, open: 0 };

export default async function PipelinesPage() {
  await requireRole('admin');
  const db = getDb();
  const pipelines = listPipelinesWithStages(db);
  const counts = dealCountsByStage(db);
  const reasons = listLostReasons(db);
  const { defaultRotDays } = getWorkspace(db);
  const defaults = DEFAULT_STAGES.map((s) => `${s.name} (${bpToPercent(s.probabilityBp)}%)`).join(', ');

  return (
    <>
      <PageHeader
        title="Pipelines"
        description="Stages in board order. A stage's probability weights its open deals in forecasts; a deal untouched for its rot days is flagged as rotting (0 turns that off)."
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          {pipelines.map((p) => {
            const dealCount = p.stages.reduce((n, s) => n + (counts.get(s.id)?.total ?? 0), 0);
            return (
              <Card key={p.id} className="@container overflow-hidden" data-testid="pipeline-card" data-pipeline-name={p.name}>
                <PipelineHeader pipeline={{ id: p.id, name: p.name }} stageCount={p.stages.length} dealCount={dealCount} deletable={dealCount === 0 && pipelines.length > 1} />
                <ol className="mt-3 divide-y divide-slate-100 border-t border-slate-100 focus:outline-none" aria-label={`Stages of ${p.name}`} tabIndex={-1}>
                  {p.stages.map((s, i) => (
                    <StageRow
                      key={s.id}
                      stage={{ id: s.id, name: s.name, probabilityBp: s.probabilityBp, rotDays: s.rotDays }}
                      index={i}
                      counts={counts.get(s.id) ?? NO_DEALS}
                      others={p.stages.filter((x) => x.id !== s.id).map((x) => ({ id: x.id, name: x.name }))}
                      first={i === 0}
                      last={i === p.stages.length - 1}
                    />
                  ))}
                </ol>
                {p.stages.length === 0 ? <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">No stages yet: add one so the board can use this pipeline.</p> : null}
                <AddStageForm pipelineId={p.id} pipelineName={p.name} defaultRotDays={defaultRotDays} />
              </Card>
            );
          })}
          <Card className="p-4 sm:p-5">
            <h2 className="mb-3 text-base font-semibold text-slate-900">Add a pipeline</h2>
            <CreatePipelineForm hint={`It starts with ${defaults}; change them afterwards.`} />
          </Card>
        </div>
        <Card className="overflow-hidden">
          <div className="px-4 pt-4 pb-3 sm:px-5">
            <h2 className="text-base font-semibold text-slate-900">Lost reasons</h2>
            <p className="mt-1 text-sm text-slate-500">What reps pick from when they mark a deal lost, in this order. Deactivated reasons stay on the deals that have them.</p>
          </div>
          <div className="border-t border-slate-100">
            <LostReasons reasons={reasons.map((r) => ({ id: r.id, label: r.label, active: r.active }))} />
          </div>
        </Card>
      </div>
    </>
  );
}
