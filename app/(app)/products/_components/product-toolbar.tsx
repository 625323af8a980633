'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { productFiltersToParams, type ProductFilters } from '@/lib/products/list-filters';

/** Search as you type and the status filter, kept in the URL; any change goes back to page 1. */
export function ProductToolbar({ filters }: { filters: ProductFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q);
  // A link that changes the search (say "Show all products") must show in the box too; typing ahead
  // of the debounced URL must not be overwritten.
  const [urlQ, setUrlQ] = useState(filters.q);
  if (filters.q !== urlQ) {
    setUrlQ(filters.q);
    if (filters.q !== q.trim()) setQ(filters.q);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function apply(change: Partial<ProductFilters>) {
    const params = productFiltersToParams(filters, { ...change, page: 1 });
    router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
  }

  return (
    <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end" role="search" aria-label="Product filters">
      <label className="block min-w-0 flex-1 sm:max-w-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">Search products</span>
        <input
          type="search"
          className={inputClass}
          placeholder="Name or SKU…"
          value={q}
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => apply({ q: value.trim() }), 250);
          }}
        />
      </label>
      <label className="block">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">Status</span>
        <select className={cx(inputClass, 'pr-8 sm:w-40')} value={filters.status} onChange={(e) => apply({ status: e.target.value as ProductFilters['status'] })}>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
          <option value="all">All</option>
        </select>
      </label>
    </div>
  );
}
