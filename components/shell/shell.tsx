'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { cx } from '@/components/ui/cx';
import { WorkspaceLogo } from '@/components/ui/logo';
import { Icon } from './icons';
import { isActive, type NavItem } from './nav-items';

type Props = { user: { name: string; role: Role }; items: NavItem[]; workspaceName: string; logoSrc: string | null; children: React.ReactNode };

export function Shell({ user, items, workspaceName, logoSrc, children }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const initials = user.name
    .split(/\s+/)
    .map((p) => p[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

  return (
    <div className="min-h-dvh lg:pl-64 print:pl-0">
      {/* Phone and tablet: a top bar whose menu button opens the same navigation. */}
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-slate-800 bg-slate-900 px-4 text-white lg:hidden print:hidden">
        <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold">
          <WorkspaceLogo src={logoSrc} name={workspaceName} />
          <span className="truncate">{logoSrc ? workspaceName : 'Keel'}</span>
        </Link>
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="main-nav"
          className="rounded-lg p-2 text-slate-300 hover:bg-slate-800 hover:text-white"
        >
          <span className="sr-only">{open ? 'Close menu' : 'Open menu'}</span>
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d={open ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16'} strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <aside
        id="main-nav"
        className={cx(
          'fixed inset-x-0 top-14 bottom-0 z-20 flex-col bg-slate-900 text-slate-300 lg:inset-y-0 lg:left-0 lg:top-0 lg:flex lg:w-64 print:hidden',
          open ? 'flex' : 'hidden',
        )}
      >
        <div className="hidden h-16 items-center gap-2 px-5 text-white lg:flex">
          <WorkspaceLogo src={logoSrc} name={workspaceName} size={logoSrc ? 32 : 28} />
          {/* With its own logo the workspace's name leads; else Keel's mark and name, the workspace's below. */}
          <div className="min-w-0">
            <div className={cx('truncate font-semibold leading-tight', logoSrc && 'text-sm')} title={logoSrc ? workspaceName : undefined}>
              {logoSrc ? workspaceName : 'Keel'}
            </div>
            {logoSrc ? null : <div className="truncate text-xs text-slate-400">{workspaceName}</div>}
          </div>
        </div>
        {/* A lead can turn up on any screen (a call, a card): adding one is a click away everywhere. */}
        <div className="px-3 pt-4">
          <Link
            href="/leads/new"
            onClick={() => setOpen(false)}
            className="flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-500"
          >
            <span aria-hidden="true" className="text-base leading-none">+</span>
            New lead
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-1 overflow-y-auto px-3 py-4">
          {items.map((item) => {
            const active = isActive(item.href, pathname);
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={() => setOpen(false)}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium',
                  active ? 'bg-slate-800 text-white' : 'hover:bg-slate-800/60 hover:text-white',
                )}
              >
                <Icon name={item.icon} />
                {item.label}
                {item.badge && item.badge.count > 0 ? (
                  <span
                    data-testid={item.badge.testId}
                    role="img"
                    aria-label={item.badge.label}
                    className="ml-auto min-w-5 rounded-full bg-red-600 px-1.5 py-0.5 text-center text-xs font-semibold leading-none text-white tabular-nums"
                  >
                    {item.badge.count}
                  </span>
                ) : null}
              </Link>
            );
          })}
        </nav>
        <div className="border-t border-slate-800 p-3">
          <div className="flex items-center gap-3 rounded-lg px-2 py-2" data-testid="current-user">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">
              {initials}
            </span>
            <div className="min-w-0 flex-1">
              <Link href="/settings/profile" onClick={() => setOpen(false)} className="block truncate text-sm font-medium text-white hover:underline">
                {user.name}
              </Link>
              <div className="text-xs text-slate-400">{ROLE_LABELS[user.role]}</div>
            </div>
            <button
              type="button"
              onClick={() => signOut({ callbackUrl: '/login' })}
              className="rounded-md px-2 py-1 text-xs font-medium text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white"
            >
              Sign out
            </button>
          </div>
        </div>
      </aside>

      <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8 print:p-0">{children}</main>
    </div>
  );
}
