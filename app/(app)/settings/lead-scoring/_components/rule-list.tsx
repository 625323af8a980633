'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import type { ActionResult } from '@/lib/actions';
import { describeRule, formatPoints, type ScoringRule } from '@/lib/leads/scoring';
import { deleteScoringRuleAction, moveScoringRuleAction, setScoringRuleActiveAction } from '../actions';
import { RuleForm } from './rule-form';

export type RuleItem = ScoringRule & { active: boolean };

/** One kind's rules in the admin's order, each editable in place, then the form that adds one. */
export function RuleList({ kind, rules, empty }: { kind: ScoringRule['kind']; rules: RuleItem[]; empty: string }) {
  return (
    <div>
      {rules.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={kind === 'fit' ? 'Fit rules' : 'Engagement rules'}>
          {rules.map((r, i) => (
            <RuleRow key={r.id} rule={r} first={i === 0} last={i === rules.length - 1} />
          ))}
        </ul>
      )}
      <div className="border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5">
        <RuleForm kind={kind} />
      </div>
    </div>
  );
}

function Points({ points, active }: { points: number; active: boolean }) {
  return (
    <span
      data-testid="rule-points"
      className={cx(
        'inline-flex min-w-12 shrink-0 justify-center rounded-full px-2 py-0.5 text-sm font-semibold tabular-nums',
        !active ? 'bg-slate-200 text-slate-500' : points > 0 ? 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200' : 'bg-red-50 text-red-800 ring-1 ring-red-200',
      )}
    >
      {formatPoints(points)}
    </span>
  );
}

function RuleRow({ rule, first, last }: { rule: RuleItem; first: boolean; last: boolean }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const label = describeRule(rule);

  useEffect(() => {
    if (wasEditing.current && mode === 'view') editButton.current?.focus();
    wasEditing.current = mode === 'edit';
  }, [mode]);

  const run = (task: () => Promise<ActionResult<unknown>>) => {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) setError(result.error);
    });
  };

  const item = { 'data-testid': 'scoring-rule', 'data-rule-id': rule.id, 'data-label': label, 'data-active': rule.active };
  if (mode === 'edit')
    return (
      <li className="px-4 py-3 sm:px-5" {...item}>
        <RuleForm kind={rule.kind} rule={rule} onDone={() => setMode('view')} onCancel={() => setMode('view')} />
      </li>
    );

  return (
    <li className={cx('px-4 py-2.5 sm:px-5', !rule.active && 'bg-slate-50')} {...item}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <div className="flex min-w-[12rem] flex-1 items-center gap-3">
          <Points points={rule.points} active={rule.active} />
          <span className={cx('min-w-0 text-sm break-words', rule.active ? 'text-slate-900' : 'text-slate-500')}>{label}</span>
          {!rule.active ? <span className="shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">Off</span> : null}
        </div>
        <div className="flex flex-wrap items-center gap-0.5">
          <Button type="button" size="sm" variant="ghost" disabled={first || pending} aria-label={`Move ${label} up`} title="Move up" onClick={() => run(() => moveScoringRuleAction({ ruleId: rule.id, direction: 'up' }))}>
            <span aria-hidden>↑</span>
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={last || pending} aria-label={`Move ${label} down`} title="Move down" onClick={() => run(() => moveScoringRuleAction({ ruleId: rule.id, direction: 'down' }))}>
            <span aria-hidden>↓</span>
          </Button>
          <button ref={editButton} type="button" className={buttonClass('ghost', 'sm')} aria-label={`Edit ${label}`} onClick={() => setMode('edit')}>
            Edit
          </button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={pending}
            aria-label={`${rule.active ? 'Switch off' : 'Switch on'} ${label}`}
            onClick={() => run(() => setScoringRuleActiveAction({ ruleId: rule.id, active: !rule.active }))}
          >
            {rule.active ? 'Switch off' : 'Switch on'}
          </Button>
          <Button type="button" size="sm" variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" aria-label={`Delete ${label}`} onClick={() => setMode('delete')}>
            Delete
          </Button>
        </div>
      </div>
      {mode === 'delete' ? (
        <div role="group" aria-label={`Delete ${label}`} className="mt-2 flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200" onKeyDown={(e) => e.key === 'Escape' && setMode('view')}>
          <p className="min-w-0 flex-1 text-red-900">
            Delete “{label}”?{rule.active ? ' Open leads are scored again without it.' : ''} To keep it for later, switch it off instead.
          </p>
          <Button type="button" size="sm" variant="danger" disabled={pending} autoFocus onClick={() => run(() => deleteScoringRuleAction({ ruleId: rule.id }))}>
            {pending ? 'Deleting…' : 'Delete rule'}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setMode('view')}>
            Cancel
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </li>
  );
}
