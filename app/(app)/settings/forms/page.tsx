import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listWebForms } from '@/db/queries/lead-forms';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';

export const metadata: Metadata = { title: 'Forms' };

export default async function FormsPage() {
  await requireRole('admin');
  const db = getDb();
  const forms = listWebForms(db);
  const zone = getWorkspace(db).timezone;
  return (
    <>
      <PageHeader
        title="Web forms"
        description="Forms on your website that turn visitors into leads: a hosted page, an iframe, a script or a plain POST. Spam is kept apart for review."
        actions={
          <Link href="/settings/forms/new" className={buttonClass()}>
            New form
          </Link>
        }
      />
      {forms.length === 0 ? (
        <Card className="px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-slate-900">No forms yet</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">
            Create a form, choose its fields and who gets the leads, then share its link or paste its snippet into your website.
          </p>
          <Link href="/settings/forms/new" className={`${buttonClass()} mt-5`}>
            Create your first form
          </Link>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <ul className="divide-y divide-slate-100" aria-label="Forms">
            {forms.map((f) => (
              <li key={f.id} data-testid="form-row" data-form-id={f.id} className="flex flex-col gap-2 px-4 py-4 sm:flex-row sm:items-center sm:gap-6 sm:px-5">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/settings/forms/${f.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {f.name}
                    </Link>
                    {f.active ? (
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">Active</span>
                    ) : (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200">Off</span>
                    )}
                  </div>
                  <p className="mt-0.5 truncate text-sm text-slate-500">
                    /f/{f.slug} · {f.ownerMode === 'user' ? `to ${f.ownerName ?? 'nobody'}` : `round-robin among ${f.rotation}`}
                    {f.sourceName ? ` · ${f.sourceName}` : ''}
                  </p>
                </div>
                <dl className="flex shrink-0 gap-6 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">Submissions</dt>
                    <dd className="font-medium text-slate-900 tabular-nums">{f.submissions}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Spam</dt>
                    <dd className="font-medium text-slate-900 tabular-nums">
                      {f.spam > 0 ? (
                        <Link href="/leads?spam=1" className="text-brand-700 hover:underline">
                          {f.spam}
                        </Link>
                      ) : (
                        0
                      )}
                    </dd>
                  </div>
                  <div className="min-w-32">
                    <dt className="text-xs text-slate-500">Last</dt>
                    <dd className="text-slate-700">{f.lastSubmissionAt ? formatInstant(f.lastSubmissionAt, zone) : 'None yet'}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
