'use client';

import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import type { CatalogueOption } from '@/db/queries/price-lists';
import { formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import { resolveUnitPrice } from '@/lib/pricing/resolve';
import type { DraftLine } from '@/lib/quotes/builder';
import { LINE_FIELD_MESSAGES, parseLineInput, type LineField } from '@/lib/quotes/line-input';
import { lineAmounts } from '@/lib/quotes/totals';
import { ProductPicker } from './product-picker';

type Props = {
  line: DraftLine;
  index: number;
  count: number;
  currency: string;
  companyId: () => number | null;
  errors: Record<string, string>;
  onChange: (update: (l: DraftLine) => DraftLine) => void;
  onPick: (option: CatalogueOption) => void;
  onQuantity: (quantity: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

// Labels are visible on narrow screens, where each line stacks; on wide screens the column headers
// show them and the labels stay for screen readers (and for tests, which find inputs by label).
const LABEL = 'mb-0.5 block text-xs font-medium text-slate-500 lg:sr-only';
const GRID = 'grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-[2rem_minmax(0,1.4fr)_minmax(0,1.6fr)_5.5rem_7rem_5.5rem_5rem_7rem_5.5rem] lg:items-start';

// Short versions of lib/quotes/line-input's rules, shown while typing; the server's fuller message
// replaces them after a save.
const MESSAGES: Record<LineField, string> = {
  quantity: 'Above 0, up to 3 decimals',
  unitPrice: 'An amount like 1,250.50',
  discount: '0 to 100',
  tax: '0 to 100',
  amount: LINE_FIELD_MESSAGES.amount,
};

export function LineRow({ line, index, count, currency, companyId, errors, onChange, onPick, onQuantity, onMove, onRemove }: Props) {
  const { line: priced, invalid } = parseLineInput(line);
  // Number fields are checked here with the server's own rule, so the server's message shows only while
  // the field is still wrong; other fields (text rules) keep the server's message until the next save.
  const error = (field: string) => {
    const server = errors[`lines.${index}.${field}`];
    if (!(field in MESSAGES)) return server;
    return line.kind === 'item' && invalid.includes(field as LineField) ? (server ?? MESSAGES[field as LineField]) : undefined;
  };
  const controls = (
    <div className="flex items-center justify-end gap-0.5 lg:pt-0.5">
      <IconButton label="Move line up" disabled={index === 0} onClick={() => onMove(-1)}>
        ↑
      </IconButton>
      <IconButton label="Move line down" disabled={index === count - 1} onClick={() => onMove(1)}>
        ↓
      </IconButton>
      <IconButton label="Remove line" onClick={onRemove}>
        ×
      </IconButton>
    </div>
  );

  if (line.kind === 'section') {
    return (
      <li data-testid="quote-section" className="flex items-end gap-2 bg-slate-50/70 px-4 py-3">
        <div className="min-w-0 flex-1">
          <TextInput label="Section heading" labelClass="mb-0.5 block text-xs font-medium text-slate-500" value={line.description} error={error('description')} className="font-semibold" onChange={(description) => onChange((l) => ({ ...l, description }))} />
        </div>
        {controls}
      </li>
    );
  }

  const amounts = lineAmounts(priced);
  const tier = line.autoPrice && line.pricing ? resolveUnitPrice(line.pricing, priced.quantityMilli).tier : null;
  return (
    <li data-testid="quote-line" className={cx(GRID, 'px-4 py-3')}>
      <span className="hidden pt-2 text-xs text-slate-400 tabular-nums lg:block">{index + 1}</span>
      <div className="col-span-2 sm:col-span-4 lg:col-span-1">
        <ProductPicker
          value={line.product}
          companyId={companyId}
          currency={currency}
          labelClass={LABEL}
          onText={(product) => onChange((l) => (l.productId ? { ...l, product, productId: null, pricing: null, autoPrice: false } : { ...l, product }))}
          onPick={onPick}
        />
      </div>
      <div className="col-span-2 sm:col-span-4 lg:col-span-1">
        <TextInput label="Description" value={line.description} error={error('description')} onChange={(description) => onChange((l) => ({ ...l, description }))} />
      </div>
      <TextInput label="Quantity" value={line.quantity} error={error('quantity')} numeric onChange={onQuantity} />
      <TextInput
        label="Unit price"
        value={line.unitPrice}
        error={error('unitPrice')}
        numeric
        hint={tier ? `Tier from ${formatScaled(tier.minQuantityMilli, 3)}` : undefined}
        onChange={(unitPrice) => onChange((l) => ({ ...l, unitPrice, autoPrice: false }))}
      />
      <TextInput label="Discount %" value={line.discount} error={error('discount')} numeric onChange={(discount) => onChange((l) => ({ ...l, discount }))} />
      <TextInput label="Tax %" value={line.tax} error={error('tax')} numeric onChange={(tax) => onChange((l) => ({ ...l, tax }))} />
      <div className="flex flex-wrap items-center justify-between gap-x-2 sm:col-span-2 lg:col-span-1 lg:block lg:pt-2 lg:text-right">
        <span className="text-xs text-slate-500 lg:hidden">Amount</span>
        <span className="text-sm font-medium text-slate-900 tabular-nums" data-testid="quote-line-net" data-cents={amounts.netCents}>
          {formatMoney(amounts.netCents, currency)}
        </span>
        {amounts.discountCents !== 0 ? <span className="block text-xs text-slate-400 line-through tabular-nums">{formatMoney(amounts.grossCents, currency)}</span> : null}
        {error('amount') ? (
          <span role="alert" data-testid="quote-line-amount-error" className="mt-0.5 block w-full text-left text-xs text-red-600 lg:text-right">
            {error('amount')}
          </span>
        ) : null}
      </div>
      <div className="sm:col-span-2 lg:col-span-1">{controls}</div>
    </li>
  );
}

function TextInput({ label, value, error, hint, numeric, className, labelClass = LABEL, onChange }: { label: string; value: string; error?: string; hint?: string; numeric?: boolean; className?: string; labelClass?: string; onChange: (v: string) => void }) {
  return (
    <label className="block min-w-0">
      <span className={labelClass}>{label}</span>
      <input
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        className={cx(inputClass, 'py-1.5', numeric && 'text-right tabular-nums', className)}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <span className="mt-0.5 block text-xs text-red-600">{error}</span> : hint ? <span className="mt-0.5 block text-xs text-emerald-700">{hint}</span> : null}
    </label>
  );
}

function IconButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-30"
    >
      {children}
    </button>
  );
}
