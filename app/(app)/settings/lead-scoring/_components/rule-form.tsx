'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { ENGAGEMENT_EVENTS, FIT_FIELDS, FIT_OPERATORS, MAX_RULE_POINTS, OPERATORS_WITH_VALUE, type FitOperator, type ScoringRule } from '@/lib/leads/scoring';
import { addScoringRuleAction, updateScoringRuleAction } from '../actions';

type Props = {
  kind: ScoringRule['kind'];
  /** The rule being edited; a new rule when left out. */
  rule?: ScoringRule;
  onDone?: () => void;
  onCancel?: () => void;
};

const POINTS_HINT = `−${MAX_RULE_POINTS} to +${MAX_RULE_POINTS}; negative points take away.`;

/** Adds a rule of one kind, or edits one in place: the same fields, the same checks. */
export function RuleForm({ kind, rule, onDone, onCancel }: Props) {
  const editing = rule !== undefined;
  const [operator, setOperator] = useState<FitOperator>(rule?.kind === 'fit' ? rule.operator : 'contains');
  const { pending, onSubmit, fieldErrors: errors, formError, result } = useFormAction<unknown>((form: FormData) => (editing ? updateScoringRuleAction(form) : addScoringRuleAction(form)), {
    resetOnSuccess: !editing,
    onSuccess: () => {
      if (!editing) setOperator('contains');
      onDone?.();
    },
  });
  const needsValue = OPERATORS_WITH_VALUE.includes(operator);
  const what = kind === 'fit' ? 'fit rule' : 'engagement rule';
  const saved = !editing && result?.ok && !pending;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? `Edit ${what}` : `Add a ${what}`} className="space-y-3">
      <input type="hidden" name="kind" value={kind} />
      {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      {kind === 'fit' ? (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.2fr)_8.5rem]">
          <SelectField label="Field" name="field" defaultValue={rule?.kind === 'fit' ? rule.field : 'title'} error={errors.field}>
            {Object.entries(FIT_FIELDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Condition"
            name="operator"
            value={operator}
            onChange={(e) => setOperator(e.target.value as FitOperator)}
            error={errors.operator}
            className={needsValue ? undefined : 'lg:col-span-2'}
          >
            {Object.entries(FIT_OPERATORS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          {needsValue ? (
            <Field
              label="Value"
              name="value"
              defaultValue={rule?.kind === 'fit' ? (rule.value ?? '') : ''}
              error={errors.value}
              placeholder="e.g. director"
              autoComplete="off"
              hint="Any case, any accents."
            />
          ) : null}
          <Field
            label="Points"
            name="points"
            defaultValue={rule?.points ?? ''}
            inputMode="numeric"
            placeholder="+10"
            error={errors.points}
            className={needsValue ? undefined : 'sm:col-span-2 lg:col-span-1'}
          />
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8.5rem]">
          <SelectField label="When the lead…" name="event" defaultValue={rule?.kind === 'engagement' ? rule.event : 'submission'} error={errors.event}>
            {Object.entries(ENGAGEMENT_EVENTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <Field label="Points" name="points" defaultValue={rule?.points ?? ''} inputMode="numeric" placeholder="+5" error={errors.points} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save rule' : 'Add rule'}
        </Button>
        {onCancel ? (
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Added. Open leads are being scored again.
          </p>
        ) : (
          <p className="text-xs text-slate-500">{POINTS_HINT}</p>
        )}
      </div>
    </form>
  );
}
