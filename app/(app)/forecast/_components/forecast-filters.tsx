'use client';

import { useUrlParams } from '@/components/list/url-filters';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { PRESETS } from '@/lib/forecast/periods';

type Props = { pipelines: { id: number; name: string }[]; users: { id: number; name: string }[] | null };

export function ForecastFilters({ pipelines, users }: Props) {
  const { params, apply } = useUrlParams();
  const select = (label: string, key: string, value: string, options: { value: string; label: string }[], fallback: string) => (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">{label}</span>
      <select className={cx(inputClass, 'pr-8 sm:w-48')} value={value} onChange={(e) => apply(key, e.target.value === fallback ? null : e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="mb-4 grid grid-cols-1 gap-2 sm:flex sm:flex-wrap" role="search" aria-label="Forecast filters">
      {select('Period', 'range', params.get('range') ?? 'next6', PRESETS, 'next6')}
      {pipelines.length > 1
        ? select('Pipeline', 'pipeline', params.get('pipeline') ?? '', [{ value: '', label: 'All pipelines' }, ...pipelines.map((p) => ({ value: String(p.id), label: p.name }))], '')
        : null}
      {users
        ? select('Owner', 'owner', params.get('owner') ?? 'all', [{ value: 'all', label: 'Whole team' }, { value: 'me', label: 'Me' }, ...users.map((u) => ({ value: String(u.id), label: u.name }))], 'all')
        : null}
    </div>
  );
}
