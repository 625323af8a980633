import 'server-only';
import type { Db } from '@/db/client';
import { quoteEventsSql } from './quote-timeline-sql';
import { taskReassignmentsSql } from './task-reassignment-sql';
import { describeMoved } from '@/lib/customers/merge';
import { describeConversion, describeSubmission, parseConversionDetail } from '@/lib/leads/convert';
import type { TimelineCursor, TimelineType } from '@/lib/timeline/types';
import * as visibility from './visibility';

export type TimelineEntry = {
  key: string;
  type: TimelineType;
  at: number;
  title: string;
  body: string | null;
  outcome: string | null;
  dueDate: string | null;
  done: boolean;
  activityId: number | null;
  ownerId: number | null;
  userName: string | null;
  dealId: number | null;
  dealTitle: string | null;
  contactId: number | null;
  contactName: string | null;
  /** A lead's entry (type 'lead'): the lead it came from, linked back to. */
  leadId: number | null;
  leadName: string | null;
};

export type TimelineScope = { contactId: number } | { companyId: number };

/**
 * Everything that happened with a contact or a company — activities, deal stage changes, deals
 * created, won and lost, quotes sent and answered, tasks reassigned, records merged into it, the form
 * submissions and conversion of the leads it was converted from — newest first, one page at a time. A company's timeline rolls up its own
 * activities and those of its contacts and deals (but only company merges: a contact's merge is on the contact's).
 */
export function listTimeline(
  db: Db,
  scope: TimelineScope,
  options: { types?: TimelineType[]; before?: TimelineCursor | null; limit?: number; viewer?: visibility.Viewer } = {},
): { entries: TimelineEntry[]; next: TimelineCursor | null } {
  // Only what the viewer may see: their activities, deals and quotes (db/queries/visibility.ts).
  const seeActivity = visibility.andScope(visibility.activityScope(db, options.viewer, 'a'));
  const seeDeal = visibility.andScope(visibility.dealScope(db, options.viewer, 'd'));
  const seeQuote = visibility.andScope(visibility.quoteScope(db, options.viewer, 'q'));
  const seeLead = visibility.andScope(visibility.leadScope(db, options.viewer, 'l'));
  const limit = options.limit ?? 30;
  const isContact = 'contactId' in scope;
  const id = isContact ? scope.contactId : scope.companyId;
  const activityScope = isContact
    ? 'a.contact_id = @id'
    : 'a.id in (select id from activities where company_id = @id union select id from activities where contact_id in (select id from contacts where company_id = @id) union select id from activities where deal_id in (select id from deals where company_id = @id))';
  const dealScope = isContact ? 'd.contact_id = @id' : 'd.company_id = @id';
  const types = options.types?.length ? options.types : null;
  const sql = `
    select * from (
      select 'activity-' || a.id as key, a.type as type, coalesce(a.done_at, a.created_at) as at, a.subject as title, a.body,
             a.outcome, a.due_date as dueDate, a.done_at is not null as done, a.id as activityId, a.owner_id as ownerId, u.name as userName,
             a.deal_id as dealId, d.title as dealTitle, a.contact_id as contactId, trim(p.first_name || ' ' || p.last_name) as contactName,
             null as leadId, null as leadName
      from activities a
      left join users u on u.id = a.owner_id
      left join deals d on d.id = a.deal_id ${seeDeal}
      left join contacts p on p.id = a.contact_id ${visibility.andScope(visibility.contactScope(db, options.viewer, 'p'))}
      where ${activityScope} ${seeActivity}
      union all
      select 'stage-' || h.id, 'stage', h.at, 'Moved from ' || coalesce(fs.name, h.from_stage_name, 'a deleted stage') || ' to ' || coalesce(ts.name, h.to_stage_name, 'a deleted stage'), null,
             null, null, 1, null, h.user_id, u.name, d.id, d.title, d.contact_id, null, null, null
      from deal_stage_history h
      join deals d on d.id = h.deal_id
      left join stages fs on fs.id = h.from_stage_id
      left join stages ts on ts.id = h.to_stage_id
      left join users u on u.id = h.user_id
      where ${dealScope} ${seeDeal} and exists (select 1 from deal_stage_history h0 where h0.deal_id = h.deal_id and h0.id < h.id)
      union all
      select 'deal-' || d.id, 'deal', d.created_at, 'Deal created', null, null, null, 1, null, d.owner_id, u.name, d.id, d.title, d.contact_id, null, null, null
      from deals d left join users u on u.id = d.owner_id
      where ${dealScope} ${seeDeal}
      union all
      select 'closed-' || d.id, d.status, d.closed_at, case d.status when 'won' then 'Deal won' else 'Deal lost' end,
             d.lost_reason, null, null, 1, null, d.owner_id, u.name, d.id, d.title, d.contact_id, null, null, null
      from deals d left join users u on u.id = d.owner_id
      where ${dealScope} ${seeDeal} and d.status in ('won', 'lost') and d.closed_at is not null
      union all
      select x.key, x.type, x.at, x.title, x.body, null, null, 1, null, x.userId, x.userName, x.dealId, d.title, x.contactId, null, null, null
      from (${quoteEventsSql(`${isContact ? 'q.contact_id = @id' : 'q.company_id = @id'} ${seeQuote}`)}) x left join deals d on d.id = x.dealId
      union all
      select x.key, x.type, x.at, x.title, null, null, null, 1, null, x.userId, x.userName, x.dealId, d.title, x.contactId, null, null, null
      from (${taskReassignmentsSql(`${activityScope} ${seeActivity}`)}) x left join deals d on d.id = x.dealId
      union all
      -- A record merged into this one (record_merges_kept_idx); the body is what moved, as JSON (json_extract: SQLite's), described below.
      select 'merge-' || m.id, 'merge', m.merged_at, 'Merged with ' || m.old_name || ' (#' || m.old_id || ')', json_extract(m.snapshot, '$._moved'),
             null, null, 1, null, m.merged_by, u.name, null, null, null, null, null, null
      from record_merges m left join users u on u.id = m.merged_by
      where m.kind = '${isContact ? 'contact' : 'company'}' and m.kept_id = @id
      union all
      -- The lead it came from (leads_contact_idx, leads_company_idx): its form submissions, not spam
      -- (form_submissions_lead_idx), and its conversion; the body is the submission's fields or what
      -- the conversion created and linked, as JSON, described below.
      select 'leadform-' || f.id, 'lead', f.created_at, 'Form submission' || coalesce(': ' || w.name, ''), f.data,
             null, null, 1, null, null, null, null, null, l.contact_id, null, l.id, ${LEAD_NAME}
      from leads l join form_submissions f on f.lead_id = l.id left join web_forms w on w.id = f.form_id
      where l.${isContact ? 'contact_id' : 'company_id'} = @id ${seeLead} and f.spam = 0
      union all
      select 'leadconv-' || e.id, 'lead', e.at, 'Converted from lead', e.detail,
             null, null, 1, null, e.user_id, u.name, d.id, d.title, l.contact_id, null, l.id, ${LEAD_NAME}
      from leads l join lead_events e on e.lead_id = l.id and e.kind = 'converted' left join users u on u.id = e.user_id
      left join deals d on d.id = l.deal_id ${seeDeal}
      where l.${isContact ? 'contact_id' : 'company_id'} = @id ${seeLead}
    )
    where (@types is null or type in (select value from json_each(@types)))
      and (@beforeAt is null or at < @beforeAt or (at = @beforeAt and key < @beforeKey))
    order by at desc, key desc
    limit @limit`;
  const rows = db.$client.prepare(sql).all({
    id,
    types: types ? JSON.stringify(types) : null,
    beforeAt: options.before?.at ?? null,
    beforeKey: options.before?.key ?? null,
    limit: limit + 1,
  }) as (Omit<TimelineEntry, 'done'> & { done: number })[];
  const entries = rows.slice(0, limit).map((r) => ({ ...r, done: Boolean(r.done), body: bodyOf(r) }));
  const last = entries[entries.length - 1];
  return { entries, next: rows.length > limit && last ? { at: last.at, key: last.key } : null };
}

// The lead's name as leadName (lib/leads/schemas.ts) gives it.
const LEAD_NAME = `coalesce(nullif(trim(l.first_name || ' ' || l.last_name), ''), l.email, l.company_name, 'Unnamed lead')`;

function bodyOf(r: { type: TimelineType; key: string; body: string | null }): string | null {
  if (r.type === 'merge') return describeMoved(movedCounts(r.body));
  if (r.type !== 'lead') return r.body;
  if (r.key.startsWith('leadform-')) return describeSubmission(r.body);
  const detail = parseConversionDetail(r.body);
  return detail ? describeConversion(detail) : null;
}

function movedCounts(json: string | null): Record<string, number> | null {
  try {
    return json ? (JSON.parse(json) as Record<string, number>) : null;
  } catch {
    return null;
  }
}
