'use client';

import Link from 'next/link';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { saveGoalsAction } from '../actions';

type Props = { months: { value: string; label: string }[]; people: { id: number; name: string }[]; values: Record<string, string> };

export function GoalsForm({ months, people, values }: Props) {
  const { result, pending, onSubmit, fieldErrors, formError } = useFormAction(saveGoalsAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {result?.ok ? <Alert tone="success">Goals saved.</Alert> : null}
      {formError || Object.keys(fieldErrors).length ? <Alert>{formError ?? 'Some goals could not be saved; the reasons are beside them. Nothing was saved.'}</Alert> : null}
      <Card className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5 text-left font-medium">Rep</th>
              {months.map((m) => (
                <th key={m.value} scope="col" className="px-2 py-2.5 text-right font-medium">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                  {p.name}
                </th>
                {months.map((m) => {
                  const name = `goal:${p.id}:${m.value}`;
                  const error = fieldErrors[name];
                  return (
                    <td key={m.value} className="px-2 py-2 align-top">
                      <input
                        name={name}
                        defaultValue={values[name] ?? ''}
                        inputMode="decimal"
                        aria-label={`Goal for ${p.name}, ${m.label}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${name}-error` : undefined}
                        className={`${inputClass} text-right tabular-nums`}
                        placeholder="—"
                      />
                      {error ? (
                        <p id={`${name}-error`} className="mt-1 text-xs text-red-600">
                          {error}
                        </p>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="flex justify-end gap-2">
        <Link href="/forecast" className={buttonClass('secondary')}>
          Back to forecast
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save goals'}
        </Button>
      </div>
    </form>
  );
}
