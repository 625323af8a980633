'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { reviseQuoteAction, sendQuoteAction } from '../actions';

type Props = { quoteId: number; version: number; validUntil: string; canEdit: boolean; canSend: boolean; canRevise: boolean; publicPath: string | null };

export function QuoteActions({ quoteId, version, validUntil, canEdit, canSend, canRevise, publicPath }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // When sending is refused for its date, the date field shows with the reason beside it.
  const [dateError, setDateError] = useState<string | null>(null);
  const [date, setDate] = useState(validUntil);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();

  const run = (action: (input: { quoteId: number; version: number; validUntil?: string }) => ReturnType<typeof sendQuoteAction>, after: (id: number) => void, extra: { validUntil?: string } = {}) =>
    start(async () => {
      const result = await action({ quoteId, version, ...extra });
      if (result.ok) {
        setError(null);
        setDateError(null);
        after(result.data.id);
      } else if (result.fieldErrors?.validUntil) {
        setError(null);
        setDateError(result.fieldErrors.validUntil);
      } else setError(result.error);
    });

  return (
    <div className="space-y-3 print:hidden">
      <div className="flex flex-wrap gap-2">
        {canEdit ? (
          <Link href={`/quotes/${quoteId}/edit`} className={buttonClass('secondary')}>
            Edit
          </Link>
        ) : null}
        {canSend ? (
          <Button disabled={pending} onClick={() => run(sendQuoteAction, () => router.refresh())}>
            {pending ? 'Sending…' : 'Send quote'}
          </Button>
        ) : null}
        {canRevise ? (
          <Button variant="secondary" disabled={pending} onClick={() => run(reviseQuoteAction, (id) => router.push(`/quotes/${id}/edit`))}>
            Revise
          </Button>
        ) : null}
        <a href={`/quotes/${quoteId}/pdf`} className={buttonClass('secondary')} download>
          Download PDF
        </a>
        <Button variant="ghost" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      {publicPath ? (
        <div className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 sm:flex-row sm:items-center">
          <label className="min-w-0 flex-1 text-xs text-slate-500">
            Customer link (no sign-in needed)
            <input readOnly data-testid="quote-public-link" value={publicPath} className="mt-1 block w-full truncate rounded-md bg-white px-2 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200" onFocus={(e) => e.target.select()} />
          </label>
          <Button
            variant="secondary"
            size="sm"
            onClick={async () => {
              await navigator.clipboard?.writeText(new URL(publicPath, window.location.origin).href).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        </div>
      ) : null}
      {canSend && dateError ? (
        <div className="flex flex-col gap-2 rounded-lg bg-red-50/50 p-3 ring-1 ring-red-200 sm:flex-row sm:items-start" data-testid="quote-send-date">
          <Field label="Valid until" name="validUntil" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={dateError} className="sm:w-56" />
          <Button className="sm:mt-6" disabled={pending} onClick={() => run(sendQuoteAction, () => router.refresh(), { validUntil: date })}>
            {pending ? 'Sending…' : 'Send with this date'}
          </Button>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
