'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';

/** Runs a button's server action in a transition and keeps its error to show beside the button. */
export function useRun() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T>(task: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (result.ok) onSuccess?.(result.data);
      else setError(result.error);
    });
  }
  return { pending, error, setError, run };
}
