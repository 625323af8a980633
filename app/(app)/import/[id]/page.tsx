import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Pagination } from '@/components/list/pagination';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import type { ImportRowFilter } from '@/db/queries/import-reads';
import { getImportBatch, listImportRows, listImportUndoProblems } from '@/db/queries/imports';
import { getJob } from '@/db/queries/jobs';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';
import { IMPORT_FIELDS, type ImportFieldDefinition } from '@/lib/import/fields';
import { IMPORT_MODE_LABELS, type ImportCounts } from '@/lib/import/plan';
import { toJobSnapshot } from '@/lib/jobs/snapshot';
import { PAGE_SIZE, clampPage, firstParam, hrefWithParams, parsePage, type SearchParams } from '@/lib/list/params';
import { idParam } from '@/lib/route-params';
import { KIND_LABELS, RECORD_PATHS, STATE_LABELS, STATE_TONES, plural } from '../_components/labels';
import { ConfirmAction } from './_components/confirm-action';
import { ImportCountsView } from './_components/import-counts';
import { ImportJob } from './_components/import-job';
import { MappingForm } from './_components/mapping-form';
import { ReportRows } from './_components/report-rows';
import { UndoProblems } from './_components/undo-problems';

export const metadata: Metadata = { title: 'Import' };

const FILTERS = ['all', 'create', 'update', 'skip', 'error', 'duplicates', 'likely', 'warnings', 'failed'] as const satisfies readonly ImportRowFilter[];
// URL parameters are user input: an unknown filter shows every row rather than failing.
const filterParam = z.enum(FILTERS).catch('all');
const FILTER_LABELS: Record<(typeof FILTERS)[number], string> = {
  all: 'All rows',
  create: 'New',
  update: 'Updates',
  skip: 'Skipped',
  error: 'Rejected',
  duplicates: 'In-file duplicates',
  likely: 'Likely duplicates',
  warnings: 'Warnings',
  failed: 'Failed',
};
const FILTER_COUNTS: Partial<Record<(typeof FILTERS)[number], keyof ImportCounts>> = {
  create: 'create',
  update: 'update',
  skip: 'skip',
  error: 'error',
  duplicates: 'duplicates',
  likely: 'likely',
  warnings: 'warnings',
};

// How many rows of the file the mapping step samples for an example value per column.
const SAMPLE_ROWS = 20;

export default async function ImportBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireRole('admin', 'manager');
  const id = idParam((await params).id);
  const db = getDb();
  const batch = id ? getImportBatch(db, id, user) : null;
  if (!batch) notFound();
  const { timezone } = getWorkspace(db);
  const query = await searchParams;

  const editable = batch.state === 'draft' || batch.state === 'checked';
  const counts = batch.counts;
  const filter = filterParam.parse(firstParam(query, 'filter'));
  const firstPage = counts ? listImportRows(db, batch.id, { filter, limit: 0, offset: 0 }, user).total : 0;
  const page = clampPage(parsePage(firstParam(query, 'page')), firstPage);
  const rows = counts ? listImportRows(db, batch.id, { filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, user) : null;
  const hrefFor = (f: string, p = 1) => {
    const q = new URLSearchParams();
    if (f !== 'all') q.set('filter', f);
    if (p > 1) q.set('page', String(p));
    return hrefWithParams(`/import/${batch.id}`, q);
  };

  const fields = (IMPORT_FIELDS[batch.kind] as readonly ImportFieldDefinition[]).map(({ key, label, many }) => ({ key, label, many }));
  const samples = editable ? sampleValues(listImportRows(db, batch.id, { limit: SAMPLE_ROWS, offset: 0 }, user).rows.map((r) => r.cells), batch.headers.length) : [];
  const importJob = batch.job ? getJob(db, batch.job.id) : null;
  const undoJob = batch.undoJob ? getJob(db, batch.undoJob.id) : null;
  const toWrite = counts ? counts.create + counts.update : 0;
  const undoProblems = batch.state === 'undone' ? listImportUndoProblems(db, batch.id, { limit: PAGE_SIZE, offset: 0 }, user) : null;
  const who = batch.committedByName ?? batch.createdByName ?? 'someone';

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={batch.fileName}
        description={`${KIND_LABELS[batch.kind]} · ${plural(batch.totalRows, 'row')} · ${batch.committedAt ? `imported by ${who}` : `uploaded by ${who}`} on ${formatInstant(batch.committedAt ?? batch.createdAt, timezone)}`}
        actions={
          <Link href="/import" className={buttonClass('secondary')}>
            All imports
          </Link>
        }
      />
      <p className="-mt-3 flex items-center gap-2 text-sm">
        <span className={cx('rounded-full px-2 py-0.5 text-xs font-medium', STATE_TONES[batch.state])} data-testid="import-state" data-state={batch.state}>
          {STATE_LABELS[batch.state]}
        </span>
        {!editable ? <span className="text-slate-500">{IMPORT_MODE_LABELS[batch.mode]}</span> : null}
      </p>

      {editable ? (
        <MappingForm
          key={`${batch.checkedAt ?? 0}`}
          batchId={batch.id}
          kind={batch.kind}
          modes={IMPORT_MODE_LABELS}
          headers={batch.headers}
          samples={samples}
          fields={fields}
          initialMapping={batch.mapping}
          initialMode={batch.mode}
          totalRows={batch.totalRows}
          checked={batch.state === 'checked'}
        />
      ) : null}

      {counts ? (
        <Card className="space-y-4 p-4 sm:p-5" data-testid="import-report">
          <h2 className="text-base font-semibold text-slate-900">{editable ? 'The report' : batch.state === 'undoing' || batch.state === 'undone' ? 'What the import did (since undone)' : 'What was imported'}</h2>
          <ImportCountsView counts={counts} done={!editable} />
          <p className="text-sm text-slate-600">{summary(counts, batch.kind, editable)}</p>

          {batch.state === 'checked' ? (
            <div className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
              <p className="text-sm text-slate-500">Nothing has been written yet.</p>
              <ConfirmAction
                batchId={batch.id}
                verb="commit"
                label={`Import ${plural(toWrite, 'row')}`}
                title={`Import ${plural(toWrite, 'row')}?`}
                body={
                  <>
                    {plural(counts.create, 'record')} will be created and {plural(counts.update, 'record')} updated
                    {counts.error ? `; ${counts.error === 1 ? 'the rejected row stays' : `the ${plural(counts.error, 'rejected row')} stay`} out` : ''}. You can undo the import afterwards.
                  </>
                }
                confirmLabel="Import"
                disabled={toWrite === 0}
              />
            </div>
          ) : null}
        </Card>
      ) : null}

      {importJob && (batch.state === 'queued' || batch.state === 'running' || batch.state === 'failed' || batch.state === 'done') ? (
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Import</h2>
          <ImportJob initial={toJobSnapshot(importJob)} doneText={`Imported${batch.finishedAt ? ` on ${formatInstant(batch.finishedAt, timezone)}` : ''}.`} />
          {batch.state === 'done' ? (
            <div className="mt-4 flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
              <p className="text-sm text-slate-500">Undo deletes the records this import created and puts back what it changed, unless someone has changed them since.</p>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link href={RECORD_PATHS[batch.kind]} className={buttonClass('secondary')}>
                  See the {KIND_LABELS[batch.kind].toLowerCase()}
                </Link>
                <ConfirmAction
                  batchId={batch.id}
                  verb="undo"
                  label="Undo this import"
                  title="Undo this import?"
                  body="Records it created are deleted and records it updated get their old values back. Any record someone has changed since, or that gained deals or activities of its own, is left as it is and listed here."
                  confirmLabel="Undo the import"
                />
              </div>
            </div>
          ) : null}
        </Card>
      ) : null}

      {undoJob ? (
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Undo</h2>
          <ImportJob
            initial={toJobSnapshot(undoJob)}
            doneText={
              batch.undoCounts
                ? `Undone by ${batch.undoneByName ?? 'someone'}: ${plural(batch.undoCounts.deleted, 'record')} deleted, ${plural(batch.undoCounts.restored, 'record')} restored, ${plural(batch.undoCounts.left, 'record')} left as they were.`
                : 'Undone.'
            }
          />
          {undoProblems && undoProblems.total > 0 ? <UndoProblems problems={undoProblems.rows} total={undoProblems.total} /> : null}
        </Card>
      ) : null}

      {batch.state === 'failed' && !importJob ? <Alert>This import stopped before it finished.</Alert> : null}

      {rows ? (
        <section aria-labelledby="import-rows" className="space-y-3">
          <h2 id="import-rows" className="text-base font-semibold text-slate-900">
            Rows
          </h2>
          <nav aria-label="Show rows" className="-mx-1 flex flex-wrap gap-1">
            {FILTERS.map((f) => {
              const n = FILTER_COUNTS[f] && counts ? counts[FILTER_COUNTS[f]!] : null;
              if (f !== 'all' && f !== filter && n === 0) return null;
              // Rows fail only while the job writes them: nothing to show before the import.
              if (f === 'failed' && editable) return null;
              return (
                <Link
                  key={f}
                  href={hrefFor(f)}
                  aria-current={f === filter ? 'page' : undefined}
                  className={cx('rounded-full px-3 py-1 text-sm', f === filter ? 'bg-slate-900 text-white' : 'text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50')}
                >
                  {FILTER_LABELS[f]}
                  {n !== null ? <span className="ml-1 tabular-nums opacity-70">{n.toLocaleString('en-US')}</span> : null}
                </Link>
              );
            })}
          </nav>
          <Card className="overflow-hidden">
            {rows.total === 0 ? (
              <p className="px-4 py-6 text-center text-sm text-slate-500">No rows here.</p>
            ) : (
              <ReportRows rows={rows.rows} kind={batch.kind} linkRecords={batch.state === 'done'} />
            )}
          </Card>
          <Pagination page={page} total={rows.total} hrefFor={(p) => hrefFor(filter, p)} />
        </section>
      ) : null}
    </div>
  );
}

/** For each column, the first non-empty value among the first rows: an empty first cell says little. */
function sampleValues(rows: string[][], columns: number): string[] {
  return Array.from({ length: columns }, (_, i) => rows.find((cells) => cells[i]?.trim())?.[i]?.trim() ?? '');
}

function summary(counts: ImportCounts, kind: keyof typeof KIND_LABELS, before: boolean): string {
  const parts: string[] = [];
  if (counts.newCompanies && kind !== 'companies') parts.push(`${plural(counts.newCompanies, 'new company', 'new companies')} ${before ? 'will be' : 'were'} created along the way.`);
  const one = (n: number, singular: string, many: string) => (n === 1 ? singular : many);
  if (counts.duplicates)
    parts.push(`${plural(counts.duplicates, 'row')} ${one(counts.duplicates, 'repeats', 'repeat')} an earlier row of the file and ${before ? one(counts.duplicates, 'is', 'are') : one(counts.duplicates, 'was', 'were')} skipped.`);
  if (counts.likely) parts.push(`${plural(counts.likely, 'row')} ${one(counts.likely, 'looks', 'look')} like existing records: check them under “Likely duplicates”.`);
  if (counts.warnings) parts.push(`${plural(counts.warnings, 'row')} ${one(counts.warnings, 'has', 'have')} warnings (an owner or stage Keel does not know is left out).`);
  if (before && counts.error) parts.push('Rejected rows are not imported: fix them in the file and import it again later.');
  return parts.join(' ') || (before ? 'Every row is good.' : '');
}
