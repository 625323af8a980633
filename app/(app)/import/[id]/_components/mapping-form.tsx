'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import type { ImportMode } from '@/db/schema';
import { mappingProblems, type ImportKind, type ImportMapping } from '@/lib/import/fields';
import { checkImportAction } from '../../actions';

export type FieldOption = { key: string; label: string; many: boolean };

type Props = {
  batchId: number;
  kind: ImportKind;
  /** lib/import/plan's IMPORT_MODE_LABELS, passed in so the client bundle does not pull in the matching rules. */
  modes: Record<ImportMode, string>;
  headers: string[];
  samples: string[];
  fields: FieldOption[];
  initialMapping: (string | null)[];
  initialMode: ImportMode;
  totalRows: number;
  checked: boolean;
};

/**
 * Step 2: one row per column of the file (its header, a value from it, the field it fills) and the
 * mode, then "Check", which saves both and builds the report. The check reads every row against the
 * database, which takes seconds for a big file, so the button says so while it runs.
 */
export function MappingForm({ batchId, kind, modes, headers, samples, fields, initialMapping, initialMode, totalRows, checked }: Props) {
  const [mapping, setMapping] = useState(initialMapping);
  const [mode, setMode] = useState<ImportMode>(initialMode);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = mode !== initialMode || mapping.some((m, i) => m !== initialMapping[i]);
  // The same rule the server refuses a mapping by (lib/import/fields), shown as the user picks.
  const problems = mappingProblems(kind, mapping as ImportMapping<ImportKind>, headers);

  function check() {
    setError(null);
    startTransition(async () => {
      const result = await checkImportAction({ batchId, mode, mapping });
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <Card className="overflow-hidden">
      <div className="p-4 sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">Match the columns</h2>
        <p className="mt-1 text-sm text-slate-500">
          We guessed each column&apos;s field from its header (or used what you chose last time for this header).
          {fields.some((f) => f.many) ? ' Emails, phones and tags may take several columns.' : ''}
        </p>
      </div>
      <div className="border-t border-slate-100">
        <table className="w-full table-fixed text-sm" aria-label="Columns of the file">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 text-left font-medium sm:px-5">
                Column
              </th>
              <th scope="col" className="hidden px-4 py-2 text-left font-medium sm:table-cell">
                Example
              </th>
              <th scope="col" className="w-[48%] px-4 py-2 text-left font-medium sm:w-80 sm:pr-5">
                Imports into
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {headers.map((header, i) => (
              <tr key={i} data-testid="mapping-row">
                <th scope="row" className="px-4 py-2 text-left align-top font-medium text-slate-900 sm:px-5">
                  <span className="block break-words">{header}</span>
                  <span className="block truncate text-xs font-normal text-slate-500 sm:hidden">{samples[i] || '(empty)'}</span>
                </th>
                <td className="hidden truncate px-4 py-2 align-top text-slate-600 sm:table-cell" title={samples[i]}>
                  {samples[i] || <span className="text-slate-400">(empty)</span>}
                </td>
                <td className="px-4 py-1.5 align-top sm:pr-5">
                  <select
                    aria-label={`Field for ${header}`}
                    className={inputClass}
                    value={mapping[i] ?? ''}
                    disabled={pending}
                    onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}
                  >
                    <option value="">Don&apos;t import</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="space-y-3 border-t border-slate-100 p-4 sm:p-5">
        {problems.length > 0 ? (
          <ul className="list-inside list-disc text-sm text-red-700" data-testid="mapping-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <label className="block max-w-md text-sm font-medium text-slate-700">
          Rows that match an existing record
          <select aria-label="Mode" className={`${inputClass} mt-1`} value={mode} disabled={pending} onChange={(e) => setMode(e.target.value as ImportMode)}>
            {(Object.keys(modes) as ImportMode[]).map((m) => (
              <option key={m} value={m}>
                {modes[m]}
              </option>
            ))}
          </select>
        </label>
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex flex-col-reverse items-stretch gap-2 sm:flex-row sm:items-center sm:justify-end">
          {pending ? (
            <p role="status" className="text-sm text-slate-600">
              Checking {totalRows.toLocaleString('en-US')} rows against your records; a big file takes a few seconds…
            </p>
          ) : checked && !dirty ? (
            <p className="text-sm text-slate-500">The report below is for these choices.</p>
          ) : null}
          <Button type="button" onClick={check} disabled={pending || problems.length > 0}>
            {pending ? 'Checking…' : checked && !dirty ? 'Check again' : 'Check'}
          </Button>
        </div>
      </div>
    </Card>
  );
}

