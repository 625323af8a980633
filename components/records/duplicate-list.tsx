import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { DuplicatePair } from '@/db/queries/duplicates';
import type { DuplicateKind } from '@/db/schema';
import type { ActionResult } from '@/lib/actions';
import { DismissedPairs } from './duplicate-dismiss';
import { DuplicatePairCard } from './duplicate-pair';

type PairAction = (pair: { a: number; b: number }) => Promise<ActionResult<void>>;

// What each kind's screen says: the words differ, the screen does not.
const WORDS = {
  contact: {
    title: 'Duplicate contacts',
    back: { href: '/contacts', label: 'Contacts' },
    same: 'the same person',
    how: 'Keel checks each contact as it is added, imported or edited. Two contacts that share an email address or a phone number, or that have nearly the same name at the same company, show up here as a pair to merge or to tell apart.',
  },
  company: {
    title: 'Duplicate companies',
    back: { href: '/companies', label: 'Companies' },
    same: 'the same organisation',
    how: 'Keel checks each company as it is added, imported or edited. Two companies with the same website domain, or with the same or a nearly identical name (legal forms such as “Inc” or “GmbH” aside), show up here as a pair to merge or to tell apart.',
  },
} as const;

type Props<K extends DuplicateKind> = {
  kind: K;
  pairs: DuplicatePair<K>[];
  total: number;
  page: number;
  timeZone: string;
  /** The workspace's country, that national phone numbers are read in (to mark the matching ones). */
  country: string;
  dismiss: PairAction;
  restore: PairAction;
};

/** A duplicates screen: likely pairs best first, a page at a time, each to merge or to dismiss. */
export function DuplicateList<K extends DuplicateKind>({ kind, pairs, total, page, timeZone, country, dismiss, restore }: Props<K>) {
  const words = WORDS[kind];
  const path = `${words.back.href}/duplicates`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={words.back.href} className="text-slate-500 hover:text-brand-700 hover:underline">
          ← {words.back.label}
        </Link>
      </nav>
      <PageHeader
        title={words.title}
        description={
          total === 0
            ? `Records that look like ${words.same} show up here.`
            : `${total.toLocaleString('en-US')} ${total === 1 ? 'pair looks' : 'pairs look'} like ${words.same}, the likeliest first. Merge each pair, or mark it as not a duplicate.`
        }
      />
      <DismissedPairs restore={restore}>
        {pairs.length === 0 ? (
          <Card className="p-8 text-center sm:p-10" data-testid="duplicates-empty">
            <p className="font-medium text-slate-900">No likely duplicates</p>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{words.how}</p>
            <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">Nothing to do for now. Pairs you mark “Not a duplicate” stay off this list.</p>
            <Link href={words.back.href} className={`${buttonClass('secondary')} mt-4`}>
              Back to {words.back.label.toLowerCase()}
            </Link>
          </Card>
        ) : (
          <ol className="space-y-3" aria-label={words.title}>
            {pairs.map((pair) => (
              <li key={`${pair.low.id}-${pair.high.id}`}>
                <DuplicatePairCard kind={kind} pair={pair} timeZone={timeZone} country={country} dismiss={dismiss} />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page} total={total} hrefFor={(p) => (p > 1 ? `${path}?page=${p}` : path)} />
      </DismissedPairs>
    </>
  );
}
