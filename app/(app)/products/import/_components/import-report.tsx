'use client';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { RejectedRow } from '@/lib/products/import';

export type Preview = { creates: number; updates: number; rejected: RejectedRow[] };

/** What an import would do, before it does it: counts, and every refused row with its line and reason. */
export function ImportReport({ preview, pending, toWrite, onConfirm }: { preview: Preview; pending: boolean; toWrite: number; onConfirm: () => void }) {
  const { creates, updates, rejected } = preview;
  return (
    <Card className="overflow-hidden" data-testid="import-report">
      <div className="p-4 sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">3. Check and import</h2>
        <div className="mt-3 grid grid-cols-3 gap-3 text-center">
          <Count label="to create" value={creates} testId="import-creates" tone="text-emerald-700" />
          <Count label="to update" value={updates} testId="import-updates" tone="text-brand-700" />
          <Count label="rejected" value={rejected.length} testId="import-rejected" tone={rejected.length ? 'text-red-700' : 'text-slate-900'} />
        </div>
        <p className="mt-3 text-sm text-slate-600">
          {toWrite === 0
            ? 'No row can be imported. Fix the file (the reasons are below) or the column choices, then check again.'
            : rejected.length > 0
              ? 'Importing writes the good rows only; fix the rejected ones in the file and import it again later (their SKUs will update).'
              : 'Every row is good.'}
        </p>
      </div>
      {rejected.length > 0 ? (
        <div className="max-h-80 overflow-auto border-t border-slate-100">
          <table className="w-full text-sm" aria-label="Rejected rows">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="w-20 px-4 py-2 text-left font-medium sm:px-5">
                  Line
                </th>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rejected.map((r) => (
                <tr key={r.line} data-testid="rejected-row">
                  <td className="px-4 py-2 align-top tabular-nums text-slate-600 sm:px-5">{r.line}</td>
                  <td className="px-4 py-2 text-slate-900">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex justify-end border-t border-slate-100 bg-slate-50 px-4 py-3 sm:px-5">
        <Button type="button" onClick={onConfirm} disabled={pending || toWrite === 0}>
          {pending ? 'Importing…' : `Import ${toWrite.toLocaleString('en-US')} ${toWrite === 1 ? 'product' : 'products'}`}
        </Button>
      </div>
    </Card>
  );
}

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone: string }) {
  return (
    <p className="rounded-lg bg-slate-50 px-2 py-3 ring-1 ring-slate-200" data-testid={testId}>
      <span className={`block text-2xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString('en-US')}</span>{' '}
      <span className="block text-xs text-slate-500">{label}</span>
    </p>
  );
}
