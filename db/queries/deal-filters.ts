import 'server-only';
import type { Db } from '@/db/client';
import type { SessionUser } from './users';
import { dealScope } from './visibility';
import { likePattern, type DealFilters } from '@/lib/deals/filters';

/**
 * The WHERE clause for deal filters, shared by the board, the list and the CSV export so that all
 * three always agree. Expects the aliases d (deals), c (companies) and ct (contacts) — see DEAL_JOINS.
 * The deals the actor may not see (db/queries/visibility.ts) are left out here, for all three.
 */
export function dealFilterSql(db: Db, filters: DealFilters, actor: SessionUser): { where: string; params: Record<string, unknown> } {
  const clauses = ['d.status = @status'];
  const scope = dealScope(db, actor, 'd');
  if (scope) clauses.push(scope);
  const params: Record<string, unknown> = { status: filters.status };
  if (typeof filters.pipelineId === 'number') {
    clauses.push('d.pipeline_id = @pipelineId');
    params.pipelineId = filters.pipelineId;
  }
  if (filters.owner !== 'all') {
    clauses.push('d.owner_id = @ownerId');
    params.ownerId = filters.owner === 'me' ? actor.id : filters.owner;
  }
  if (filters.q) {
    clauses.push(
      `(d.title like @q escape '\\' or c.name like @q escape '\\' or (ct.first_name || ' ' || ct.last_name) like @q escape '\\' or ct.email like @q escape '\\')`,
    );
    params.q = likePattern(filters.q);
  }
  if (filters.closeFrom) {
    clauses.push('d.expected_close_date >= @closeFrom');
    params.closeFrom = filters.closeFrom;
  }
  if (filters.closeTo) {
    clauses.push('d.expected_close_date <= @closeTo');
    params.closeTo = filters.closeTo;
  }
  return { where: clauses.join(' and '), params };
}

/** Joins the filters may need; companies and contacts only matter for the text search. */
export function dealJoins(filters: DealFilters): string {
  return filters.q ? 'left join companies c on c.id = d.company_id left join contacts ct on ct.id = d.contact_id' : '';
}
