import { parseListView, type ListDefaults, type ListView, type SearchParams } from '@/lib/list/params';

const DEAL_SORTS = ['title', 'value', 'stage', 'close', 'owner', 'created'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];
export type DealListView = ListView<DealSort>;

/** Soonest close first, as a rep plans the month. */
export const DEAL_LIST: ListDefaults<DealSort> = { sorts: DEAL_SORTS, sort: 'close', dir: 'asc' };

/** Sort, direction and page of the deal list, from the URL (bad values fall back to the defaults). */
export function parseDealListParams(params: SearchParams): DealListView {
  return parseListView(params, DEAL_LIST);
}
