import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { displayValue, REPORT_TABLES, type ReportRow, type ReportTableKey } from '@/lib/reports/tables';

/** One report: title, optional chart, its numbers as a table, and the CSV download of that table. */
export function ReportCard({ table, rows, csvHref, money, chart, note }: { table: ReportTableKey; rows: ReportRow[]; csvHref: string; money: (cents: number) => string; chart?: React.ReactNode; note?: string }) {
  const def = REPORT_TABLES[table];
  return (
    <Card className="min-w-0 p-4" data-testid={`report-${table}`}>
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{def.title}</h2>
          {note ? <p className="mt-0.5 text-xs text-slate-500">{note}</p> : null}
        </div>
        <a href={csvHref} className="shrink-0 text-xs font-medium text-brand-700 hover:underline">
          Download CSV
        </a>
      </div>
      {chart}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">Nothing in this period yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                {def.columns.map((c, i) => (
                  <th key={c.key} scope="col" className={cx('px-2 py-2 font-medium', i === 0 ? 'text-left' : 'text-right')}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {rows.map((r, ri) => (
                <tr key={ri}>
                  {def.columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.key} scope="row" className="px-2 py-1.5 text-left font-medium text-slate-900">
                        {displayValue(c.kind, r[c.key], money)}
                      </th>
                    ) : (
                      <td key={c.key} className="px-2 py-1.5 text-right text-slate-700" data-col={c.key}>
                        {displayValue(c.kind, r[c.key], money)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
