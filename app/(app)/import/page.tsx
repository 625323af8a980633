import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listImportBatches } from '@/db/queries/imports';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';
import { IMPORT_KINDS } from '@/lib/import/fields';
import { PAGE_SIZE, clampPage, firstParam, hrefWithParams, parsePage, type SearchParams } from '@/lib/list/params';
import { KIND_LABELS, STATE_LABELS, STATE_TONES, plural } from './_components/labels';
import { UploadForm } from './_components/upload-form';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('admin', 'manager');
  const db = getDb();
  const { timezone } = getWorkspace(db);
  const params = await searchParams;
  const first = listImportBatches(db, { limit: 1, offset: 0, includeDrafts: true }, user);
  const page = clampPage(parsePage(firstParam(params, 'page')), first.total);
  const history = listImportBatches(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, includeDrafts: true }, user);

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <PageHeader
          title="Import"
          description="Bring leads, contacts, companies, deals or products in from a spreadsheet or another CRM's export. You match the columns and read a report first; nothing is written until you confirm, and an import can be undone."
        />
        <UploadForm initialKind={IMPORT_KINDS.find((k) => k === firstParam(params, 'kind'))} />
      </div>
      <section aria-labelledby="import-history">
        <h2 id="import-history" className="mb-3 text-base font-semibold text-slate-900">
          Past imports
        </h2>
        {history.total === 0 ? (
          <p className="text-sm text-slate-500">No imports yet.</p>
        ) : (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-slate-100" data-testid="import-history">
              {history.rows.map((b) => (
                <li key={b.id} data-testid="import-batch" data-id={b.id}>
                  <Link href={`/import/${b.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 sm:px-5">
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-slate-900">{b.fileName}</span>
                      <span className="block text-xs text-slate-500">
                        {KIND_LABELS[b.kind]} · {b.committedByName ?? b.createdByName ?? 'Someone'} · {formatInstant(b.committedAt ?? b.createdAt, timezone)}
                      </span>
                    </span>
                    <span className="text-xs text-slate-600 tabular-nums sm:text-right">
                      {b.counts
                        ? `${plural(b.counts.create, 'new', 'new')} · ${plural(b.counts.update, 'update')} · ${plural(b.counts.skip, 'skip')} · ${plural(b.counts.error, 'error')}`
                        : plural(b.totalRows, 'row')}
                    </span>
                    <span className={cx('w-fit shrink-0 rounded-full px-2 py-0.5 text-xs font-medium', STATE_TONES[b.state])}>{STATE_LABELS[b.state]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <div className="mt-3">
          <Pagination page={page} total={history.total} hrefFor={(p) => hrefWithParams('/import', new URLSearchParams(p > 1 ? { page: String(p) } : {}))} />
        </div>
      </section>
    </div>
  );
}
