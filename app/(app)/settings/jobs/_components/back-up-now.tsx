'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { backUpNowAction } from '../actions';

/** Queues a backup; the page then shows it (and its progress) from the database, reload or not. */
export function BackUpNowButton({ busy }: { busy: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const start = () =>
    startTransition(async () => {
      const result = await backUpNowAction({});
      setError(result.ok ? null : result.error);
    });
  return (
    <div className="flex shrink-0 flex-col items-start gap-2">
      <Button type="button" variant="secondary" className="whitespace-nowrap" onClick={start} disabled={pending || busy}>
        {pending ? 'Starting…' : 'Back up now'}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
