'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { RecordPicker } from '@/components/form/record-picker';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PaymentTermsFields } from '@/components/quotes/payment-terms-fields';
import { Field, TextAreaField } from '@/components/ui/field';
import type { PaymentTerms } from '@/db/schema';
import { reprice, serializeLines, withProduct, type DraftLine } from '@/lib/quotes/builder';
import { createQuoteAction, priceForCompanyAction, updateQuoteAction } from '../actions';
import { LineRow } from './line-row';
import { QuoteTotalsPanel } from './quote-totals';

export type BuilderValues = {
  quoteId: number | null;
  version: number | null;
  dealId: number | null;
  title: string;
  company: { id: number; label: string } | null;
  contact: { id: number; label: string } | null;
  validUntil: string;
  paymentTerms: PaymentTerms;
  paymentTermsText: string;
  notes: string;
  terms: string;
  lines: DraftLine[];
};

let counter = 0;
const newKey = () => `n${++counter}`;
/** A new line; `tax` is the workspace's default rate, as typed ("20", "7.5"). */
const emptyLine = (tax: string, kind: 'item' | 'section' = 'item'): DraftLine => ({
  key: newKey(),
  kind,
  productId: null,
  product: '',
  description: '',
  quantity: '1',
  unitPrice: '',
  discount: '0',
  tax,
  pricing: null,
  autoPrice: false,
});

export function QuoteBuilder({ initial, currency, defaultTax, priceListName }: { initial: BuilderValues; currency: string; defaultTax: string; priceListName: string | null }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [lines, setLines] = useState<DraftLine[]>(initial.lines.length ? initial.lines : [emptyLine(defaultTax)]);
  const [listName, setListName] = useState(priceListName);
  const action = initial.quoteId ? updateQuoteAction : createQuoteAction;
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(action, { onSuccess: (data) => router.push(`/quotes/${data.id}`) });

  const change = (key: string, update: (l: DraftLine) => DraftLine) => setLines((ls) => ls.map((l) => (l.key === key ? update(l) : l)));
  const move = (index: number, by: -1 | 1) =>
    setLines((ls) => {
      const next = ls.slice();
      const [line] = next.splice(index, 1);
      next.splice(index + by, 0, line);
      return next;
    });
  const companyId = () => {
    // The company picker keeps its choice in a hidden input; read it when a search starts.
    const input = formRef.current?.elements.namedItem('companyId') as HTMLInputElement | null | undefined;
    const value = Number(input?.value ?? 0);
    return value > 0 ? value : null;
  };
  const lineErrors = Object.keys(errors).some((k) => k.startsWith('lines.') || k === 'totals');

  // Another company may buy from another price list: catalogue lines whose price still follows the
  // list take the new company's price; prices typed by hand stay.
  async function companyChanged(company: { id: number } | null) {
    const productIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
    const result = await priceForCompanyAction({ companyId: company?.id ?? null, productIds });
    if (!result.ok) return;
    setListName(result.data.priceListName);
    setLines((ls) => ls.map((l) => (l.productId && result.data.pricing[l.productId] ? reprice({ ...l, pricing: result.data.pricing[l.productId] }) : l)));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      {initial.quoteId ? <input type="hidden" name="quoteId" value={initial.quoteId} /> : null}
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      {initial.dealId ? <input type="hidden" name="dealId" value={initial.dealId} /> : null}
      <input type="hidden" name="lines" value={serializeLines(lines)} />
      {formError ? <Alert>{formError}</Alert> : null}
      {lineErrors ? <Alert>Some lines need attention: see the messages beside them.</Alert> : null}

      <Card className="grid grid-cols-1 gap-4 p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-3">
        <Field label="Title" name="title" defaultValue={initial.title} error={errors.title} placeholder="What this offer is for" className="sm:col-span-2 lg:col-span-3" />
        <RecordPicker label="Company" name="companyId" kind="company" initial={initial.company} error={errors.companyId} onChange={companyChanged} />
        <RecordPicker label="Contact" name="contactId" kind="contact" initial={initial.contact} error={errors.contactId} />
        <Field label="Valid until" name="validUntil" type="date" defaultValue={initial.validUntil} error={errors.validUntil} required />
        <PaymentTermsFields
          names={{ terms: 'paymentTerms', text: 'paymentTermsText' }}
          initial={{ terms: initial.paymentTerms, text: initial.paymentTermsText }}
          errors={{ terms: errors.paymentTerms, text: errors.paymentTermsText }}
          textLabel="Custom payment terms"
          textClassName="sm:col-span-2"
        />
      </Card>

      <Card className="p-0">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <h2 className="text-base font-semibold text-slate-900">Lines</h2>
          <p className="text-xs text-slate-500">Prices from {listName ? `the ${listName} price list` : 'the catalogue'}, with volume tiers for the quantity. Type a price to set your own.</p>
        </div>
        <div className="hidden grid-cols-[2rem_minmax(0,1.4fr)_minmax(0,1.6fr)_5.5rem_7rem_5.5rem_5rem_7rem_5.5rem] gap-2 px-4 pt-3 text-xs font-medium text-slate-500 lg:grid">
          <span />
          <span>Product</span>
          <span>Description</span>
          <span className="text-right">Quantity</span>
          <span className="text-right">Unit price</span>
          <span className="text-right">Discount %</span>
          <span className="text-right">Tax %</span>
          <span className="text-right">Amount</span>
          <span />
        </div>
        <ol className="divide-y divide-slate-100">
          {lines.map((line, index) => (
            <LineRow
              key={line.key}
              line={line}
              index={index}
              count={lines.length}
              currency={currency}
              companyId={companyId}
              errors={errors}
              onChange={(update) => change(line.key, update)}
              onPick={(option) => change(line.key, (l) => withProduct(l, option))}
              onQuantity={(quantity) => change(line.key, (l) => reprice({ ...l, quantity }))}
              onMove={(by) => move(index, by)}
              onRemove={() => setLines((ls) => ls.filter((l) => l.key !== line.key))}
            />
          ))}
        </ol>
        {lines.length === 0 ? <p className="px-4 py-6 text-center text-sm text-slate-500">No lines yet. Add a line from the catalogue or as free text.</p> : null}
        <div className="flex flex-wrap gap-2 border-t border-slate-100 px-4 py-3">
          <Button type="button" variant="secondary" size="sm" onClick={() => setLines((ls) => [...ls, emptyLine(defaultTax)])}>
            Add line
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => setLines((ls) => [...ls, emptyLine(defaultTax, 'section')])}>
            Add section heading
          </Button>
        </div>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="grid gap-4 p-4 sm:p-5">
          <TextAreaField label="Notes" name="notes" rows={4} defaultValue={initial.notes} error={errors.notes} hint="Shown to the customer above the terms." />
          <TextAreaField label="Terms and conditions" name="terms" rows={4} defaultValue={initial.terms} error={errors.terms} />
        </Card>
        <QuoteTotalsPanel lines={lines} currency={currency} />
      </div>

      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save draft'}
        </Button>
      </div>
    </form>
  );
}
