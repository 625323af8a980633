'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions';

/**
 * Submits a form to a server action without React's automatic form reset, so that what the user
 * typed stays in place when the server answers with field errors. Resets only on success.
 */
export function useFormAction<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  options: { resetOnSuccess?: boolean; onSuccess?: (data: T) => void } = {},
) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const next = await action(form);
      setResult(next);
      if (next.ok) {
        if (options.resetOnSuccess) formElement.reset();
        options.onSuccess?.(next.data);
      }
    });
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const formError = result && !result.ok && Object.keys(fieldErrors).length === 0 ? result.error : null;
  return { result, pending, onSubmit, fieldErrors, formError };
}
