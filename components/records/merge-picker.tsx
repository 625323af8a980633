'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { MergeFieldView, MergeSide, MergeSideValue } from '@/db/queries/merge';
import type { ActionResult } from '@/lib/actions';
import type { MergeKind } from '@/lib/customers/merge';
import { formatDate } from '@/lib/dates';

type Props = {
  kind: MergeKind;
  sides: [MergeSide, MergeSide];
  fields: MergeFieldView[];
  defaultKeepId: number;
  action: (form: FormData) => Promise<ActionResult<{ id: number }>>;
};

// Said here rather than imported from lib/customers/merge.ts, which brings the phone library along.
const NOUNS: Record<MergeKind, { one: string; many: string; path: string }> = {
  contact: { one: 'contact', many: 'contacts', path: '/contacts' },
  company: { one: 'company', many: 'companies', path: '/companies' },
};

const isBlank = (v: MergeSideValue) => v.value === null || String(v.value).trim() === '';
const counted = (n: number, label: string) => `${n} ${n === 1 ? label.replace(/ies$/, 'y').replace(/s$/, '') : label}`;

/**
 * The two records side by side: which one to keep, then for each field that differs which value wins
 * (a blank side cannot be picked). The picks survive a refused merge and a reload of the records
 * (router.refresh keeps this component's state), so a concurrent edit costs a second look, not the work.
 */
export function MergePicker({ kind, sides, fields, defaultKeepId, action }: Props) {
  const noun = NOUNS[kind];
  const router = useRouter();
  const [keepId, setKeepId] = useState(defaultKeepId);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult<{ id: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const [reloading, startReload] = useTransition();
  const kept = sides.find((s) => s.id === keepId) ?? sides[0];
  const other = sides.find((s) => s !== kept)!;

  /** The user's pick while it can still be honoured, else the default for the record kept. */
  const pickOf = (field: MergeFieldView) => {
    const p = picked[field.key];
    const valid =
      p === 'both' ? field.combinable && sides.every((s) => !isBlank(s.values[field.key])) : sides.some((s) => String(s.id) === p && !isBlank(s.values[field.key]));
    return valid ? p : field.defaults[kept.id];
  };

  const differing = fields.filter((f) => f.differs);
  const same = fields.filter((f) => !f.differs && !isBlank(sides[0].values[f.key]));
  const failed = result && !result.ok ? result : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const next = await action(form);
      setResult(next);
      if (next.ok) router.push(`${noun.path}/${next.data.id}`);
    });
  }

  function reload() {
    setResult(null);
    startReload(() => router.refresh());
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" data-testid="merge-form">
      <input type="hidden" name="ids" value={sides.map((s) => s.id).join(',')} />
      <input type="hidden" name="versions" value={sides.map((s) => s.version).join(',')} />

      <fieldset className="min-w-0">
        <legend className="mb-2 text-base font-semibold text-slate-900">Keep which {noun.one}?</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {sides.map((side) => {
            const keeping = side.id === kept.id;
            return (
              <label
                key={side.id}
                data-testid="merge-side"
                className={cx(
                  'block min-w-0 cursor-pointer rounded-xl bg-white p-4 shadow-sm',
                  keeping ? 'ring-2 ring-brand-500' : 'ring-1 ring-slate-200 hover:ring-slate-300',
                )}
              >
                <span className="flex items-start gap-3">
                  <input type="radio" name="keep" value={side.id} checked={keeping} onChange={() => setKeepId(side.id)} aria-label={`Keep ${side.name}`} className="mt-1 size-4 shrink-0" />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <span className="font-semibold break-words text-slate-900">{side.name}</span>
                      <span className={cx('rounded-full px-2 py-0.5 text-xs font-medium', keeping ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-600')}>
                        {keeping ? 'Kept' : 'Merged into the other'}
                      </span>
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">
                      Added {formatDate(side.addedOn)} · #{side.id}
                    </span>
                    <span className="mt-2 block text-sm text-slate-600" data-testid="merge-counts">
                      {side.counts.map((c) => counted(c.count, c.label)).join(' · ')}
                    </span>
                    {side.otherEmails.length || side.otherPhones.length ? (
                      <span className="mt-1 block text-xs [overflow-wrap:anywhere] text-slate-500">Also: {[...side.otherEmails, ...side.otherPhones].join(', ')}</span>
                    ) : null}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <section aria-labelledby="merge-values" className="space-y-3">
        <h2 id="merge-values" className="text-base font-semibold text-slate-900">
          {differing.length ? 'Where they differ, keep' : 'They have the same values'}
        </h2>
        {differing.map((field) => {
          const pick = pickOf(field);
          const error = failed?.fieldErrors?.[field.key];
          const bothFilled = sides.every((s) => !isBlank(s.values[field.key]));
          return (
            <Card key={field.key} className="p-4">
              <fieldset className="min-w-0" data-testid="merge-field" data-field={field.key}>
                <legend className="mb-2 text-sm font-medium text-slate-700">{field.label}</legend>
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                  {sides.map((side) => {
                    const v = side.values[field.key];
                    const blank = isBlank(v);
                    const on = pick === String(side.id);
                    return (
                      <label
                        key={side.id}
                        className={cx(
                          'flex min-w-0 gap-2 rounded-lg p-3 ring-1',
                          blank ? 'bg-slate-50 text-slate-400 ring-slate-100' : on ? 'cursor-pointer bg-brand-50 ring-brand-500' : 'cursor-pointer ring-slate-200 hover:bg-slate-50',
                        )}
                      >
                        <input
                          type="radio"
                          name={`pick_${field.key}`}
                          value={side.id}
                          checked={on}
                          disabled={blank}
                          onChange={() => setPicked((p) => ({ ...p, [field.key]: String(side.id) }))}
                          className="mt-0.5 size-4 shrink-0"
                        />
                        <span className="min-w-0 flex-1">
                          <span
                            className={cx(
                              'block text-sm [overflow-wrap:anywhere]',
                              blank ? 'italic' : 'text-slate-900',
                              field.combinable && 'max-h-32 overflow-y-auto whitespace-pre-line',
                            )}
                          >
                            {blank ? 'Blank' : v.display}
                          </span>
                          <span className="mt-0.5 block truncate text-xs text-slate-500">
                            {side.id === kept.id ? 'Kept' : 'Other'}: {side.name}
                          </span>
                        </span>
                      </label>
                    );
                  })}
                  {field.combinable && bothFilled ? (
                    <label
                      className={cx(
                        'flex cursor-pointer gap-2 rounded-lg p-3 ring-1 sm:col-span-2',
                        pick === 'both' ? 'bg-brand-50 ring-brand-500' : 'ring-slate-200 hover:bg-slate-50',
                      )}
                    >
                      <input
                        type="radio"
                        name={`pick_${field.key}`}
                        value="both"
                        checked={pick === 'both'}
                        onChange={() => setPicked((p) => ({ ...p, [field.key]: 'both' }))}
                        className="mt-0.5 size-4 shrink-0"
                      />
                      <span className="text-sm text-slate-900">Keep both, the kept {noun.one}&rsquo;s first</span>
                    </label>
                  ) : null}
                </div>
                {error ? <p className="mt-2 text-sm text-red-600">{error}</p> : null}
              </fieldset>
            </Card>
          );
        })}
        {same.length ? (
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-medium text-slate-700">The same on both</h3>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {same.map((f) => (
                <div key={f.key} className="min-w-0">
                  <dt className="text-xs text-slate-500">{f.label}</dt>
                  <dd className="[overflow-wrap:anywhere] text-slate-900">{sides[0].values[f.key].display}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ) : null}
      </section>

      <div className="space-y-3 rounded-xl bg-slate-100 p-4 text-sm text-slate-700" data-testid="merge-summary">
        <p>
          <strong className="font-semibold">{other.name}</strong> is merged into <strong className="font-semibold">{kept.name}</strong>: its{' '}
          {other.counts.map((c) => c.label).join(', ')} move across{kind === 'contact' ? ', its email and phone are kept as other ones where not picked' : ''}, and its
          old links lead to {kept.name}. A merge cannot be undone.
        </p>
        {failed ? (
          <Alert>
            <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <span>{failed.error}</span>
              {failed.details?.stale ? (
                <button type="button" onClick={reload} className="font-medium underline" disabled={reloading}>
                  Reload the {noun.many}, keeping my picks
                </button>
              ) : null}
            </span>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending || reloading}>
            Merge
          </Button>
          <Link href={`${noun.path}/duplicates`} className={buttonClass('secondary')}>
            Cancel
          </Link>
        </div>
      </div>
    </form>
  );
}
