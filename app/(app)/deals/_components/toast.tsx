'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { cx } from '@/components/ui/cx';

export type ToastMessage = { tone: 'success' | 'error'; text: string; href?: string };

export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(onDismiss, message.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(t);
  }, [message, onDismiss]);
  if (!message) return null;
  return (
    <div
      role={message.tone === 'error' ? 'alert' : 'status'}
      data-testid="board-toast"
      className={cx(
        'fixed bottom-4 left-1/2 z-50 flex w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 items-center gap-3 rounded-lg px-4 py-3 text-sm shadow-lg lg:left-[calc(50%+8rem)]',
        message.tone === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white',
      )}
    >
      <span className="flex-1">{message.text}</span>
      {message.href ? (
        <Link href={message.href} className="font-medium underline">
          Open
        </Link>
      ) : null}
      <button type="button" onClick={onDismiss} className="text-white/70 hover:text-white" aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
