import 'server-only';
import type { Db } from '@/db/client';
import type { DealExportRow } from '@/lib/deals/csv';
import type { DealFilters } from '@/lib/deals/filters';
import type { DealSort } from '@/lib/deals/list-sort';
import { dealFilterSql } from './deal-filters';
import type { SessionUser } from './users';

export const DEAL_LIST_PAGE = 50;

const ORDER: Record<DealSort, string> = {
  title: 'd.title collate nocase',
  value: 'd.value_cents',
  stage: 's.position',
  close: 'd.expected_close_date is null, d.expected_close_date',
  owner: 'u.name collate nocase',
  created: 'd.created_at',
};

// The list and the export always join companies and contacts (to show them), under the aliases
// the shared filter expects.
const FROM = `from deals d join stages s on s.id = d.stage_id join pipelines p on p.id = d.pipeline_id
  left join users u on u.id = d.owner_id left join companies c on c.id = d.company_id left join contacts ct on ct.id = d.contact_id`;

const SELECT = `select d.id, d.title, d.value_cents as valueCents, p.name as pipeline, s.name as stage,
  coalesce(d.probability_override_bp, s.probability_bp) as probabilityBp, d.status, d.expected_close_date as expectedCloseDate,
  u.name as owner, c.name as company, d.company_id as companyId, trim(ct.first_name || ' ' || ct.last_name) as contact, d.contact_id as contactId,
  d.source, d.created_at as createdAt, d.closed_at as closedAt, d.lost_reason as lostReason`;

export type DealListRow = DealExportRow & { companyId: number | null; contactId: number | null };

export function listDeals(db: Db, filters: DealFilters, actor: SessionUser, sort: { sort: DealSort; dir: 'asc' | 'desc'; page: number }): { rows: DealListRow[]; total: number } {
  const { where, params } = dealFilterSql(filters, actor);
  const total = (db.$client.prepare(`select count(*) as n ${FROM} where ${where}`).get(params) as { n: number }).n;
  const order = ORDER[sort.sort].split(', ').map((part) => `${part} ${sort.dir}`).join(', ');
  const rows = db.$client
    .prepare(`${SELECT} ${FROM} where ${where} order by ${order}, d.id ${sort.dir} limit @limit offset @offset`)
    .all({ ...params, limit: DEAL_LIST_PAGE, offset: (sort.page - 1) * DEAL_LIST_PAGE }) as DealListRow[];
  return { rows, total };
}

/** The filtered deals in id order, a batch at a time, for the CSV export. */
export function* iterateDeals(db: Db, filters: DealFilters, actor: SessionUser, batch = 1000) {
  const { where, params } = dealFilterSql(filters, actor);
  const stmt = db.$client.prepare(`${SELECT} ${FROM} where ${where} and d.id > @afterId order by d.id limit @batch`);
  let afterId = 0;
  for (;;) {
    const rows = stmt.all({ ...params, afterId, batch }) as DealListRow[];
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
  }
}
