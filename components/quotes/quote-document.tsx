import { TotalsTable } from '@/components/quotes/totals-table';
import type { QuoteHeader, QuoteLineRow } from '@/db/queries/quotes';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import { paymentTermsText } from '@/lib/quotes/status';
import { quoteTotals } from '@/lib/quotes/totals';
import { logoUrl } from '@/lib/workspace/logo';

/**
 * The quote as the customer reads it — on the quote page, the public link and the printed page (the
 * PDF draws the same content with @react-pdf). Totals come from the stored lines through lib.
 */
/** The company the quote is from, as the workspace settings say; the logo is the logo route's URL. */
export type QuoteCompany = { name: string; address: string; taxId: string; logoSrc: string | null };

export function quoteCompany(ws: { name: string; address: string; taxId: string; logoUpdatedAt: number | null }): QuoteCompany {
  return { name: ws.name, address: ws.address, taxId: ws.taxId, logoSrc: logoUrl(ws.logoUpdatedAt) };
}

export function QuoteDocument({ quote, lines, company }: { quote: QuoteHeader; lines: QuoteLineRow[]; company: QuoteCompany }) {
  const money = (c: number) => formatMoney(c, quote.currency);
  const totals = quoteTotals(lines);
  const anyDiscount = lines.some((l) => l.discountBp > 0);
  return (
    <article className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-8 print:p-0 print:shadow-none print:ring-0">
      <header className="flex flex-col gap-4 border-b border-slate-100 pb-5 sm:flex-row sm:justify-between">
        <div className="min-w-0" data-testid="quote-company">
          {company.logoSrc ? (
            // An <img>, never inlined: an uploaded SVG drawn as an image runs no script.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={company.logoSrc} alt={`${company.name} logo`} className="mb-2 h-12 w-auto max-w-48 object-contain" />
          ) : null}
          <p className={company.logoSrc ? 'font-semibold text-slate-900' : 'text-lg font-semibold text-brand-700'}>{company.name}</p>
          {company.address ? <p className="whitespace-pre-line text-sm text-slate-600">{company.address}</p> : null}
          {company.taxId ? <p className="text-sm text-slate-600">Tax ID {company.taxId}</p> : null}
          {quote.ownerName ? (
            <p className="mt-1 text-sm text-slate-500">
              {quote.ownerName}
              {quote.ownerEmail ? ` · ${quote.ownerEmail}` : ''}
            </p>
          ) : null}
        </div>
        <dl className="grid h-fit grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm sm:text-right">
          <dt className="text-slate-500">Quote</dt>
          <dd className="font-medium text-slate-900">{quote.revision > 1 ? `${quote.number}-v${quote.revision}` : quote.number}</dd>
          <dt className="text-slate-500">Valid until</dt>
          <dd className="text-slate-900">{formatDate(quote.validUntil)}</dd>
          <dt className="text-slate-500">Payment</dt>
          <dd className="text-slate-900">{paymentTermsText(quote.paymentTerms, quote.paymentTermsText)}</dd>
        </dl>
      </header>
      <section className="grid gap-1 py-5 text-sm">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Prepared for</p>
        <p className="font-medium text-slate-900">{quote.companyName ?? quote.contactName ?? 'Customer'}</p>
        {quote.companyName && quote.contactName ? <p className="text-slate-600">Attn. {quote.contactName}</p> : null}
        {quote.companyAddress ? <p className="whitespace-pre-line text-slate-600">{quote.companyAddress}</p> : null}
        {quote.title ? <p className="mt-3 text-base font-semibold text-slate-900">{quote.title}</p> : null}
      </section>

      <ul className="divide-y divide-slate-100 border-y border-slate-200 text-sm sm:hidden print:hidden" aria-label="Quote lines">
        {lines.map((l) =>
          l.kind === 'section' ? (
            <li key={l.id} className="pt-4 pb-1 font-semibold text-slate-900">
              {l.description}
            </li>
          ) : (
            <li key={l.id} className="flex justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="text-slate-900">{l.description || l.productName}</p>
                <p className="text-xs text-slate-500 tabular-nums">
                  {formatScaled(l.quantityMilli, 3)} × {money(l.unitPriceCents)}
                  {l.discountBp ? ` · ${formatScaled(l.discountBp, 2)}% off` : ''} · tax {formatScaled(l.taxRateBp, 2)}%
                </p>
              </div>
              <p className="shrink-0 font-medium tabular-nums">{money(l.netCents)}</p>
            </li>
          ),
        )}
      </ul>
      <div className="hidden sm:block print:block">
        <table className="w-full text-sm" aria-label="Quote lines">
          <thead className="border-y border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">Description</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Qty</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Unit price</th>
              {anyDiscount ? <th scope="col" className="px-3 py-2 text-right font-medium">Discount</th> : null}
              <th scope="col" className="px-3 py-2 text-right font-medium">Tax</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l) =>
              l.kind === 'section' ? (
                <tr key={l.id}>
                  <th scope="rowgroup" colSpan={anyDiscount ? 6 : 5} className="px-3 pt-4 pb-1 text-left text-sm font-semibold text-slate-900">
                    {l.description}
                  </th>
                </tr>
              ) : (
                <tr key={l.id} data-testid="quote-doc-line">
                  <td className="px-3 py-2 text-slate-900">
                    {l.description || l.productName}
                    {l.productSku ? <span className="block text-xs text-slate-400">{l.productSku}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatScaled(l.quantityMilli, 3)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(l.unitPriceCents)}</td>
                  {anyDiscount ? <td className="px-3 py-2 text-right tabular-nums">{l.discountBp ? `${formatScaled(l.discountBp, 2)}%` : '—'}</td> : null}
                  <td className="px-3 py-2 text-right tabular-nums">{formatScaled(l.taxRateBp, 2)}%</td>
                  <td className="px-3 py-2 text-right font-medium tabular-nums">{money(l.netCents)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <div className="mt-5 flex justify-end">
        <div className="w-full sm:w-80">
          <TotalsTable totals={totals} money={money} percent={(bp) => formatScaled(bp, 2)} />
        </div>
      </div>

      {quote.notes || quote.terms ? (
        <section className="mt-6 grid gap-4 border-t border-slate-100 pt-5 text-sm text-slate-700 sm:grid-cols-2">
          {quote.notes ? (
            <div>
              <h3 className="mb-1 font-semibold text-slate-900">Notes</h3>
              <p className="whitespace-pre-line">{quote.notes}</p>
            </div>
          ) : null}
          {quote.terms ? (
            <div>
              <h3 className="mb-1 font-semibold text-slate-900">Terms and conditions</h3>
              <p className="whitespace-pre-line">{quote.terms}</p>
            </div>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
