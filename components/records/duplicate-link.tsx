import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';

/**
 * "Duplicates 12" in a contact or company list's header, for admins and managers. On a phone it goes
 * after the list's own buttons, which then stay together on the first line.
 */
export function DuplicatesLink({ href, count }: { href: string; count: number }) {
  return (
    <Link href={href} className={cx(buttonClass('ghost'), 'order-last sm:order-first')} data-testid="duplicates-link" title={count ? `${count.toLocaleString('en-US')} likely duplicate pairs to review` : 'No likely duplicates'}>
      Duplicates{' '}
      <span className={count ? 'rounded-full bg-amber-100 px-1.5 text-xs font-semibold tabular-nums text-amber-800' : 'text-slate-400 tabular-nums'}>{count.toLocaleString('en-US')}</span>
    </Link>
  );
}
