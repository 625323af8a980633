import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { PAGE_SIZE } from '@/lib/list/params';

/** "1–50 of 1,234" with previous and next links that keep the other URL parameters. */
export function Pagination({ page, total, hrefFor }: { page: number; total: number; hrefFor: (page: number) => string }) {
  if (total === 0) return null;
  const from = (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm text-slate-600">
      <span>
        {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      <div className="flex gap-2">
        <Link aria-disabled={page <= 1} href={hrefFor(Math.max(1, page - 1))} className={cx(buttonClass('secondary', 'sm'), page <= 1 && 'pointer-events-none opacity-50')}>
          Previous
        </Link>
        <Link aria-disabled={page >= last} href={hrefFor(Math.min(last, page + 1))} className={cx(buttonClass('secondary', 'sm'), page >= last && 'pointer-events-none opacity-50')}>
          Next
        </Link>
      </div>
    </nav>
  );
}
