'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { formatMoney } from '@/lib/money';
import { acceptQuoteAction, declineQuoteAction } from './actions';

export function RespondForms({ token, total, currency, validUntil }: { token: string; total: number; currency: string; validUntil: string }) {
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const accept = useFormAction(acceptQuoteAction, { onSuccess: () => router.refresh() });
  const decline = useFormAction(declineQuoteAction, { onSuccess: () => router.refresh() });

  return (
    <Card className="p-4 sm:p-6">
      {!declining ? (
        <form onSubmit={accept.onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <div>
            <h2 className="text-lg font-semibold text-slate-900">Accept this quote</h2>
            <p className="text-sm text-slate-600">
              {formatMoney(total, currency)} in total, valid until {validUntil}. Typing your name is your signature.
            </p>
          </div>
          {accept.formError ? <Alert>{accept.formError}</Alert> : null}
          <Field label="Full name" name="name" autoComplete="name" error={accept.fieldErrors.name} className="sm:max-w-sm" />
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="agree" className="mt-0.5 size-4 rounded border-slate-300" />
            <span>I accept this quote, its prices and its terms on behalf of the customer named on it.</span>
          </label>
          {accept.fieldErrors.agree ? <p className="text-sm text-red-600">{accept.fieldErrors.agree}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={accept.pending}>
              {accept.pending ? 'Accepting…' : 'Accept quote'}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDeclining(true)}>
              Decline…
            </Button>
          </div>
        </form>
      ) : (
        <form onSubmit={decline.onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <h2 className="text-lg font-semibold text-slate-900">Decline this quote</h2>
          {decline.formError ? <Alert>{decline.formError}</Alert> : null}
          <label className="block">
            <span className="mb-1 block text-sm font-medium text-slate-700">Reason (optional)</span>
            <textarea name="reason" rows={3} className="block w-full rounded-lg border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500" />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={decline.pending}>
              {decline.pending ? 'Declining…' : 'Decline quote'}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDeclining(false)}>
              Back
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
