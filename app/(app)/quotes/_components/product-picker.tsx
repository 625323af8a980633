'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import type { CatalogueOption } from '@/db/queries/price-lists';
import { formatMoney } from '@/lib/money';
import { resolveUnitPrice } from '@/lib/pricing/resolve';
import { searchCatalogueAction } from '../actions';

type Props = {
  value: string;
  companyId: () => number | null;
  currency: string;
  invalid?: boolean;
  labelClass: string;
  onText: (text: string) => void;
  onPick: (option: CatalogueOption) => void;
};

/**
 * The line's "Product" input: typing searches the catalogue by name or SKU (priced for the chosen
 * company's list); picking fills the line. Text that is never picked stays a free-text line.
 */
export function ProductPicker({ value, companyId, currency, invalid, labelClass, onText, onPick }: Props) {
  const id = useId();
  const [options, setOptions] = useState<CatalogueOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function search(text: string) {
    onText(text);
    if (timer.current) clearTimeout(timer.current);
    if (text.trim().length === 0) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(async () => {
      const request = ++latest.current;
      const result = await searchCatalogueAction({ q: text.slice(0, 100), companyId: companyId() });
      if (request !== latest.current) return; // an answer to an older keystroke
      setOptions(result.ok ? result.data : []);
      setActive(0);
      setOpen(true);
    }, 200);
  }

  function pick(option: CatalogueOption) {
    setOpen(false);
    onPick(option);
  }

  return (
    <div className="relative">
      <label htmlFor={id} className={labelClass}>
        Product
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder="Search name or SKU"
        className={cx(inputClass, 'py-1.5')}
        aria-invalid={invalid || undefined}
        value={value}
        onChange={(e) => search(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!open || options.length === 0) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="absolute z-20 mt-1 max-h-64 w-72 overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {options.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">No product matches. Keep typing for a free-text line.</li>
          ) : (
            options.map((o, i) => (
              <li
                key={o.id}
                role="option"
                aria-selected={i === active}
                className={cx('cursor-pointer px-3 py-2', i === active ? 'bg-brand-50' : 'hover:bg-slate-50')}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
              >
                <span className="block font-medium text-slate-900">{o.name}</span>
                <span className="block text-xs text-slate-500">
                  {o.sku} · {formatMoney(resolveUnitPrice(o.pricing, 1000).unitPriceCents, currency)} / {o.unit}
                  {o.pricing.catalogueTiers.length + o.pricing.listTiers.length > 0 ? ' · volume tiers' : ''}
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
