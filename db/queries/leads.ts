import 'server-only';
import type { Db } from '@/db/client';
import type { LeadEventKind, LeadStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { dateInZone, formatTimeOfDay } from '@/lib/dates';
import type { LeadFilters, LeadSort } from '@/lib/leads/list-filters';
import { leadName, type LeadInput } from '@/lib/leads/schemas';
import { scoreLead, type EngagementEvent, type LeadEngagement, type ScoredLead, type ScoreReason, type ScoringRule } from '@/lib/leads/scoring';
import { addWorkingHours } from '@/lib/leads/working-hours';
import type { ListPage } from '@/lib/list/params';
import { ftsPrefixQuery } from '@/lib/search/fts';
import { loadScoringRules } from '@/db/scoring-rules';
import { orderBy, selectBatches, selectPage, type SortSql } from './list';
import { cachedStatement } from '@/db/statements';
import { assertRefs } from './refs';
import { setTags, tagsFor, withTags } from './tags';
import type { SessionUser } from './users';
import { andScope, canSee, leadScope, type Viewer } from './visibility';
import { getWorkspace } from './workspace';

// Leads (issue 14), the database side: create and edit, status, score, the first-contact task, the
// list and the lead's page. Web forms (lead-forms.ts), conversion (lead-convert.ts) and imports
// write leads through createLead and recordLeadChange here, so every lead gets the same history,
// score and task whichever way it came in.

export type LeadRow = {
  id: number;
  name: string;
  email: string | null;
  companyName: string | null;
  title: string | null;
  status: LeadStatus;
  score: number;
  sourceName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  createdAt: number;
  spam: boolean;
  tags: string[];
};

const SORTS: Record<LeadSort, SortSql> = {
  score: { columns: ['l.score'] },
  created: { columns: ['l.created_at'] },
  name: { columns: ['l.last_name collate nocase', 'l.first_name collate nocase'] },
};

const OPEN_STATUSES = `('new', 'contacted', 'qualified')`;

function leadWhere(db: Db, f: LeadFilters, viewer: SessionUser): { where: string; params: Record<string, unknown> } {
  const parts = [`l.spam = ${f.spam ? 1 : 0}`];
  const params: Record<string, unknown> = {};
  if (f.status === 'open') parts.push(`l.status in ${OPEN_STATUSES}`);
  else if (f.status !== 'all') {
    parts.push('l.status = @status');
    params.status = f.status;
  }
  if (f.owner === 'me') parts.push(`l.owner_id = ${viewer.id}`);
  else if (f.owner === 'none') parts.push('l.owner_id is null');
  else if (typeof f.owner === 'number') {
    parts.push('l.owner_id = @owner');
    params.owner = f.owner;
  }
  if (f.source) {
    parts.push('l.source_id = @source');
    params.source = f.source;
  }
  if (f.hot) {
    parts.push('l.score >= @hot');
    params.hot = getWorkspace(db).leadHotThreshold;
  }
  const match = ftsPrefixQuery(f.q);
  if (f.q && !match) parts.push('0');
  if (match) {
    parts.push('l.id in (select rowid from leads_fts where leads_fts match @match)');
    params.match = match;
  }
  const scope = leadScope(db, viewer, 'l');
  if (scope) parts.push(scope);
  return { where: parts.join(' and '), params };
}

export function listLeads(db: Db, f: LeadFilters, viewer: SessionUser): ListPage<LeadRow> {
  const { where, params } = leadWhere(db, f, viewer);
  const page = selectPage<Omit<LeadRow, 'tags' | 'spam'> & { spam: number }>(db, {
    count: `from leads l where ${where}`,
    rows: `select l.id, trim(l.first_name || ' ' || l.last_name) as name, l.email, l.company_name as companyName, l.title, l.status, l.score,
             s.name as sourceName, l.owner_id as ownerId, u.name as ownerName, l.created_at as createdAt, l.spam
           from leads l left join lead_sources s on s.id = l.source_id left join users u on u.id = l.owner_id
           where ${where} order by ${orderBy(SORTS[f.sort], f.dir, 'l.id')}`,
    params,
    page: f.page,
  });
  const rows = page.rows.map((r) => ({ ...r, spam: Boolean(r.spam), name: r.name || r.email || r.companyName || 'Unnamed lead' }));
  return { ...page, rows: withTags(db, 'lead', rows) };
}

export type LeadExportRow = {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  companyName: string | null;
  title: string | null;
  website: string | null;
  country: string | null;
  source: string | null;
  status: LeadStatus;
  score: number;
  owner: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  createdAt: number;
  tags: string | null;
};

/** Every lead under the filters, in batches, for the CSV export. */
export function iterateLeads(db: Db, f: LeadFilters, viewer: SessionUser, batch = 1000) {
  const { where, params } = leadWhere(db, f, viewer);
  return selectBatches<LeadExportRow>(
    db,
    `select l.id, l.first_name as firstName, l.last_name as lastName, l.email, l.phone, l.company_name as companyName, l.title, l.website, l.country,
            s.name as source, l.status, l.score, u.name as owner, l.utm_source as utmSource, l.utm_medium as utmMedium, l.utm_campaign as utmCampaign,
            l.created_at as createdAt,
            (select group_concat(t.name, ', ') from lead_tags x join tags t on t.id = x.tag_id where x.lead_id = l.id) as tags
     from leads l left join lead_sources s on s.id = l.source_id left join users u on u.id = l.owner_id
     where ${where} and l.id > @afterId order by l.id limit @batch`,
    params,
    batch,
  );
}

/** Leads (not spam) with this email that the viewer may see: the lead form's "this looks like" warning. */
export function leadsWithEmail(db: Db, email: string, viewer: Viewer, exceptId: number | null): { id: number; name: string }[] {
  const rows = db.$client
    .prepare(
      `select l.id, l.first_name as firstName, l.last_name as lastName, l.email, l.company_name as companyName from leads l
       where l.email = ? and l.spam = 0 and l.id != ? ${andScope(leadScope(db, viewer, 'l'))} order by l.id limit 3`,
    )
    .all(email, exceptId ?? 0) as (Parameters<typeof leadName>[0] & { id: number })[];
  return rows.map((r) => ({ id: r.id, name: leadName(r) }));
}

/** New leads waiting for this user's first contact: the nav's badge (leads_owner_idx). */
export function countNewLeads(db: Db, userId: number): number {
  return (db.$client.prepare(`select count(*) as n from leads where owner_id = ? and spam = 0 and status = 'new'`).get(userId) as { n: number }).n;
}

export type LeadOption = { id: number; name: string };

export function listLeadSources(db: Db, { activeOnly = true } = {}): LeadOption[] {
  return db.$client.prepare(`select id, name from lead_sources ${activeOnly ? 'where active = 1' : ''} order by position, name`).all() as LeadOption[];
}

export function listDisqualifyReasons(db: Db, { activeOnly = true } = {}): LeadOption[] {
  return db.$client.prepare(`select id, name from disqualify_reasons ${activeOnly ? 'where active = 1' : ''} order by position, name`).all() as LeadOption[];
}

/** The id of a source by name, in any case (imports and forms name sources). */
export function sourceIdByName(db: Db, name: string): number | null {
  return (db.$client.prepare('select id from lead_sources where name = ? collate nocase').get(name.trim()) as { id: number } | undefined)?.id ?? null;
}

// ─── History ─────────────────────────────────────────────────────────────────────────────────────

export function leadEvent(db: Db, leadId: number, kind: LeadEventKind, change: { from?: unknown; to?: unknown; detail?: unknown }, userId: number | null, at: number): void {
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  cachedStatement(db, 'insert into lead_events (lead_id, kind, from_value, to_value, detail, at, user_id) values (?, ?, ?, ?, ?, ?, ?)').run(leadId, kind, text(change.from), text(change.to), change.detail === undefined ? null : JSON.stringify(change.detail), at, userId);
}

// ─── Score ───────────────────────────────────────────────────────────────────────────────────────

// Read without 'server-only' so the seed can score its leads too.
export { loadScoringRules } from '@/db/scoring-rules';

/** What the lead did that engagement rules count: its submissions and its logged activities. */
function engagementsOf(db: Db, leadId: number): LeadEngagement[] {
  const submissions = cachedStatement(db, 'select created_at as at from form_submissions where lead_id = ? and spam = 0').all(leadId) as { at: number }[];
  const activities = cachedStatement(
    db,
    // The unary + keeps the planner on activities_lead_idx (a lead has a handful of rows), not the type index.
    `select type, coalesce(done_at, created_at) as at from activities where lead_id = ? and +type in ('call', 'meeting', 'email', 'note') and (done_at is not null or type = 'note')`,
  ).all(leadId) as { type: EngagementEvent; at: number }[];
  return [...submissions.map((s) => ({ event: 'submission' as const, at: s.at })), ...activities.map((a) => ({ event: a.type, at: a.at }))];
}

/**
 * Scores the lead again from its fields and what it did; when the score changes, writes it and a
 * timeline entry with the rules that gave it and why it was scored again (`why`). Returns the score.
 */
export function recomputeLeadScore(db: Db, leadId: number, options: { now: number; userId: number | null; why: string; rules?: ScoringRule[]; decayPct?: number }): number {
  const lead = cachedStatement(
    db,
    `select l.score, l.fit_points as fitPoints, l.engagement_points as engagementPoints, l.title, l.email, l.company_name, l.country, l.website, l.phone,
            l.utm_source, l.utm_medium, l.utm_campaign, s.name as source
     from leads l left join lead_sources s on s.id = l.source_id where l.id = ?`,
  ).get(leadId) as (ScoredLead & { score: number; fitPoints: number; engagementPoints: number }) | undefined;
  if (!lead) return 0;
  const rules = options.rules ?? loadScoringRules(db);
  const decayPct = options.decayPct ?? getWorkspace(db).leadEngagementDecayPct;
  const score = scoreLead(lead, engagementsOf(db, leadId), rules, { now: options.now, decayPct });
  if (score.total === lead.score && score.fit === lead.fitPoints && score.engagement === lead.engagementPoints) return lead.score;
  cachedStatement(db, 'update leads set score = ?, fit_points = ?, engagement_points = ? where id = ?').run(score.total, score.fit, score.engagement, leadId);
  // The split can move while the total stands still (fit up as engagement fades): no timeline entry then.
  if (score.total === lead.score) return lead.score;
  leadEvent(db, leadId, 'score', { from: lead.score, to: score.total, detail: { why: options.why, reasons: score.reasons } }, options.userId, options.now);
  return score.total;
}

// ─── The first-contact task ──────────────────────────────────────────────────────────────────────

/**
 * Gives the owner a "First contact" task due within the workspace's working hours (the task's date
 * is the day that falls on; its note says by when). Once per lead.
 */
export function assignFirstContactTask(db: Db, leadId: number, ownerId: number, now: number): number | null {
  const exists = cachedStatement(db, `select 1 from activities where lead_id = ? and +type = 'task' and subject like 'First contact%' limit 1`).get(leadId);
  if (exists) return null;
  const ws = getWorkspace(db);
  const due = addWorkingHours(now, ws.leadFirstContactHours, ws.timezone);
  const lead = db.$client.prepare('select first_name as firstName, last_name as lastName, email, company_name as companyName from leads where id = ?').get(leadId) as Parameters<typeof leadName>[0];
  const info = db.$client
    .prepare(`insert into activities (type, subject, body, due_date, owner_id, lead_id, created_at, updated_at) values ('task', ?, ?, ?, ?, ?, ?, ?)`)
    .run(`First contact: ${leadName(lead)}`, `A new lead. Get in touch by ${formatTimeOfDay(due, ws.timezone)} on ${dateInZone(due, ws.timezone)}.`, dateInZone(due, ws.timezone), ownerId, leadId, now, now);
  return Number(info.lastInsertRowid);
}

// ─── Create and edit ─────────────────────────────────────────────────────────────────────────────

export type LeadExtras = {
  consentText?: string | null;
  consentAt?: number | null;
  consentIp?: string | null;
  spam?: boolean;
  spamReason?: string | null;
  contactId?: number | null;
  externalId?: string | null;
  /** One a line, as contacts keep them. */
  otherEmails?: string[];
  otherPhones?: string[];
  /** An import may bring the lead's status along (never Converted). */
  status?: Exclude<LeadStatus, 'converted'> | null;
  /** Who the history names, when there is no actor (an import's confirmer). */
  userId?: number | null;
};

function leadColumns(input: LeadInput) {
  return {
    first_name: input.firstName ?? '',
    last_name: input.lastName ?? '',
    email: input.email ?? null,
    phone: input.phone ?? null,
    company_name: input.companyName ?? null,
    title: input.title ?? null,
    website: input.website ?? null,
    country: input.country ?? null,
    source_id: input.sourceId,
    utm_source: input.utmSource ?? null,
    utm_medium: input.utmMedium ?? null,
    utm_campaign: input.utmCampaign ?? null,
    referrer: input.referrer ?? null,
    notes: input.notes ?? null,
  };
}

/**
 * A new lead, in the caller's transaction: its tags, a "created" entry, its score, and when it is
 * someone else's (a form's, or a rep's given by a manager) and not spam, their "First contact" task.
 * `actor` is null for a web form. The owner defaults to the actor.
 */
export function insertLead(
  db: Db,
  input: LeadInput,
  actor: SessionUser | null,
  options: { now: number; via: 'hand' | 'form' | 'import'; extras?: LeadExtras; task?: boolean; rules?: ScoringRule[] },
): { id: number; taskId: number | null } {
  const ownerId = input.ownerId ?? actor?.id ?? null;
  const extras = options.extras ?? {};
  const values = {
    ...leadColumns(input),
    owner_id: ownerId,
    consent_text: extras.consentText ?? null,
    consent_at: extras.consentAt ?? null,
    consent_ip: extras.consentIp ?? null,
    spam: extras.spam ? 1 : 0,
    spam_reason: extras.spamReason ?? null,
    contact_id: extras.contactId ?? null,
    external_id: extras.externalId ?? null,
    other_emails: extras.otherEmails?.length ? extras.otherEmails.join('\n') : null,
    other_phones: extras.otherPhones?.length ? extras.otherPhones.join('\n') : null,
    status: extras.status ?? 'new',
    now: options.now,
  };
  const columns = Object.keys(values).filter((k) => k !== 'now');
  const id = Number(
    db.$client
      .prepare(`insert into leads (${columns.join(', ')}, created_at, updated_at) values (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`)
      .run(values).lastInsertRowid,
  );
  if (input.tags.length) setTags(db, { leadId: id }, input.tags);
  const userId = actor?.id ?? extras.userId ?? null;
  leadEvent(db, id, 'created', { to: options.via, detail: extras.spam ? { spam: extras.spamReason } : undefined }, userId, options.now);
  recomputeLeadScore(db, id, { now: options.now, userId, why: 'Created', rules: options.rules });
  const wantsTask = options.task ?? (ownerId !== null && ownerId !== actor?.id);
  const taskId = wantsTask && ownerId !== null && !extras.spam ? assignFirstContactTask(db, id, ownerId, options.now) : null;
  return { id, taskId };
}

/** A lead typed into the New lead form. */
export function createLead(db: Db, input: LeadInput, actor: SessionUser, now = Date.now()): { id: number } {
  return db.transaction(() => {
    assertRefs(db, { ownerId: input.ownerId, sourceId: input.sourceId });
    return { id: insertLead(db, input, actor, { now, via: 'hand' }).id };
  });
}

const TRACKED: Record<string, string> = {
  first_name: 'First name', last_name: 'Last name', email: 'Email', phone: 'Phone', company_name: 'Company', title: 'Job title',
  website: 'Website', country: 'Country', source_id: 'Source', notes: 'Notes',
};

/** The lead's edit form: a version check, the old values kept in its history, its score again. */
export function updateLead(db: Db, id: number, version: number, input: LeadInput, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const current = db.$client.prepare('select * from leads where id = ?').get(id) as Record<string, unknown> | undefined;
    if (!current || !canSee(db, actor, 'lead', id)) throw new AppError('This lead no longer exists.');
    if (current.version !== version) throw new AppError('Someone else changed this lead meanwhile. Reload to see their change, then try again.');
    const ownerId = input.ownerId ?? (current.owner_id as number | null);
    assertRefs(db, { ownerId: ownerId !== current.owner_id ? ownerId : null, sourceId: input.sourceId });
    const next = { ...leadColumns(input), owner_id: ownerId };
    const changed = Object.fromEntries(Object.keys(TRACKED).filter((k) => (current[k] ?? null) !== (next[k as keyof typeof next] ?? null)).map((k) => [k, current[k] ?? null]));
    db.$client
      .prepare(
        `update leads set ${Object.keys(next).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, version = version + 1 where id = @id`,
      )
      .run({ ...next, now, id });
    setTags(db, { leadId: id }, input.tags);
    if (Object.keys(changed).length) leadEvent(db, id, 'update', { detail: { before: changed } }, actor.id, now);
    if (ownerId !== current.owner_id) {
      leadEvent(db, id, 'owner', { from: current.owner_id, to: ownerId }, actor.id, now);
      if (ownerId !== null && ownerId !== actor.id && current.status === 'new') assignFirstContactTask(db, id, ownerId, now);
    }
    recomputeLeadScore(db, id, { now, userId: actor.id, why: 'Edited' });
  });
}

/** Moves a lead to another status by hand; disqualifying names a reason. Converted is only set by converting. */
export function setLeadStatus(db: Db, input: { leadId: number; version: number; status: Exclude<LeadStatus, 'converted'>; disqualifyReasonId: number | null }, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const current = db.$client.prepare('select status, version, first_contacted_at as firstContactedAt from leads where id = ?').get(input.leadId) as
      | { status: LeadStatus; version: number; firstContactedAt: number | null }
      | undefined;
    if (!current || !canSee(db, actor, 'lead', input.leadId)) throw new AppError('This lead no longer exists.');
    if (current.status === 'converted') throw new AppError('This lead has been converted: open its contact instead.');
    if (current.version !== input.version) throw new AppError('Someone else changed this lead meanwhile. Reload to see their change, then try again.');
    if (input.status === 'disqualified') assertRefs(db, { disqualifyReasonId: input.disqualifyReasonId });
    if (current.status === input.status) return;
    const reasonId = input.status === 'disqualified' ? input.disqualifyReasonId : null;
    db.$client
      .prepare(
        `update leads set status = ?, disqualify_reason_id = ?, first_contacted_at = coalesce(first_contacted_at, iif(? != 'new', ?, null)), updated_at = ?, version = version + 1 where id = ?`,
      )
      .run(input.status, reasonId, input.status, now, now, input.leadId);
    const reason = reasonId ? (db.$client.prepare('select name from disqualify_reasons where id = ?').get(reasonId) as { name: string }).name : undefined;
    leadEvent(db, input.leadId, 'status', { from: current.status, to: input.status, detail: reason ? { reason } : undefined }, actor.id, now);
  });
}

/**
 * After an activity is logged on a lead: the first call, email or meeting is its first contact (a
 * New lead becomes Contacted), and its score counts it.
 */
export function leadActivityLogged(db: Db, leadId: number, type: string, actor: SessionUser, now: number): void {
  if (type === 'call' || type === 'email' || type === 'meeting') {
    const lead = db.$client.prepare('select status from leads where id = ?').get(leadId) as { status: LeadStatus } | undefined;
    db.$client.prepare('update leads set first_contacted_at = coalesce(first_contacted_at, ?), updated_at = ? where id = ?').run(now, now, leadId);
    if (lead?.status === 'new') {
      db.$client.prepare(`update leads set status = 'contacted', version = version + 1 where id = ?`).run(leadId);
      leadEvent(db, leadId, 'status', { from: 'new', to: 'contacted', detail: { because: `A ${type} was logged` } }, actor.id, now);
    }
  }
  recomputeLeadScore(db, leadId, { now, userId: actor.id, why: `A ${type} was logged` });
}

// ─── The lead's page ─────────────────────────────────────────────────────────────────────────────

export type LeadDetail = {
  id: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** One a line, or null. */
  otherEmails: string | null;
  otherPhones: string | null;
  companyName: string | null;
  title: string | null;
  website: string | null;
  country: string | null;
  sourceId: number | null;
  sourceName: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  referrer: string | null;
  ownerId: number | null;
  ownerName: string | null;
  status: LeadStatus;
  disqualifyReason: string | null;
  score: number;
  fitPoints: number;
  engagementPoints: number;
  notes: string | null;
  consentText: string | null;
  consentAt: number | null;
  consentIp: string | null;
  spam: boolean;
  spamReason: string | null;
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  companyNameLinked: string | null;
  dealId: number | null;
  dealTitle: string | null;
  convertedAt: number | null;
  createdAt: number;
  version: number;
  tags: string[];
};

export function getLead(db: Db, id: number, viewer: Viewer): LeadDetail | null {
  const row = db.$client
    .prepare(
      `select l.id, l.first_name as firstName, l.last_name as lastName, l.email, l.phone, l.other_emails as otherEmails, l.other_phones as otherPhones,
              l.company_name as companyName, l.title, l.website, l.country, l.source_id as sourceId, s.name as sourceName, l.utm_source as utmSource, l.utm_medium as utmMedium, l.utm_campaign as utmCampaign, l.referrer,
              l.owner_id as ownerId, u.name as ownerName, l.status, r.name as disqualifyReason, l.score, l.fit_points as fitPoints,
              l.engagement_points as engagementPoints, l.notes, l.consent_text as consentText, l.consent_at as consentAt, l.consent_ip as consentIp,
              l.spam, l.spam_reason as spamReason, l.contact_id as contactId, trim(c.first_name || ' ' || c.last_name) as contactName,
              l.company_id as companyId, co.name as companyNameLinked, l.deal_id as dealId, d.title as dealTitle, l.converted_at as convertedAt,
              l.created_at as createdAt, l.version
       from leads l
       left join lead_sources s on s.id = l.source_id
       left join users u on u.id = l.owner_id
       left join disqualify_reasons r on r.id = l.disqualify_reason_id
       left join contacts c on c.id = l.contact_id
       left join companies co on co.id = l.company_id
       left join deals d on d.id = l.deal_id
       where l.id = ? ${andScope(leadScope(db, viewer, 'l'))}`,
    )
    .get(id) as (Omit<LeadDetail, 'spam' | 'tags' | 'name'> & { spam: number }) | undefined;
  if (!row) return null;
  return { ...row, spam: Boolean(row.spam), name: leadName(row), tags: tagsFor(db, 'lead', [id]).get(id) ?? [] };
}

/** The lead's open tasks, soonest first (its first-contact task among them). */
export function listLeadTasks(db: Db, leadId: number): { id: number; subject: string; dueDate: string | null; ownerName: string | null }[] {
  return db.$client
    .prepare(
      `select a.id, a.subject, a.due_date as dueDate, u.name as ownerName from activities a left join users u on u.id = a.owner_id
       where a.lead_id = ? and +a.type = 'task' and a.done_at is null order by a.due_date is null, a.due_date limit 50`,
    )
    .all(leadId) as { id: number; subject: string; dueDate: string | null; ownerName: string | null }[];
}

export type LeadTimelineEntry = {
  key: string;
  type: 'activity' | 'submission' | 'event';
  kind: string;
  at: number;
  title: string;
  body: string | null;
  done: boolean;
  dueDate: string | null;
  activityId: number | null;
  userName: string | null;
  detail: string | null;
  fromValue: string | null;
  toValue: string | null;
};

/** Everything on a lead, newest first: its activities and tasks, form submissions and history. */
export function leadTimeline(db: Db, leadId: number, options: { limit?: number } = {}): LeadTimelineEntry[] {
  const limit = options.limit ?? 100;
  return (
    db.$client
      .prepare(
        `select * from (
           select 'activity-' || a.id as key, 'activity' as type, a.type as kind, coalesce(a.done_at, a.created_at) as at, a.subject as title, a.body,
                  a.done_at is not null as done, a.due_date as dueDate, a.id as activityId, u.name as userName, null as detail, null as fromValue, null as toValue
           from activities a left join users u on u.id = a.owner_id where a.lead_id = @id
           union all
           select 'submission-' || f.id, 'submission', 'submission', f.created_at, coalesce(w.name, 'A web form'), null, 1, null, null, null, f.data, f.page_url, f.referrer
           from form_submissions f left join web_forms w on w.id = f.form_id where f.lead_id = @id
           union all
           select 'event-' || e.id, 'event', e.kind, e.at, e.kind, null, 1, null, null, u.name, e.detail, e.from_value, e.to_value
           from lead_events e left join users u on u.id = e.user_id where e.lead_id = @id
         ) order by at desc, key desc limit @limit`,
      )
      .all({ id: leadId, limit }) as (Omit<LeadTimelineEntry, 'done'> & { done: number })[]
  ).map((e) => ({ ...e, done: Boolean(e.done) }));
}

export type { ScoreReason };
