'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { PriceListRow as Row } from '@/db/queries/price-lists';
import { deletePriceListAction, renamePriceListAction } from '../actions';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A price list with its counts; rename in place; delete after a confirm that says what happens. */
export function PriceListRow({ list }: { list: Row }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const rename = useFormAction(renamePriceListAction, { onSuccess: () => setMode('view') });
  const remove = useFormAction(deletePriceListAction);
  const headingId = `price-list-${list.id}`;

  return (
    <li data-testid="price-list-row" className="px-4 py-3 sm:px-5">
      {mode === 'rename' ? (
        <form onSubmit={rename.onSubmit} noValidate aria-label={`Rename ${list.name}`} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] sm:items-start">
          <input type="hidden" name="priceListId" value={list.id} />
          <Field label="Name" name="name" defaultValue={list.name} error={rename.fieldErrors.name ?? rename.formError ?? undefined} autoFocus autoComplete="off" />
          <Field label="Description" name="description" defaultValue={list.description ?? ''} error={rename.fieldErrors.description} autoComplete="off" />
          <div className="flex gap-2 sm:pt-6">
            <Button type="submit" size="sm" disabled={rename.pending} className="py-2">
              {rename.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button type="button" size="sm" variant="ghost" className="py-2" onClick={() => setMode('view')}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <h2 id={headingId} className="font-medium text-slate-900">
              {list.name}
            </h2>
            {list.description ? <p className="text-sm text-slate-600">{list.description}</p> : null}
            <p className="text-xs text-slate-500">
              {list.products === 0 ? 'No product prices yet' : `${plural(list.products, 'product price', 'product prices')}`} ·{' '}
              {list.companies === 0 ? 'no companies on it' : `${plural(list.companies, 'company', 'companies')} on it`}
            </p>
          </div>
          {mode === 'view' ? (
            <div className="flex gap-1">
              <Button type="button" size="sm" variant="secondary" onClick={() => setMode('rename')} aria-describedby={headingId}>
                Rename
              </Button>
              <Button type="button" size="sm" variant="ghost" className="text-red-700 hover:text-red-800" onClick={() => setMode('delete')} aria-describedby={headingId}>
                Delete
              </Button>
            </div>
          ) : null}
        </div>
      )}
      {mode === 'delete' ? (
        <form onSubmit={remove.onSubmit} aria-label={`Delete ${list.name}`} className="mt-3 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200">
          <input type="hidden" name="priceListId" value={list.id} />
          <p className="text-red-900">
            Delete “{list.name}”?{' '}
            {list.companies > 0 ? `Its ${plural(list.companies, 'company goes', 'companies go')} back to catalogue prices. ` : ''}
            {list.products > 0 ? `Its ${plural(list.products, 'product price', 'product prices')} and tiers are removed. ` : ''}
            Quotes already written keep their prices.
          </p>
          {remove.result && !remove.result.ok ? (
            <p role="alert" className="mt-1 text-red-700">
              {remove.result.error}
            </p>
          ) : null}
          <div className="mt-2 flex gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={remove.pending}>
              {remove.pending ? 'Deleting…' : 'Delete price list'}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setMode('view')} autoFocus>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
