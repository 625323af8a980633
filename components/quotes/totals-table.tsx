import type { QuoteTotals } from '@/lib/quotes/totals';

/** Subtotal, discount, net, one row per tax rate and the total: the same rows on the builder, the quote page and the public page. */
export function TotalsTable({ totals, money, percent }: { totals: QuoteTotals; money: (cents: number) => string; percent: (bp: number) => string }) {
  const row = 'flex items-baseline justify-between gap-4 py-1';
  return (
    <dl className="text-sm text-slate-700">
      <div className={row}>
        <dt>Subtotal</dt>
        <dd className="tabular-nums" data-testid="quote-subtotal" data-cents={totals.subtotalCents}>
          {money(totals.subtotalCents)}
        </dd>
      </div>
      <div className={row}>
        <dt>Discount</dt>
        <dd className="tabular-nums" data-testid="quote-discount" data-cents={totals.discountCents}>
          {totals.discountCents ? `−${money(totals.discountCents)}` : money(0)}
        </dd>
      </div>
      <div className={`${row} border-t border-slate-100 pt-2 font-medium text-slate-900`}>
        <dt>Net total</dt>
        <dd className="tabular-nums" data-testid="quote-net" data-cents={totals.netCents}>
          {money(totals.netCents)}
        </dd>
      </div>
      {totals.taxes.map((t) => (
        <div key={t.rateBp} className={row}>
          <dt>
            Tax {percent(t.rateBp)}% <span className="text-xs text-slate-400">on {money(t.baseCents)}</span>
          </dt>
          <dd className="tabular-nums" data-testid="quote-tax" data-rate={percent(t.rateBp)} data-cents={t.taxCents}>
            {money(t.taxCents)}
          </dd>
        </div>
      ))}
      <div className={`${row} mt-1 border-t border-slate-200 pt-2 text-base font-semibold text-slate-900`}>
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="quote-total" data-cents={totals.totalCents}>
          {money(totals.totalCents)}
        </dd>
      </div>
    </dl>
  );
}
