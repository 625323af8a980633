import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getWebForm } from '@/db/queries/lead-forms';
import { requireRole } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';
import { sampleSubmission } from '@/lib/leads/forms';
import { idParam } from '@/lib/route-params';
import { editorForm, editorOptions } from '../_components/editor-options';
import { EmbedOptions } from '../_components/embed-options';
import { FormActiveSwitch } from '../_components/form-active-switch';
import { FormEditor } from '../_components/form-editor';

export const metadata: Metadata = { title: 'Edit form' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditFormPage({ params, searchParams }: Props) {
  await requireRole('admin');
  const id = idParam((await params).id);
  const db = getDb();
  const form = id ? getWebForm(db, id) : null;
  if (!form) notFound();
  const created = (await searchParams).created === '1';
  const origin = requestOrigin(await headers());
  return (
    <div className="mx-auto max-w-6xl">
      <Link href="/settings/forms" className="text-sm text-slate-500 hover:text-slate-800">
        ← Forms
      </Link>
      <PageHeader
        title={form.name}
        description={form.active ? `Live at /f/${form.slug}` : 'Inactive: the form answers “not found” until you turn it on again.'}
        actions={
          <>
            {form.active ? (
              <a href={`/f/${form.slug}`} target="_blank" rel="noreferrer" className={buttonClass('secondary', 'sm')}>
                Open form
              </a>
            ) : null}
            <FormActiveSwitch formId={form.id} active={form.active} />
          </>
        }
      />
      {created ? (
        <div className="mb-5">
          <Alert tone="success">The form is ready. Share its link or paste a snippet into your website.</Alert>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <FormEditor form={editorForm(db, form)} {...editorOptions(db)} />
        <div className="space-y-6 lg:sticky lg:top-6 lg:self-start">
          <EmbedOptions origin={origin} slug={form.slug} sample={sampleSubmission(form.fields)} />
        </div>
      </div>
    </div>
  );
}
