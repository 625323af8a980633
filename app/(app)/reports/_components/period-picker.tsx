'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { PERIOD_PRESETS } from '@/lib/reports/period';

export function PeriodPicker({ from, to, pipelines }: { from: string; to: string; pipelines: { id: number; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [custom, setCustom] = useState({ from, to });
  const period = params.get('period') ?? '90d';
  function go(change: Record<string, string | null>) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  }
  return (
    <div className="mb-6 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end" role="search" aria-label="Report period">
      <label className="block">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">Period</span>
        <select className={cx(inputClass, 'pr-8 sm:w-52')} value={period} onChange={(e) => go({ period: e.target.value === '90d' ? null : e.target.value, from: null, to: null })}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </select>
      </label>
      {period === 'custom' ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            go({ period: 'custom', from: custom.from, to: custom.to });
          }}
        >
          <label className="block">
            <span className="mb-0.5 block text-xs font-medium text-slate-500">From</span>
            <input type="date" className={inputClass} value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          </label>
          <label className="block">
            <span className="mb-0.5 block text-xs font-medium text-slate-500">To</span>
            <input type="date" className={inputClass} value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </label>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      ) : null}
      {pipelines.length > 1 ? (
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Pipeline</span>
          <select className={cx(inputClass, 'pr-8 sm:w-48')} value={params.get('pipeline') ?? String(pipelines[0].id)} onChange={(e) => go({ pipeline: e.target.value })}>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
