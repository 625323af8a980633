import 'server-only';
import type { Db } from '@/db/client';
import type { DealFilters } from '@/lib/deals/filters';
import { WEIGHTED_SQL } from '@/lib/deals/probability';
import { dealFilterSql, dealJoins } from './deal-filters';
import type { SessionUser } from './users';
import { andScope, dealScope, type Viewer } from './visibility';

export const CARDS_PER_PAGE = 50;

export type ColumnSummary = { stageId: number; count: number; sumCents: number; weightedCents: number };

export type BoardCard = {
  id: number;
  title: string;
  valueCents: number;
  stageId: number;
  position: string;
  version: number;
  expectedCloseDate: string | null;
  probabilityBp: number;
  overrideBp: number | null;
  ownerId: number | null;
  ownerName: string | null;
  companyName: string | null;
  contactName: string | null;
  stageChangedAt: number;
  lastActivityAt: number | null;
  nextTaskDue: string | null;
  nextTaskSubject: string | null;
};

/**
 * Count, value and weighted value of every column of a pipeline under the filters, in one GROUP BY
 * over the whole column (not the loaded cards).
 */
export function getColumnSummaries(db: Db, pipelineId: number, filters: DealFilters, actor: SessionUser): ColumnSummary[] {
  const { where, params } = dealFilterSql(db, { ...filters, pipelineId, status: 'open' }, actor);
  return db.$client
    .prepare(
      `select d.stage_id as stageId, count(*) as count, coalesce(sum(d.value_cents), 0) as sumCents,
              coalesce(sum(${WEIGHTED_SQL}), 0) as weightedCents
       from deals d join stages s on s.id = d.stage_id ${dealJoins(filters)}
       where ${where}
       group by d.stage_id`,
    )
    .all(params) as ColumnSummary[];
}

const CARD_SELECT = `select d.id, d.title, d.value_cents as valueCents, d.stage_id as stageId, d.position, d.version,
              d.expected_close_date as expectedCloseDate,
              coalesce(d.probability_override_bp, s.probability_bp) as probabilityBp, d.probability_override_bp as overrideBp,
              d.owner_id as ownerId, u.name as ownerName, co.name as companyName,
              case when p.id is null then null else trim(p.first_name || ' ' || p.last_name) end as contactName,
              d.stage_changed_at as stageChangedAt, d.last_activity_at as lastActivityAt,
              t.due_date as nextTaskDue, t.subject as nextTaskSubject
       from deals d
       join stages s on s.id = d.stage_id
       left join users u on u.id = d.owner_id
       left join companies co on co.id = d.company_id
       left join contacts p on p.id = d.contact_id
       left join activities t on t.id = (
         select a.id from activities a
         where a.deal_id = d.id and a.type = 'task' and a.done_at is null
         order by a.due_date is null, a.due_date, a.id limit 1)`;

/** One page of a column's cards in board order, after a (position, id) cursor. */
export function listColumnCards(
  db: Db,
  stageId: number,
  filters: DealFilters,
  actor: SessionUser,
  after: { position: string; id: number } | null = null,
  limit = CARDS_PER_PAGE,
): { cards: BoardCard[]; hasMore: boolean } {
  const { where, params } = dealFilterSql(db, { ...filters, status: 'open' }, actor);
  const cursor = after ? 'and (d.position > @afterPosition or (d.position = @afterPosition and d.id > @afterId))' : '';
  const rows = db.$client
    .prepare(
      `${CARD_SELECT}
       ${dealJoins(filters)}
       where d.stage_id = @stageId and ${where} ${cursor}
       order by d.position, d.id
       limit @limit`,
    )
    .all({ ...params, stageId, afterPosition: after?.position, afterId: after?.id, limit: limit + 1 }) as BoardCard[];
  return { cards: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** One card as the board shows it, e.g. right after it was added; null when the viewer may not see it. */
export function getBoardCard(db: Db, dealId: number, viewer: Viewer): BoardCard | null {
  return (db.$client.prepare(`${CARD_SELECT} where d.id = @dealId ${andScope(dealScope(db, viewer, 'd'))}`).get({ dealId }) as BoardCard | undefined) ?? null;
}
