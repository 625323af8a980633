'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { LostDialog } from '../../_components/lost-dialog';
import { closeDealAction, moveDealToStageAction, reopenDealAction } from '../actions';

type Props = {
  deal: { id: number; title: string; status: 'open' | 'won' | 'lost'; stageId: number; version: number };
  stages: { id: number; name: string; probabilityBp: number }[];
  lostReasons: string[];
  canEdit: boolean;
};

/** The stage bar (move by a click) and the won / lost / reopen buttons. */
export function DealControls({ deal, stages, lostReasons, canEdit }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const [pending, startTransition] = useTransition();
  const currentIndex = stages.findIndex((s) => s.id === deal.stageId);

  function run(task: () => Promise<{ ok: boolean; error?: string }>) {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) setError(result.error ?? 'That did not work.');
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ol className="grid grid-cols-2 gap-px overflow-hidden rounded-lg bg-slate-200 ring-1 ring-slate-200 sm:grid-cols-[repeat(auto-fit,minmax(6.5rem,1fr))]" aria-label="Stages">
        {stages.map((s, i) => {
          const current = s.id === deal.stageId;
          return (
            <li key={s.id} className="min-w-0">
              <button
                type="button"
                disabled={!canEdit || deal.status !== 'open' || current || pending}
                aria-current={current ? 'step' : undefined}
                onClick={() => run(() => moveDealToStageAction({ dealId: deal.id, toStageId: s.id, aboveId: null, version: deal.version }))}
                className={cx(
                  'h-full w-full px-3 py-2 text-left text-xs font-medium transition-colors disabled:cursor-default',
                  current
                    ? 'bg-brand-600 text-white'
                    : i < currentIndex
                      ? 'bg-brand-50 text-brand-800 enabled:hover:bg-brand-100'
                      : 'bg-slate-50 text-slate-600 enabled:hover:bg-brand-50 enabled:hover:text-brand-700',
                )}
              >
                <span className="block truncate">
                  {s.name}
                  {current ? <span className="sr-only"> (current stage)</span> : null}
                </span>
                <span className={cx('block text-[11px]', current ? 'text-white/80' : i < currentIndex ? 'text-brand-700/70' : 'text-slate-400')}>{s.probabilityBp / 100}%</span>
              </button>
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          {deal.status === 'open' ? (
            <>
              <Button className="bg-emerald-600 hover:bg-emerald-700" disabled={pending} onClick={() => run(() => closeDealAction({ dealId: deal.id, version: deal.version, status: 'won' }))}>
                Mark won
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => setLosing(true)}>
                Mark lost
              </Button>
            </>
          ) : (
            <Button variant="secondary" disabled={pending} onClick={() => run(() => reopenDealAction({ dealId: deal.id, version: deal.version }))}>
              Reopen deal
            </Button>
          )}
        </div>
      ) : null}
      <LostDialog
        card={losing ? deal : null}
        reasons={lostReasons}
        onCancel={() => setLosing(false)}
        onConfirm={(reason) => {
          setLosing(false);
          run(() => closeDealAction({ dealId: deal.id, version: deal.version, status: 'lost', lostReason: reason }));
        }}
      />
    </div>
  );
}
