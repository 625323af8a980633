import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import type { ImportRowView } from '@/db/queries/imports';
import type { ImportKind } from '@/lib/import/fields';
import { describeReason } from '@/lib/customers/similarity';
import { RECORD_PATHS } from '../../_components/labels';

const ACTION_LABELS = { create: 'New', update: 'Update', skip: 'Skip', error: 'Rejected' } as const;
const RESULT_LABELS = { created: 'Created', updated: 'Updated', skipped: 'Skipped', failed: 'Failed' } as const;
const TONES = {
  create: 'bg-emerald-50 text-emerald-800',
  created: 'bg-emerald-50 text-emerald-800',
  update: 'bg-brand-50 text-brand-700',
  updated: 'bg-brand-50 text-brand-700',
  skip: 'bg-slate-100 text-slate-700',
  skipped: 'bg-slate-100 text-slate-700',
  error: 'bg-red-50 text-red-800',
  failed: 'bg-red-50 text-red-800',
} as const;

/** The first few non-empty cells, so a row can be told apart without opening the file. */
function preview(cells: string[]): string {
  return cells
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 4)
    .join(' · ');
}

/**
 * One page of the report's rows in file order: each with its file line, what the check decided and
 * why, the row of the file it repeats, existing records it looks like (linked), warnings, and after
 * the import what was written (linked while the records exist), with a way to merge a created
 * record into the existing one it looks like.
 */
export function ReportRows({ rows, kind, linkRecords }: { rows: ImportRowView[]; kind: ImportKind; linkRecords: boolean }) {
  const base = RECORD_PATHS[kind];
  // The record a row created can be merged with the one it looks like, straight from the report.
  const mergeable = kind === 'contacts' || kind === 'companies';
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((r) => {
        const status = r.result ?? r.action;
        const rejected = r.action === 'error' || r.result === 'failed';
        return (
          <li key={r.rowIndex} data-testid={rejected ? 'import-error' : 'import-row'} data-line={r.line} className="flex gap-3 px-4 py-3 text-sm sm:px-5">
            <span className="w-12 shrink-0 pt-0.5 text-xs tabular-nums text-slate-500">
              <span className="sr-only">Line </span>
              {r.line}
            </span>
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                {status ? (
                  <span className={cx('shrink-0 rounded-full px-2 py-0.5 text-xs font-medium', TONES[status])}>
                    {r.result ? RESULT_LABELS[r.result] : ACTION_LABELS[r.action!]}
                  </span>
                ) : null}
                <span className="min-w-0 break-words text-slate-900">{preview(r.cells) || <span className="text-slate-400">(unreadable row)</span>}</span>
                {linkRecords && r.recordId && (r.result === 'created' || r.result === 'updated') ? (
                  <Link href={`${base}/${r.recordId}`} className="shrink-0 font-medium text-brand-700 hover:underline">
                    Open
                  </Link>
                ) : null}
              </div>
              {r.reason ? <p className={cx('break-words', rejected ? 'text-red-700' : 'text-slate-600')}>{r.reason}</p> : null}
              {r.duplicateOfLine && !r.reason ? <p className="text-slate-600">Same record as line {r.duplicateOfLine} of the file.</p> : null}
              {r.likely.length > 0 ? (
                <p className="break-words text-amber-800">
                  Looks like{' '}
                  {r.likely.map((l, i) => (
                    <span key={l.id}>
                      {i > 0 ? ', ' : ''}
                      <Link href={`${base}/${l.id}`} className="font-medium underline hover:no-underline">
                        {l.name}
                      </Link>{' '}
                      ({l.reasons.map(describeReason).join('; ').toLowerCase()})
                      {linkRecords && mergeable && r.result === 'created' && r.recordId ? (
                        <>
                          {' '}
                          <Link href={`${base}/merge?ids=${l.id},${r.recordId}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline">
                            Compare and merge
                          </Link>
                        </>
                      ) : null}
                    </span>
                  ))}
                </p>
              ) : null}
              {r.warnings.map((w) => (
                <p key={w} className="break-words text-amber-800">
                  {w}
                </p>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
