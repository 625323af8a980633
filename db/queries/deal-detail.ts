import 'server-only';
import type { Db } from '@/db/client';
import type { DealTimelineType } from '@/lib/activities/deal-timeline';
import { quoteEventsSql } from './quote-timeline-sql';
import { taskReassignmentsSql } from './task-reassignment-sql';
import { describeDealEvent } from '@/lib/timeline/describe-event';
import { andScope, canSee, dealScope, type Viewer } from './visibility';

export type DealDetail = {
  id: number;
  title: string;
  valueCents: number;
  status: 'open' | 'won' | 'lost';
  lostReason: string | null;
  expectedCloseDate: string | null;
  probabilityOverrideBp: number | null;
  stageProbabilityBp: number;
  stageId: number;
  stageName: string;
  pipelineId: number;
  pipelineName: string;
  ownerId: number | null;
  ownerName: string | null;
  companyId: number | null;
  companyName: string | null;
  contactId: number | null;
  contactName: string | null;
  source: string | null;
  version: number;
  createdAt: number;
  closedAt: number | null;
  stageChangedAt: number;
  lastActivityAt: number | null;
  rotDays: number;
};

/** The deal, or null when it does not exist or the viewer may not see it. */
export function getDealDetail(db: Db, id: number, viewer?: Viewer): DealDetail | null {
  return (
    (db.$client
      .prepare(
        `select d.id, d.title, d.value_cents as valueCents, d.status, d.lost_reason as lostReason, d.expected_close_date as expectedCloseDate,
                d.probability_override_bp as probabilityOverrideBp, s.probability_bp as stageProbabilityBp, d.stage_id as stageId, s.name as stageName,
                d.pipeline_id as pipelineId, p.name as pipelineName, d.owner_id as ownerId, u.name as ownerName,
                d.company_id as companyId, co.name as companyName, d.contact_id as contactId, trim(c.first_name || ' ' || c.last_name) as contactName,
                d.source, d.version, d.created_at as createdAt, d.closed_at as closedAt, d.stage_changed_at as stageChangedAt,
                d.last_activity_at as lastActivityAt, s.rot_days as rotDays
         from deals d join stages s on s.id = d.stage_id join pipelines p on p.id = d.pipeline_id
         left join users u on u.id = d.owner_id left join companies co on co.id = d.company_id left join contacts c on c.id = d.contact_id
         where d.id = ? ${andScope(dealScope(db, viewer, 'd'))}`,
      )
      .get(id) as DealDetail | undefined) ?? null
  );
}

export type DealTimelineEntry = {
  key: string;
  type: DealTimelineType;
  at: number;
  title: string;
  body: string | null;
  outcome: string | null;
  dueDate: string | null;
  done: boolean;
  /** Set for activities (calls … tasks): what the edit, delete and complete buttons act on. */
  activityId: number | null;
  ownerId: number | null;
  userName: string | null;
};

type Row = Omit<DealTimelineEntry, 'done'> & { done: number; kind: string | null; fromValue: string | null; toValue: string | null; fromName: string | null; toName: string | null };

const NO_EVENT = 'null, null, null, null, null';

// One newest-first list from six sources: the deal's activities, its stage moves (the first
// history row is its creation, shown by the 'created' event instead), its recorded changes
// (deal_events), its quotes' events, its tasks' reassignments, and — for deals loaded without events, such as the demo data — its creation and
// closing read from the deal row itself.
const TIMELINE_SQL = `
  select * from (
    select 'activity-' || a.id as key, a.type as type, coalesce(a.done_at, a.created_at) as at, a.subject as title, a.body,
           a.outcome, a.due_date as dueDate, a.done_at is not null as done, a.id as activityId, a.owner_id as ownerId, u.name as userName,
           null as kind, null as fromValue, null as toValue, null as fromName, null as toName
    from activities a left join users u on u.id = a.owner_id
    where a.deal_id = @id
    union all
    select 'stage-' || h.id, 'stage', h.at, 'Moved from ' || coalesce(fs.name, h.from_stage_name, 'a deleted stage') || ' to ' || coalesce(ts.name, h.to_stage_name, 'a deleted stage'),
           null, null, null, 1, null, h.user_id, u.name, ${NO_EVENT}
    from deal_stage_history h
    left join stages fs on fs.id = h.from_stage_id left join stages ts on ts.id = h.to_stage_id left join users u on u.id = h.user_id
    where h.deal_id = @id and h.id > (select min(id) from deal_stage_history where deal_id = @id)
    union all
    select 'event-' || e.id, e.kind, e.at, '', null, null, null, 1, null, e.user_id, u.name, e.kind, e.from_value, e.to_value, fu.name, tu.name
    from deal_events e left join users u on u.id = e.user_id
    left join users fu on e.kind = 'owner' and fu.id = e.from_value left join users tu on e.kind = 'owner' and tu.id = e.to_value
    where e.deal_id = @id
    union all
    select 'created-' || d.id, 'created', d.created_at, 'Deal created', null, null, null, 1, null, fh.user_id, u.name, ${NO_EVENT}
    from deals d
    left join deal_stage_history fh on fh.id = (select min(id) from deal_stage_history where deal_id = d.id) left join users u on u.id = fh.user_id
    where d.id = @id and not exists (select 1 from deal_events where deal_id = @id and kind = 'created')
    union all
    select 'closed-' || d.id, d.status, d.closed_at, case d.status when 'won' then 'Marked won' else 'Marked lost' || coalesce(': ' || d.lost_reason, '') end,
           null, null, null, 1, null, d.owner_id, u.name, ${NO_EVENT}
    from deals d left join users u on u.id = d.owner_id
    where d.id = @id and d.status in ('won', 'lost') and d.closed_at is not null
      and not exists (select 1 from deal_events where deal_id = @id and kind = d.status)
    union all
    select x.key, x.type, x.at, x.title, x.body, null, null, 1, null, x.userId, x.userName, ${NO_EVENT}
    from (${quoteEventsSql('q.deal_id = @id')}) x
    union all
    select x.key, x.type, x.at, x.title, null, null, null, 1, null, x.userId, x.userName, ${NO_EVENT}
    from (${taskReassignmentsSql('a.deal_id = @id')}) x
  )
  order by at desc, key desc
  limit @limit`;

/**
 * A deal's whole story, newest first, the first `limit` entries; `more` says whether older ones exist.
 * Everything on a deal the viewer may see is theirs to see (its activities and quotes belong to it);
 * a deal they may not see has no story for them.
 */
export function listDealTimeline(db: Db, dealId: number, options: { limit: number; currency: string; viewer?: Viewer }): { entries: DealTimelineEntry[]; more: boolean } {
  if (options.viewer && !canSee(db, options.viewer, 'deal', dealId)) return { entries: [], more: false };
  const rows = db.$client.prepare(TIMELINE_SQL).all({ id: dealId, limit: options.limit + 1 }) as Row[];
  const entries = rows.slice(0, options.limit).map(({ kind, fromValue, toValue, fromName, toName, ...r }) => ({
    ...r,
    title: kind ? describeDealEvent({ kind, fromValue, toValue, fromName, toName }, options.currency).title : r.title,
    done: Boolean(r.done),
  }));
  return { entries, more: rows.length > options.limit };
}
