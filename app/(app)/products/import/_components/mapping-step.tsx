'use client';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import type { IMPORT_FIELDS, Mapping } from '@/lib/products/import';

type Props = {
  fields: typeof IMPORT_FIELDS;
  headers: string[];
  sample: Record<string, string>;
  mapping: Mapping;
  problems: string[];
  pending: boolean;
  onChange: (mapping: Mapping) => void;
  onPreview: () => void;
};

const HINTS: Partial<Record<keyof Mapping, string>> = {
  sku: 'Unique per product; a known SKU updates that product.',
  unitPrice: 'Numbers like 120 or 1,250.50.',
  taxRate: 'A percentage; none means 0.',
  active: 'None means active. No, inactive or discontinued mean inactive.',
  currency: 'Rows in another currency are refused.',
  unit: 'None means "unit".',
};

/** One select per field, pre-filled from the header names; the first row's value shows under each. */
export function MappingStep({ fields, headers, sample, mapping, problems, pending, onChange, onPreview }: Props) {
  return (
    <Card className="p-4 sm:p-5">
      <h2 className="text-base font-semibold text-slate-900">2. Match the columns</h2>
      <p className="mt-1 text-sm text-slate-500">We guessed from the headers; check each field (* is required). Columns you do not pick are ignored.</p>
      <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-x-4 gap-y-3 sm:grid-cols-2">
        {fields.map((f) => {
          const column = mapping[f.key];
          const example = column ? sample[column] : '';
          return (
            <div key={f.key} data-testid="mapping-field" className="min-w-0">
              <SelectField
                label={f.required ? `${f.label} *` : f.label}
                aria-label={f.label}
                value={column ?? ''}
                onChange={(e) => onChange({ ...mapping, [f.key]: e.target.value || null })}
              >
                <option value="">{f.required ? 'Choose a column…' : 'Not in the file'}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </SelectField>
              {column ? (
                <p className="mt-1 truncate text-xs text-slate-500">
                  First row: <span className="text-slate-700">{example || '(empty)'}</span>
                </p>
              ) : HINTS[f.key] ? (
                <p className="mt-1 text-xs text-slate-500">{HINTS[f.key]}</p>
              ) : null}
            </div>
          );
        })}
      </div>
      {problems.length > 0 ? (
        <ul className="mt-4 list-inside list-disc text-sm text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 flex justify-end">
        <Button type="button" onClick={onPreview} disabled={pending || problems.length > 0}>
          {pending ? 'Checking…' : 'Check the rows'}
        </Button>
      </div>
    </Card>
  );
}
