import 'server-only';
import type { Db } from '@/db/client';
import { andScope, contactScope, dealScope, leadScope, type Viewer } from './visibility';

const DAY = 86_400_000;

export type DashboardDeal = { id: number; title: string; valueCents: number; expectedCloseDate: string | null; stageName: string; ownerName: string | null; idleDays?: number };
export type DashboardTask = { id: number; subject: string; dueDate: string; dealId: number | null; dealTitle: string | null; contactId: number | null; contactName: string | null };

/** The viewer's own overdue tasks; what they are about is named only when the viewer may see it. */
export function listOverdueTasks(db: Db, viewer: Viewer, today: string, limit = 8): { tasks: DashboardTask[]; total: number } {
  const ownerId = viewer.id;
  const where = `a.owner_id = @ownerId and a.done_at is null and a.due_date < @today and a.type = 'task'`;
  const total = (db.$client.prepare(`select count(*) as n from activities a where ${where}`).get({ ownerId, today }) as { n: number }).n;
  const tasks = db.$client
    .prepare(
      `select a.id, a.subject, a.due_date as dueDate, d.id as dealId, d.title as dealTitle, c.id as contactId,
              trim(c.first_name || ' ' || c.last_name) as contactName
       from activities a
       left join deals d on d.id = a.deal_id ${andScope(dealScope(db, viewer, 'd'))}
       left join contacts c on c.id = a.contact_id ${andScope(contactScope(db, viewer, 'c', { one: true }))}
       where ${where} order by a.due_date, a.id limit @limit`,
    )
    .all({ ownerId, today, limit }) as DashboardTask[];
  return { tasks, total };
}

/** Open deals expected to close between two dates (inclusive), for one owner or the team, among those the viewer may see. */
export function listDealsClosing(db: Db, viewer: Viewer, ownerId: number | null, from: string, to: string, limit = 10): { deals: DashboardDeal[]; total: number; totalCents: number } {
  const where = `d.status = 'open' and d.expected_close_date between @from and @to ${ownerId ? 'and d.owner_id = @ownerId' : ''} ${andScope(dealScope(db, viewer, 'd'))}`;
  const totals = db.$client.prepare(`select count(*) as n, coalesce(sum(value_cents), 0) as cents from deals d where ${where}`).get({ from, to, ownerId }) as { n: number; cents: number };
  const deals = db.$client
    .prepare(
      `select d.id, d.title, d.value_cents as valueCents, d.expected_close_date as expectedCloseDate, s.name as stageName, u.name as ownerName
       from deals d join stages s on s.id = d.stage_id left join users u on u.id = d.owner_id
       where ${where} order by d.expected_close_date, d.value_cents desc limit @limit`,
    )
    .all({ from, to, ownerId, limit }) as DashboardDeal[];
  return { deals, total: totals.n, totalCents: totals.cents };
}

/** Open deals untouched (no activity, no stage change) for longer than their stage allows, longest idle first, among those the viewer may see. */
export function listRottingDeals(db: Db, viewer: Viewer, ownerId: number | null, now: number, limit = 8): { deals: DashboardDeal[]; total: number } {
  const idle = `(@now - max(d.stage_changed_at, coalesce(d.last_activity_at, 0)))`;
  const where = `d.status = 'open' and s.rot_days > 0 and ${idle} > s.rot_days * ${DAY} ${ownerId ? 'and d.owner_id = @ownerId' : ''} ${andScope(dealScope(db, viewer, 'd'))}`;
  const total = (db.$client.prepare(`select count(*) as n from deals d join stages s on s.id = d.stage_id where ${where}`).get({ now, ownerId }) as { n: number }).n;
  const deals = db.$client
    .prepare(
      `select d.id, d.title, d.value_cents as valueCents, d.expected_close_date as expectedCloseDate, s.name as stageName, u.name as ownerName,
              cast(${idle} / ${DAY} as integer) as idleDays
       from deals d join stages s on s.id = d.stage_id left join users u on u.id = d.owner_id
       where ${where} order by ${idle} desc limit @limit`,
    )
    .all({ now, ownerId, limit }) as DashboardDeal[];
  return { deals, total };
}

export type DashboardLead = { id: number; name: string; companyName: string | null; score: number; status: string; sourceName: string | null; ownerName: string | null; createdAt: number };

const LEAD_COLUMNS = `l.id, coalesce(nullif(trim(l.first_name || ' ' || l.last_name), ''), l.email, l.company_name, 'Unnamed lead') as name, l.company_name as companyName,
  l.score, l.status, s.name as sourceName, u.name as ownerName, l.created_at as createdAt`;
const LEAD_FROM = 'from leads l left join lead_sources s on s.id = l.source_id left join users u on u.id = l.owner_id';

/**
 * Leads waiting for a first touch (status New, not spam), newest first: one owner's (a rep's own), or
 * the team's (ownerId null), among those the viewer may see. Owner's: leads_owner_idx; team: leads_status_idx.
 */
export function listNewLeads(db: Db, viewer: Viewer, ownerId: number | null, limit = 8): { leads: DashboardLead[]; total: number } {
  const where = `l.spam = 0 and l.status = 'new' ${ownerId ? 'and l.owner_id = @ownerId' : ''} ${andScope(leadScope(db, viewer, 'l'))}`;
  const total = (db.$client.prepare(`select count(*) as n from leads l where ${where}`).get({ ownerId }) as { n: number }).n;
  const leads = db.$client.prepare(`select ${LEAD_COLUMNS} ${LEAD_FROM} where ${where} order by l.created_at desc, l.id desc limit @limit`).all({ ownerId, limit }) as DashboardLead[];
  return { leads, total };
}

/** Open leads (New, Contacted, Qualified) scoring at least the workspace's hot threshold, best first. */
export function listHotLeads(db: Db, viewer: Viewer, ownerId: number | null, threshold: number, limit = 8): { leads: DashboardLead[]; total: number } {
  const where = `l.spam = 0 and l.status in ('new', 'contacted', 'qualified') and l.score >= @threshold ${ownerId ? 'and l.owner_id = @ownerId' : ''} ${andScope(leadScope(db, viewer, 'l'))}`;
  const total = (db.$client.prepare(`select count(*) as n from leads l where ${where}`).get({ ownerId, threshold }) as { n: number }).n;
  const leads = db.$client
    .prepare(`select ${LEAD_COLUMNS} ${LEAD_FROM} where ${where} order by l.score desc, l.id desc limit @limit`)
    .all({ ownerId, threshold, limit }) as DashboardLead[];
  return { leads, total };
}
