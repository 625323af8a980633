import 'server-only';
import type { Db } from '@/db/client';
import type { DealExportRow } from '@/lib/deals/csv';
import type { DealFilters } from '@/lib/deals/filters';
import type { DealSort } from '@/lib/deals/list-sort';
import { dealFilterSql, dealJoins } from './deal-filters';
import type { SessionUser } from './users';

export const DEAL_LIST_PAGE = 50;

// Sort keys to SQL; a key whose value can be missing sorts those rows last in both directions.
const ORDER: Record<DealSort, { expr: string; nullable?: boolean }> = {
  title: { expr: 'd.title collate nocase' },
  value: { expr: 'd.value_cents' },
  stage: { expr: 'p.position, s.position' },
  close: { expr: 'd.expected_close_date', nullable: true },
  owner: { expr: 'u.name collate nocase', nullable: true },
  created: { expr: 'd.created_at' },
};

function orderBy(sort: DealSort, dir: 'asc' | 'desc'): string {
  const { expr, nullable } = ORDER[sort];
  const parts = expr.split(', ').map((part) => `${part} ${dir}`);
  return [...(nullable ? [`${expr} is null`] : []), ...parts, `d.id ${dir}`].join(', ');
}

// The list and the export always join companies and contacts (to show them), under the aliases
// the shared filter expects.
const FROM = `from deals d join stages s on s.id = d.stage_id join pipelines p on p.id = d.pipeline_id
  left join users u on u.id = d.owner_id left join companies c on c.id = d.company_id left join contacts ct on ct.id = d.contact_id`;

const SELECT = `select d.id, d.title, d.value_cents as valueCents, p.name as pipeline, s.name as stage,
  coalesce(d.probability_override_bp, s.probability_bp) as probabilityBp, d.status, d.expected_close_date as expectedCloseDate,
  u.name as owner, c.name as company, d.company_id as companyId, nullif(trim(ct.first_name || ' ' || ct.last_name), '') as contact, d.contact_id as contactId,
  d.source, d.created_at as createdAt, d.closed_at as closedAt, d.lost_reason as lostReason`;

export type DealListRow = DealExportRow & { companyId: number | null; contactId: number | null };
export type DealListSort = { sort: DealSort; dir: 'asc' | 'desc'; page: number };

/**
 * One page of the filtered deals, sorted in SQL, with the exact number of matches. A page past the
 * end (an old link after deals closed) gives the last page, and says which page that is.
 */
export function listDeals(db: Db, filters: DealFilters, actor: SessionUser, sort: DealListSort): { rows: DealListRow[]; total: number; page: number } {
  const { where, params } = dealFilterSql(db, filters, actor);
  // The count only joins what the filter needs, so it stays an index walk on the deals table.
  const total = (db.$client.prepare(`select count(*) as n from deals d ${dealJoins(filters)} where ${where}`).get(params) as { n: number }).n;
  const page = Math.max(1, Math.min(sort.page, Math.ceil(total / DEAL_LIST_PAGE)));
  const rows = db.$client
    .prepare(`${SELECT} ${FROM} where ${where} order by ${orderBy(sort.sort, sort.dir)} limit @limit offset @offset`)
    .all({ ...params, limit: DEAL_LIST_PAGE, offset: (page - 1) * DEAL_LIST_PAGE }) as DealListRow[];
  return { rows, total, page };
}

/** The filtered deals in id order, a batch at a time, for the CSV export. */
export function* iterateDeals(db: Db, filters: DealFilters, actor: SessionUser, batch = 1000): Generator<DealListRow[]> {
  const { where, params } = dealFilterSql(db, filters, actor);
  const stmt = db.$client.prepare(`${SELECT} ${FROM} where ${where} and d.id > @afterId order by d.id limit @batch`);
  let afterId = 0;
  for (;;) {
    const rows = stmt.all({ ...params, afterId, batch }) as DealListRow[];
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
  }
}
