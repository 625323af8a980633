import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requireRole } from '@/lib/auth/session';
import { editorForm, editorOptions } from '../_components/editor-options';
import { FormEditor } from '../_components/form-editor';

export const metadata: Metadata = { title: 'New form' };

export default async function NewFormPage() {
  await requireRole('admin');
  const db = getDb();
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/settings/forms" className="text-sm text-slate-500 hover:text-slate-800">
        ← Forms
      </Link>
      <PageHeader title="New form" description="Once it is created you get its link and the snippets to put it on your website." />
      <FormEditor form={editorForm(db, null)} {...editorOptions(db)} />
    </div>
  );
}
