import Link from 'next/link';
import type { UndoProblem } from '@/db/queries/import-reads';
import { plural } from '../../_components/labels';

const KIND_PATHS: Record<string, string> = { contact: '/contacts', company: '/companies', deal: '/deals', product: '/products', lead: '/leads' };

/** What an undo left alone and why (someone changed the record since, or it gained records of its own). */
export function UndoProblems({ problems, total }: { problems: UndoProblem[]; total: number }) {
  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <h3 className="text-sm font-semibold text-slate-900">Left as they were ({plural(total, 'record')})</h3>
      <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="undo-problems">
        {problems.map((p) => (
          <li key={`${p.recordKind}-${p.recordId}-${p.line}`} className="flex gap-3 py-2">
            <span className="w-12 shrink-0 text-xs tabular-nums text-slate-500">{p.line}</span>
            <span className="min-w-0 break-words text-slate-700">
              {KIND_PATHS[p.recordKind] ? (
                <Link href={`${KIND_PATHS[p.recordKind]}/${p.recordId}`} className="font-medium text-brand-700 hover:underline">
                  {p.recordKind} {p.recordId}
                </Link>
              ) : (
                `${p.recordKind} ${p.recordId}`
              )}
              : {p.reason}
            </span>
          </li>
        ))}
      </ul>
      {total > problems.length ? <p className="mt-2 text-xs text-slate-500">The first {problems.length} are shown.</p> : null}
    </div>
  );
}
