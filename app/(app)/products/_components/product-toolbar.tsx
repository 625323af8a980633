'use client';

import { UrlSearchField, useUrlParams } from '@/components/list/url-filters';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';

/** Search as you type and the status filter, kept in the URL; any change goes back to page 1. */
export function ProductToolbar({ status }: { status: 'active' | 'inactive' | 'all' }) {
  const { apply } = useUrlParams();
  return (
    <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end" role="search" aria-label="Product filters">
      <UrlSearchField label="Search products" placeholder="Name or SKU…" />
      <label className="block">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">Status</span>
        <select className={cx(inputClass, 'pr-8 sm:w-40')} value={status} onChange={(e) => apply('status', e.target.value === 'active' ? null : e.target.value)}>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
          <option value="all">All</option>
        </select>
      </label>
    </div>
  );
}
