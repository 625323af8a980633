import { z } from 'zod';

/** Rows on one page of every list. */
export const PAGE_SIZE = 50;

export type SortDir = 'asc' | 'desc';
export type SearchParams = Record<string, string | string[] | undefined>;

/** What every list URL carries besides its filters: the sort column, its direction and the page. */
export type ListView<S extends string> = { sort: S; dir: SortDir; page: number };

/** A list's sort keys and the view it shows when the URL names none (left out of its links). */
export type ListDefaults<S extends string> = { sorts: readonly S[]; sort: S; dir: SortDir };

/** One page of a list query: its rows, the exact number of matches, and the page actually shown. */
export type ListPage<Row> = { rows: Row[]; total: number; page: number };

/** A repeated parameter (`?q=a&q=b`) counts once, by its first value. */
export function firstParam(params: SearchParams, key: string): string | undefined {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

// URL parameters are user input: anything unreadable falls back to the default instead of failing.
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export function parsePage(raw: string | undefined): number {
  return pageSchema.parse(raw ?? 1);
}

export function parseListView<S extends string>(params: SearchParams, defaults: ListDefaults<S>): ListView<S> {
  const sort = firstParam(params, 'sort');
  const dir = firstParam(params, 'dir');
  return {
    sort: defaults.sorts.find((key) => key === sort) ?? defaults.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : defaults.dir,
    page: parsePage(firstParam(params, 'page')),
  };
}

/** Adds the view to a list's filter parameters, leaving out what equals the default. */
export function setListView<S extends string>(params: URLSearchParams, view: ListView<S>, defaults: ListDefaults<S>): URLSearchParams {
  if (view.sort !== defaults.sort) params.set('sort', view.sort);
  if (view.dir !== defaults.dir) params.set('dir', view.dir);
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

/** The page a request lands on: one past the end (an old link after records went) shows the last page. */
export function clampPage(page: number, total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.min(page, Math.ceil(total / pageSize)));
}

export function hrefWithParams(path: string, params: URLSearchParams): string {
  return `${path}${params.size ? `?${params}` : ''}`;
}
