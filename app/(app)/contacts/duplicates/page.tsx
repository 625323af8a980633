import type { Metadata } from 'next';
import { DuplicateList } from '@/components/records/duplicate-list';
import { getDb } from '@/db';
import { countDuplicatePairs, listDuplicatePairs } from '@/db/queries/duplicates';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { clampPage, firstParam, PAGE_SIZE, parsePage, type SearchParams } from '@/lib/list/params';
import { dismissContactPairAction, restoreContactPairAction } from './actions';

export const metadata: Metadata = { title: 'Duplicate contacts' };

// Admins and managers tidy the customer base; a rep who opens this gets the forbidden page.
export default async function ContactDuplicatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('admin', 'manager');
  const db = getDb();
  const total = countDuplicatePairs(db, 'contact', user);
  const page = clampPage(parsePage(firstParam(await searchParams, 'page')), total);
  const { timezone, defaultCountry } = getWorkspace(db);
  const pairs = listDuplicatePairs(db, 'contact', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, user);
  return (
    <DuplicateList kind="contact" pairs={pairs} total={total} page={page} timeZone={timezone} country={defaultCountry} dismiss={dismissContactPairAction} restore={restoreContactPairAction} />
  );
}
