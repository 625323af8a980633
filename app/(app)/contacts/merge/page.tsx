import type { Metadata } from 'next';
import { MergeScreen } from '@/components/records/merge-screen';
import { getDb } from '@/db';
import { getMergeView } from '@/db/queries/merge';
import { requireRole } from '@/lib/auth/session';
import { mergeContactsAction } from './actions';

export const metadata: Metadata = { title: 'Merge contacts' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/contacts/merge?ids=A,B`: keep one contact, pick its values, and fold the other into it. */
export default async function MergeContactsPage({ searchParams }: Props) {
  const user = await requireRole('admin', 'manager');
  const view = getMergeView(getDb(), 'contact', (await searchParams).ids, user);
  return <MergeScreen kind="contact" view={view} action={mergeContactsAction} />;
}
