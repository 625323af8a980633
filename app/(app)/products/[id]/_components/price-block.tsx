'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import type { TierRow } from '@/db/queries/price-lists';
import { centsToDecimal, formatMoney } from '@/lib/money';
import { tiersThatApply } from '@/lib/pricing/resolve';
import { clearListPriceAction, setListPriceAction } from '../actions';
import { AddTierForm, TierList } from './tiers';

type Props = {
  productId: number;
  unit: string;
  currency: string;
  catalogueCents: number;
  /** null: the catalogue price itself. */
  list: { id: number; name: string; cents: number | null } | null;
  tiers: TierRow[];
  canEdit: boolean;
};

/** One price of the product (the catalogue's or a list's) with its volume tiers. */
export function PriceBlock({ productId, unit, currency, catalogueCents, list, tiers, canEdit }: Props) {
  const title = list ? list.name : 'Catalogue price';
  const baseCents = list?.cents ?? catalogueCents;
  const headingId = `price-${list?.id ?? 'catalogue'}`;
  const tierNote =
    tiers.length > 0 ? null : list && tiersThatApply(list.cents, 0) === 'catalogue' ? 'No tiers of its own: the catalogue tiers apply.' : 'No tiers: every quantity costs this price.';
  return (
    <Card className="overflow-hidden" role="region" aria-labelledby={headingId} data-testid="price-block">
      <div className="px-4 pt-4 pb-3 sm:px-5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h3>
          <p className="text-sm tabular-nums text-slate-900" data-testid="price-current">
            <span className="font-semibold">{formatMoney(baseCents, currency)}</span> <span className="text-slate-500">per {unit}</span>
          </p>
        </div>
        <p className="mt-0.5 text-xs text-slate-500">
          {list === null
            ? `What every company pays unless its price list says otherwise.${canEdit ? ' Change it in the product details.' : ''}`
            : list.cents === null
              ? `No price of its own in this list: companies on it pay the catalogue price.`
              : `Companies on this list pay this instead of the catalogue's ${formatMoney(catalogueCents, currency)}.`}
        </p>
        {list && canEdit ? <ListPriceForm productId={productId} listId={list.id} cents={list.cents} listName={list.name} /> : null}
      </div>
      <div className="border-t border-slate-100 px-4 py-3 sm:px-5">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Volume tiers</h4>
        {tierNote ? <p className="mt-1 text-sm text-slate-500">{tierNote}</p> : null}
        <TierList productId={productId} tiers={tiers} baseCents={baseCents} unit={unit} currency={currency} canEdit={canEdit} />
        {canEdit ? <AddTierForm productId={productId} priceListId={list?.id ?? null} baseLabel={list ? 'the list price' : 'the catalogue price'} /> : null}
      </div>
    </Card>
  );
}

function ListPriceForm({ productId, listId, cents, listName }: { productId: number; listId: number; cents: number | null; listName: string }) {
  const save = useFormAction(setListPriceAction);
  const clear = useFormAction(clearListPriceAction);
  const error =
    save.fieldErrors.unitPriceCents ?? save.formError ?? (save.result && !save.result.ok ? save.result.error : undefined) ?? clear.formError ?? (clear.result && !clear.result.ok ? clear.result.error : undefined);
  return (
    <div className="mt-3 flex flex-wrap items-start gap-2">
      <form onSubmit={save.onSubmit} noValidate className="flex min-w-0 items-start gap-2" aria-label={`Price in ${listName}`}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="priceListId" value={listId} />
        <Field
          // A new price from the server (set elsewhere, or cleared) replaces what the box shows.
          key={cents ?? 'none'}
          label="List price"
          name="unitPriceCents"
          inputMode="decimal"
          defaultValue={cents === null ? '' : centsToDecimal(cents)}
          placeholder="Catalogue price"
          error={error}
          className="w-40 min-w-0"
        />
        <Button type="submit" size="sm" disabled={save.pending} className="mt-6 shrink-0 py-2">
          {save.pending ? 'Saving…' : 'Set price'}
        </Button>
      </form>
      {cents !== null ? (
        <form onSubmit={clear.onSubmit} className="mt-6 shrink-0">
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="priceListId" value={listId} />
          <Button type="submit" size="sm" variant="ghost" disabled={clear.pending} className="py-2">
            {clear.pending ? 'Clearing…' : 'Clear'}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
