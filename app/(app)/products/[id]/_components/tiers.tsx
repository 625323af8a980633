'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import type { TierRow } from '@/db/queries/price-lists';
import { bpToPercent, formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import { tierUnitPrice } from '@/lib/pricing/resolve';
import { addTierAction, deleteTierAction } from '../actions';

type ListProps = { productId: number; tiers: TierRow[]; baseCents: number; unit: string; currency: string; canEdit: boolean };

/** The tiers in order of quantity, each with what a unit costs from there on. */
export function TierList({ productId, tiers, baseCents, unit, currency, canEdit }: ListProps) {
  if (tiers.length === 0) return null;
  return (
    <ul className="mt-1 divide-y divide-slate-100">
      {tiers.map((t) => {
        const from = formatScaled(t.minQuantityMilli, 3);
        const price = formatMoney(tierUnitPrice(t, baseCents), currency);
        return (
          <li key={t.id} data-testid="tier" className="flex items-center justify-between gap-3 py-2 text-sm">
            <span className="min-w-0">
              <span className="text-slate-500">From</span> <span className="font-medium tabular-nums text-slate-900">{from}</span>{' '}
              <span className="text-slate-400" aria-hidden="true">
                →
              </span>{' '}
              {t.discountBp !== null ? (
                <>
                  <span className="font-medium text-slate-900">{bpToPercent(t.discountBp)}% off</span>{' '}
                  <span className="text-slate-500 tabular-nums">
                    ({price} per {unit})
                  </span>
                </>
              ) : (
                <span className="tabular-nums text-slate-900">
                  <span className="font-medium">{price}</span> <span className="text-slate-500">per {unit}</span>
                </span>
              )}
            </span>
            {canEdit ? <RemoveTier productId={productId} tierId={t.id} from={from} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function RemoveTier({ productId, tierId, from }: { productId: number; tierId: number; from: string }) {
  const { pending, onSubmit, result } = useFormAction(deleteTierAction);
  return (
    <form onSubmit={onSubmit} className="flex shrink-0 items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="tierId" value={tierId} />
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {result.error}
        </span>
      ) : null}
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`Remove the tier from ${from}`} className="text-red-700 hover:text-red-800">
        {pending ? 'Removing…' : 'Remove'}
      </Button>
    </form>
  );
}

/** A new tier: from a quantity on, either a unit price or a percentage off the price above it. */
export function AddTierForm({ productId, priceListId, baseLabel }: { productId: number; priceListId: number | null; baseLabel: string }) {
  const [kind, setKind] = useState<'price' | 'discount'>('price');
  const { pending, onSubmit, fieldErrors: errors, formError, result } = useFormAction(addTierAction, { resetOnSuccess: true, onSuccess: () => setKind('price') });
  // An error about a hidden field (the product, the list) has no box to sit beside: show it under the form.
  const known = errors.minQuantityMilli || errors.unitPrice || errors.discount;
  const other = formError ?? (result && !result.ok && !known ? result.error : null);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a tier" className="mt-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="priceListId" value={priceListId ?? ''} />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1fr)_auto] sm:items-start">
        <Field label="From quantity" name="minQuantityMilli" inputMode="decimal" placeholder="e.g. 10" error={errors.minQuantityMilli} autoComplete="off" />
        <SelectField label="Tier gives" name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'price' | 'discount')}>
          <option value="price">A unit price</option>
          <option value="discount">% off {baseLabel}</option>
        </SelectField>
        {kind === 'price' ? (
          <Field key="price" label="Unit price" name="unitPrice" inputMode="decimal" placeholder="e.g. 45" error={errors.unitPrice} autoComplete="off" />
        ) : (
          <Field key="discount" label="% off" name="discount" inputMode="decimal" placeholder="e.g. 10" error={errors.discount} autoComplete="off" />
        )}
        <div className="self-end sm:mt-6 sm:self-start">
          <Button type="submit" size="sm" disabled={pending} className="w-full py-2 whitespace-nowrap">
            {pending ? 'Adding…' : 'Add tier'}
          </Button>
        </div>
      </div>
      {other ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {other}
        </p>
      ) : null}
    </form>
  );
}
