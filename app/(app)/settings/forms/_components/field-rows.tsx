'use client';

import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { FormField, FormFieldKey } from '@/lib/leads/forms';

export type FieldOption = { key: FormFieldKey; name: string };

/** The form's fields, in order: which lead field each fills, its label, required or not. */
export function FieldRows({ fields, options, onChange, error }: { fields: FormField[]; options: FieldOption[]; onChange: (next: FormField[]) => void; error?: string }) {
  const set = (i: number, patch: Partial<FormField>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: number) => {
    const next = [...fields];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const unused = options.filter((o) => !fields.some((f) => f.field === o.key));

  return (
    <fieldset aria-describedby={error ? 'form-fields-error' : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">Fields</legend>
      <p className="mb-3 text-xs text-slate-500">Each field fills a field of the lead. A full name is split into first and last name.</p>
      <div aria-hidden="true" className="mb-1 hidden grid-cols-[11rem_minmax(0,1fr)_auto_auto] gap-2 px-2.5 text-xs font-medium text-slate-500 sm:grid">
        <span>Fills the lead’s</span>
        <span>Label on the form</span>
      </div>
      <ol className="space-y-2" data-testid="form-fields">
        {fields.map((f, i) => (
          <li key={`${f.field}-${i}`} className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 rounded-lg bg-slate-50 p-2.5 ring-1 ring-slate-200 sm:grid-cols-[11rem_minmax(0,1fr)_auto_auto] sm:items-center">
            <select
              aria-label={`Lead field ${i + 1}`}
              className={`${inputClass} pr-8`}
              value={f.field}
              onChange={(e) => {
                const key = e.target.value as FormFieldKey;
                const wasDefault = options.find((o) => o.key === f.field)?.name === f.label;
                set(i, { field: key, label: wasDefault || !f.label ? (options.find((o) => o.key === key)?.name ?? f.label) : f.label });
              }}
            >
              {options
                .filter((o) => o.key === f.field || !fields.some((x) => x.field === o.key))
                .map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
            </select>
            <input aria-label={`Label ${i + 1}`} className={`${inputClass} order-3 col-span-2 sm:order-none sm:col-span-1`} value={f.label} maxLength={100} onChange={(e) => set(i, { label: e.target.value })} />
            <label className="order-4 flex items-center gap-2 whitespace-nowrap text-sm text-slate-700 sm:order-none">
              <input type="checkbox" aria-label={`Required ${i + 1}`} className="size-4 rounded border-slate-300 text-brand-600" checked={f.required} onChange={(e) => set(i, { required: e.target.checked })} />
              Required
            </label>
            <div className="order-2 flex justify-end gap-1 sm:order-none">
              <Button type="button" variant="ghost" size="sm" aria-label={`Move field ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </Button>
              <Button type="button" variant="ghost" size="sm" aria-label={`Move field ${i + 1} down`} disabled={i === fields.length - 1} onClick={() => move(i, 1)}>
                ↓
              </Button>
              <Button type="button" variant="ghost" size="sm" aria-label={`Remove field ${i + 1}`} disabled={fields.length === 1} onClick={() => onChange(fields.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {error ? (
        <p id="form-fields-error" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {unused.length ? (
        <Button type="button" variant="secondary" size="sm" className="mt-3" onClick={() => onChange([...fields, { field: unused[0].key, label: unused[0].name, required: false }])}>
          Add field
        </Button>
      ) : null}
    </fieldset>
  );
}
