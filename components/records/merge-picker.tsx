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
const andList = (parts: string[]) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);
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

  // Two records of one name (the usual duplicate) are told apart by their ids.
  const sameName = sides[0].name === sides[1].name;
  const called = (side: MergeSide) => (sameName ? `${side.name} (#${side.id})` : side.name);
  const moving = other.counts.filter((c) => c.count > 0).map((c) => counted(c.count, c.label));

  return (
    <form onSubmit={onSubmit} className="space-y-6" data-testid="merge-form">
      <input type="hidden" name="ids" value={sides.map((s) => s.id).join(',')} />
      <input type="hidden" name="versions" value={sides.map((s) => s.version).join(',')} />

      <Card className="divide-y divide-slate-100">
        <fieldset className={ROW}>
          <legend className={LEGEND}>
            Keep
            <span className="block text-xs font-normal text-slate-500">The other is merged into it</span>
          </legend>
          {sides.map((side) => (
            <KeepCard key={side.id} side={side} keeping={side.id === kept.id} onKeep={() => setKeepId(side.id)} />
          ))}
        </fieldset>

        {differing.length === 0 ? <p className="p-4 text-sm text-slate-600">Every field has the same value on both.</p> : null}
        {differing.map((field) => {
          const pick = pickOf(field);
          const error = failed?.fieldErrors?.[field.key];
          const choose = (value: string) => setPicked((p) => ({ ...p, [field.key]: value }));
          return (
            <fieldset key={field.key} className={ROW} data-testid="merge-field" data-field={field.key}>
              <legend className={LEGEND}>{field.label}</legend>
              {sides.map((side) => {
                const v = side.values[field.key];
                const blank = isBlank(v);
                return (
                  <Option key={side.id} name={`pick_${field.key}`} value={String(side.id)} checked={pick === String(side.id)} disabled={blank} onChange={choose}>
                    <span className={cx('block [overflow-wrap:anywhere]', blank ? 'text-slate-400 italic' : 'text-slate-900', field.combinable && 'max-h-32 overflow-y-auto whitespace-pre-line')}>
                      {blank ? 'Blank' : v.display}
                    </span>
                    {/* Which record this is: the columns say it on a wide screen, this line on a phone and to screen readers. */}
                    <span className="mt-0.5 block truncate text-xs text-slate-500 sm:sr-only">
                      {side.id === kept.id ? 'Kept' : 'Other'}: {called(side)}
                    </span>
                  </Option>
                );
              })}
              {field.combinable && sides.every((s) => !isBlank(s.values[field.key])) ? (
                <Option name={`pick_${field.key}`} value="both" checked={pick === 'both'} onChange={choose} wide>
                  Keep both, the kept {noun.one}&rsquo;s first
                </Option>
              ) : null}
              {error ? <p className="text-sm text-red-600 sm:col-span-2 sm:col-start-2">{error}</p> : null}
            </fieldset>
          );
        })}

        {same.length ? (
          <div className={ROW}>
            <h3 className={LEGEND}>The same on both</h3>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:col-span-2 sm:grid-cols-2">
              {same.map((f) => (
                <div key={f.key} className="min-w-0">
                  <dt className="text-xs text-slate-500">{f.label}</dt>
                  <dd className="[overflow-wrap:anywhere] text-slate-900">{sides[0].values[f.key].display}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </Card>

      <div className="space-y-3 rounded-xl bg-slate-100 p-4 text-sm text-slate-700" data-testid="merge-summary">
        <p>
          <strong className="font-semibold">{called(other)}</strong> is merged into <strong className="font-semibold">{called(kept)}</strong>
          {moving.length ? `: its ${andList(moving)} move across` : ''}
          {kind === 'contact' ? '; the email and phone you do not pick are kept as other emails and phones' : ''}. Old links to {called(other)} will open{' '}
          {called(kept)}. A merge cannot be undone.
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

// A row: the field's name, then one column per record (one above the other on a phone). A floated
// legend is an ordinary grid item, where a fieldset's first legend would sit outside the grid.
const ROW = 'grid min-w-0 grid-cols-1 gap-2 p-4 sm:grid-cols-[9rem_minmax(0,1fr)_minmax(0,1fr)] sm:gap-3';
const LEGEND = 'float-left pt-1 text-sm font-medium text-slate-700';

function KeepCard({ side, keeping, onKeep }: { side: MergeSide; keeping: boolean; onKeep: () => void }) {
  return (
    <label
      data-testid="merge-side"
      className={cx('flex min-w-0 cursor-pointer gap-3 rounded-lg p-3', keeping ? 'bg-brand-50 ring-2 ring-brand-500' : 'ring-1 ring-slate-200 hover:bg-slate-50')}
    >
      <input type="radio" name="keep" value={side.id} checked={keeping} onChange={onKeep} aria-label={`Keep ${side.name}`} className="mt-1 size-4 shrink-0" />
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-semibold break-words text-slate-900">{side.name}</span>
          <span className={cx('rounded-full px-2 py-0.5 text-xs font-medium', keeping ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-600')}>
            {keeping ? 'Kept' : 'Merged away'}
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
    </label>
  );
}

type OptionProps = {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  /** Across both records' columns. */
  wide?: boolean;
  onChange: (value: string) => void;
  children: React.ReactNode;
};

function Option({ name, value, checked, disabled, wide, onChange, children }: OptionProps) {
  return (
    <label
      className={cx(
        'flex min-w-0 gap-2 rounded-lg px-3 py-2 text-sm ring-1',
        wide && 'sm:col-span-2 sm:col-start-2',
        disabled ? 'bg-slate-50 ring-slate-100' : checked ? 'cursor-pointer bg-brand-50 ring-brand-500' : 'cursor-pointer ring-slate-200 hover:bg-slate-50',
      )}
    >
      <input type="radio" name={name} value={value} checked={checked} disabled={disabled} onChange={() => onChange(value)} className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 flex-1">{children}</span>
    </label>
  );
}
