import Link from 'next/link';
import { cx } from '@/components/ui/cx';

/** A sortable column heading: a link that sorts by its key, toggling the direction when already sorted. */
export function SortHeader({
  label,
  sortKey,
  current,
  dir,
  hrefFor,
  className,
}: {
  label: string;
  sortKey: string;
  current: string;
  dir: 'asc' | 'desc';
  hrefFor: (sort: string, dir: 'asc' | 'desc') => string;
  className?: string;
}) {
  const active = current === sortKey;
  const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined} className={cx('px-4 py-2.5 text-left font-medium', className)}>
      <Link href={hrefFor(sortKey, nextDir)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={active ? 'text-slate-900' : 'text-slate-300'}>
          {active && dir === 'desc' ? '↓' : '↑'}
        </span>
      </Link>
    </th>
  );
}
