import type { Metadata } from 'next';
import { MergeScreen } from '@/components/records/merge-screen';
import { getDb } from '@/db';
import { getMergeView } from '@/db/queries/merge';
import { requireRole } from '@/lib/auth/session';
import { mergeCompaniesAction } from './actions';

export const metadata: Metadata = { title: 'Merge companies' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/companies/merge?ids=A,B`: keep one company, pick its values, and fold the other into it. */
export default async function MergeCompaniesPage({ searchParams }: Props) {
  const user = await requireRole('admin', 'manager');
  const view = getMergeView(getDb(), 'company', (await searchParams).ids, user);
  return <MergeScreen kind="company" view={view} action={mergeCompaniesAction} />;
}
