'use client';

import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { OwnerFilter, UrlSearchField, useUrlParams } from './url-filters';

type Props = {
  searchLabel: string;
  placeholder: string;
  users: { id: number; name: string }[];
  tags: string[];
};

/** Search-as-you-type and filters of the contact and company lists, kept in the URL. */
export function ListToolbar({ searchLabel, placeholder, users, tags }: Props) {
  const { params, apply } = useUrlParams();
  return (
    <div className="mb-4 flex flex-col gap-2 md:flex-row md:items-end" role="search" aria-label={`${searchLabel} filters`}>
      <UrlSearchField label={searchLabel} placeholder={placeholder} />
      <div className="grid grid-cols-2 gap-2 sm:flex sm:items-end">
        <OwnerFilter users={users} />
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Tag</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('tag') ?? ''} onChange={(e) => apply('tag', e.target.value || null)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-2 flex items-center gap-2 rounded-lg px-1 py-2 text-sm text-slate-700 sm:col-span-1">
          <input type="checkbox" className="size-4 rounded border-slate-300" checked={params.get('open') === '1'} onChange={(e) => apply('open', e.target.checked ? '1' : null)} />
          Has open deals
        </label>
      </div>
    </div>
  );
}
