import type { ImportCounts } from '@/lib/import/plan';

type Tone = 'create' | 'update' | 'skip' | 'error';
const TONES: Record<Tone, string> = { create: 'text-emerald-700', update: 'text-brand-700', skip: 'text-slate-900', error: 'text-red-700' };

/**
 * The report's figures, or once imported what was written. The data attributes are what the browser
 * tests read (named in issue 13); the words are for people.
 */
export function ImportCountsView({ counts, done }: { counts: ImportCounts; done: boolean }) {
  const cells: { key: Tone; label: string }[] = [
    { key: 'create', label: done ? 'created' : 'to create' },
    { key: 'update', label: done ? 'updated' : 'to update' },
    { key: 'skip', label: done ? 'skipped' : 'to skip' },
    { key: 'error', label: done ? 'not imported' : 'rejected' },
  ];
  return (
    <div
      data-testid="import-counts"
      data-create={counts.create}
      data-update={counts.update}
      data-skip={counts.skip}
      data-error={counts.error}
      className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4"
    >
      {cells.map((c) => (
        <p key={c.key} className="rounded-lg bg-slate-50 px-2 py-3 ring-1 ring-slate-200">
          <span className={`block text-2xl font-semibold tabular-nums ${counts[c.key] ? TONES[c.key] : 'text-slate-400'}`}>{counts[c.key].toLocaleString('en-US')}</span>
          <span className="block text-xs text-slate-500">{c.label}</span>
        </p>
      ))}
    </div>
  );
}
