'use client';

import { createContext, useContext, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';

type PairAction = (pair: { a: number; b: number }) => Promise<ActionResult<void>>;
type Dismissed = { a: number; b: number; label: string };

const LastDismissed = createContext<(pair: Dismissed) => void>(() => undefined);

/**
 * Holds the pair last marked "not a duplicate" so that it can be undone. The action revalidates the
 * page, which drops the pair from the list; this state lives above the list and so outlives it.
 */
export function DismissedPairs({ restore, children }: { restore: PairAction; children: React.ReactNode }) {
  const [last, setLast] = useState<Dismissed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function undo(pair: Dismissed) {
    startTransition(async () => {
      const result = await restore({ a: pair.a, b: pair.b });
      if (result.ok) setLast(null);
      else setError(result.error);
    });
  }

  return (
    <LastDismissed.Provider
      value={(pair) => {
        setError(null);
        setLast(pair);
      }}
    >
      <div aria-live="polite" className="empty:hidden mb-4">
        {error ? <Alert>{error}</Alert> : null}
        {last && !error ? (
          <Alert tone="success">
            <span className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span>{last.label}: marked as not a duplicate. It stays off this list.</span>
              <button type="button" className="font-medium underline disabled:opacity-50" disabled={pending} onClick={() => undo(last)}>
                {pending ? 'Undoing…' : 'Undo'}
              </button>
            </span>
          </Alert>
        ) : null}
      </div>
      {children}
    </LastDismissed.Provider>
  );
}

/** "Not a duplicate": the pair leaves the list at once and for good (undo aside). */
export function DismissPairButton({ a, b, label, dismiss }: { a: number; b: number; label: string; dismiss: PairAction }) {
  const remember = useContext(LastDismissed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? <span className="text-sm text-red-600">{error}</span> : null}
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await dismiss({ a, b });
            if (result.ok) remember({ a, b, label });
            else setError(result.error);
          })
        }
      >
        {pending ? 'Saving…' : 'Not a duplicate'}
      </Button>
    </>
  );
}
