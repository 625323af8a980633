import 'server-only';
import type { Db } from '@/db/client';
import { cachedStatement } from '@/db/statements';
import { AppError } from '@/lib/errors';
import type { LeadRescoreReason } from '@/lib/jobs/kinds';
import {
  describeRuleWithPoints, LEAD_HISTORY_FIELDS, LEAD_SETTING_LABELS, RULE_HISTORY_FIELD, RULE_MOVED_FIELD, type LeadSettings, type ScoringRule, type ScoringRuleInput,
} from '@/lib/leads/scoring';
import { enqueueJob, type JobRow, latestJob } from './jobs';
import { loadScoringRules, recomputeLeadScore } from './leads';
import type { SessionUser } from './users';
import { getWorkspace, getWorkspaceVersion } from './workspace';

// The admin's lead scoring (/settings/lead-scoring): the rules, the workspace's lead settings, their
// history, and the `lead_rescore` job that scores every lead not yet converted again after a change
// (and daily, so engagement fades). Each change that can move a score queues that job in its own
// transaction; one job still waiting covers any number of changes, since it reads the rules when it runs.

export type ScoringRuleRow = ScoringRule & { active: boolean; position: number; label: string };

type Row = { id: number; kind: 'fit' | 'engagement'; field: string | null; operator: string | null; value: string | null; event: string | null; points: number; position: number; active: number };

const toRule = (r: Row): ScoringRule =>
  (r.kind === 'fit'
    ? { id: r.id, kind: 'fit', field: r.field, operator: r.operator, value: r.value, points: r.points }
    : { id: r.id, kind: 'engagement', event: r.event, points: r.points }) as ScoringRule;

const COLUMNS = 'id, kind, field, operator, value, event, points, position, active';

/** Every rule, active or not, fit rules first, each kind in the admin's order. */
export function listScoringRules(db: Db): ScoringRuleRow[] {
  const rows = db.$client.prepare(`select ${COLUMNS} from lead_scoring_rules order by kind = 'engagement', position, id`).all() as Row[];
  return rows.map((r) => {
    const rule = toRule(r);
    return { ...rule, active: r.active === 1, position: r.position, label: describeRuleWithPoints(rule) };
  });
}

const GONE = 'That rule no longer exists. Reload the page.';
const DUPLICATE = 'There is already a rule for that: change its points instead.';

function getRule(db: Db, ruleId: number): (ScoringRule & { active: boolean }) | null {
  const row = db.$client.prepare(`select ${COLUMNS} from lead_scoring_rules where id = ?`).get(ruleId) as Row | undefined;
  return row ? { ...toRule(row), active: row.active === 1 } : null;
}

/** The same condition twice would count twice: one rule per field, condition and value (any case), or per event. */
function assertUnique(db: Db, input: ScoringRuleInput, exceptId: number | null) {
  const clash =
    input.kind === 'fit'
      ? db.$client
          .prepare(`select 1 from lead_scoring_rules where kind = 'fit' and field = ? and operator = ? and coalesce(value, '') = ? collate nocase and id != ?`)
          .get(input.field, input.operator, input.value ?? '', exceptId ?? 0)
      : db.$client.prepare(`select 1 from lead_scoring_rules where kind = 'engagement' and event = ? and id != ?`).get(input.event, exceptId ?? 0);
  if (clash) throw new AppError(DUPLICATE, { [input.kind === 'fit' ? 'value' : 'event']: DUPLICATE });
}

const columnsOf = (input: ScoringRuleInput) =>
  input.kind === 'fit'
    ? { kind: 'fit', field: input.field, operator: input.operator, value: input.value, event: null, points: input.points }
    : { kind: 'engagement', field: null, operator: null, value: null, event: input.event, points: input.points };

export function logChange(db: Db, field: string, fromValue: string | null, toValue: string | null, actor: SessionUser, now: number) {
  db.$client.prepare('insert into workspace_events (field, from_value, to_value, at, user_id) values (?, ?, ?, ?, ?)').run(field, fromValue, toValue, now, actor.id);
}

const described = (rule: ScoringRule & { active?: boolean }) => `${describeRuleWithPoints(rule)}${rule.active === false ? ' (off)' : ''}`;

export function addScoringRule(db: Db, input: ScoringRuleInput, actor: SessionUser, now = Date.now()): { id: number } {
  return db.transaction(() => {
    assertUnique(db, input, null);
    const { next } = db.$client.prepare('select coalesce(max(position), 0) + 1 as next from lead_scoring_rules').get() as { next: number };
    const id = Number(
      db.$client
        .prepare('insert into lead_scoring_rules (kind, field, operator, value, event, points, position, created_at, updated_at) values (@kind, @field, @operator, @value, @event, @points, @next, @now, @now)')
        .run({ ...columnsOf(input), next, now }).lastInsertRowid,
    );
    logChange(db, RULE_HISTORY_FIELD, null, describeRuleWithPoints({ ...input, id } as ScoringRule), actor, now);
    enqueueLeadRescore(db, 'rules', actor, now);
    return { id };
  });
}

export function updateScoringRule(db: Db, ruleId: number, input: ScoringRuleInput, actor: SessionUser, now = Date.now()): { changed: boolean } {
  return db.transaction(() => {
    const before = getRule(db, ruleId);
    if (!before) throw new AppError(GONE);
    if (before.kind !== input.kind) throw new AppError('A rule keeps its kind: add a new rule instead.');
    const after = { ...input, id: ruleId, active: before.active } as ScoringRule & { active: boolean };
    if (described(before) === described(after)) return { changed: false };
    assertUnique(db, input, ruleId);
    db.$client
      .prepare('update lead_scoring_rules set field = @field, operator = @operator, value = @value, event = @event, points = @points, updated_at = @now where id = @id')
      .run({ ...columnsOf(input), now, id: ruleId });
    logChange(db, RULE_HISTORY_FIELD, described(before), described(after), actor, now);
    if (before.active) enqueueLeadRescore(db, 'rules', actor, now);
    return { changed: true };
  });
}

/** A rule switched off stays on the list and counts for nothing until it is switched on again. */
export function setScoringRuleActive(db: Db, ruleId: number, active: boolean, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const before = getRule(db, ruleId);
    if (!before) throw new AppError(GONE);
    if (before.active === active) return;
    db.$client.prepare('update lead_scoring_rules set active = ?, updated_at = ? where id = ?').run(active ? 1 : 0, now, ruleId);
    logChange(db, RULE_HISTORY_FIELD, described(before), described({ ...before, active }), actor, now);
    enqueueLeadRescore(db, 'rules', actor, now);
  });
}

/** Deletes a rule; the timeline entries it gave keep their words. */
export function deleteScoringRule(db: Db, ruleId: number, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const before = getRule(db, ruleId);
    if (!before) throw new AppError(GONE);
    db.$client.prepare('delete from lead_scoring_rules where id = ?').run(ruleId);
    logChange(db, RULE_HISTORY_FIELD, described(before), null, actor, now);
    if (before.active) enqueueLeadRescore(db, 'rules', actor, now);
  });
}

/** Swaps a rule with its neighbour of the same kind. Order is how the list reads; it moves no score. */
export function moveScoringRule(db: Db, ruleId: number, direction: 'up' | 'down', actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const rule = getRule(db, ruleId);
    if (!rule) throw new AppError(GONE);
    const ids = (db.$client.prepare('select id from lead_scoring_rules where kind = ? order by position, id').all(rule.kind) as { id: number }[]).map((r) => r.id);
    const i = ids.indexOf(ruleId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    // Numbered 1…n within the kind: the list and the scoring read each kind in its own order.
    const update = db.$client.prepare('update lead_scoring_rules set position = ? where id = ?');
    ids.forEach((id, k) => update.run(k + 1, id));
    logChange(db, RULE_MOVED_FIELD, described(rule), direction, actor, now);
  });
}

// ─── The workspace's lead settings ───────────────────────────────────────────────────────────────

export function getLeadSettings(db: Db): LeadSettings & { version: number } {
  const ws = getWorkspace(db);
  return { leadHotThreshold: ws.leadHotThreshold, leadFirstContactHours: ws.leadFirstContactHours, leadEngagementDecayPct: ws.leadEngagementDecayPct, version: getWorkspaceVersion(db) };
}

const STALE = 'Someone else saved the settings since you opened this page. Reload it to see their changes; what you typed is still in the form.';

/**
 * Saves the lead settings with the workspace's version check (the same row as /settings/workspace),
 * one history row per setting changed. A new decay rescores every open lead; the hot threshold and
 * the first-contact time change no score (the list reads the threshold; new tasks read the hours).
 */
export function updateLeadSettings(db: Db, input: { version: number; settings: LeadSettings }, actor: SessionUser, now = Date.now()): { changed: number } {
  return db.transaction(() => {
    const before = getLeadSettings(db);
    if (before.version !== input.version) throw new AppError(STALE);
    const fields = (Object.keys(LEAD_SETTING_LABELS) as (keyof LeadSettings)[]).filter((f) => before[f] !== input.settings[f]);
    if (fields.length === 0) return { changed: 0 };
    db.$client
      .prepare(
        `update workspace set lead_hot_threshold = @leadHotThreshold, lead_first_contact_hours = @leadFirstContactHours,
           lead_engagement_decay_pct = @leadEngagementDecayPct, updated_at = @now, updated_by = @by where id = 1`,
      )
      .run({ ...input.settings, now, by: actor.id });
    for (const f of fields) logChange(db, f, String(before[f]), String(input.settings[f]), actor, now);
    if (fields.includes('leadEngagementDecayPct')) enqueueLeadRescore(db, 'settings', actor, now);
    return { changed: fields.length };
  });
}

export type LeadScoringHistoryRow = { id: number; field: string; fromValue: string | null; toValue: string | null; at: number; userName: string | null };

/** The latest changes to the rules and lead settings, newest first. */
export function listLeadScoringHistory(db: Db, limit = 15): LeadScoringHistoryRow[] {
  return db.$client
    .prepare(
      `select e.id, e.field, e.from_value as fromValue, e.to_value as toValue, e.at, u.name as userName
       from workspace_events e left join users u on u.id = e.user_id
       where e.field in (${LEAD_HISTORY_FIELDS.map(() => '?').join(', ')}) order by e.at desc, e.id desc limit ?`,
    )
    .all(...LEAD_HISTORY_FIELDS, limit) as LeadScoringHistoryRow[];
}

// ─── Rescoring ───────────────────────────────────────────────────────────────────────────────────

export const RESCORE_BATCH = 500;

export const RESCORE_WHY: Record<LeadRescoreReason, string> = {
  rules: 'Scoring rules changed',
  settings: 'Engagement decay changed',
  decay: 'Engagement faded with time',
};

/**
 * Queues the rescore of every open lead, in the caller's transaction. A rescore still waiting to run
 * reads the rules and settings when it starts, so it covers this change too and no second one is added.
 */
export function enqueueLeadRescore(db: Db, reason: LeadRescoreReason, actor: SessionUser | null, now = Date.now()): number {
  const waiting = db.$client.prepare(`select id, payload from jobs where kind = 'lead_rescore' and state = 'queued' and schedule is null order by id limit 1`).get() as
    | { id: number; payload: string }
    | undefined;
  if (waiting) {
    const payload = JSON.parse(waiting.payload) as { reason: LeadRescoreReason };
    // Rules and decay both changed: the timeline says the rules did (the decay is part of them).
    if (payload.reason !== reason && reason === 'rules') db.$client.prepare('update jobs set payload = ? where id = ?').run(JSON.stringify({ ...payload, reason }), waiting.id);
    return waiting.id;
  }
  return enqueueJob(db, 'lead_rescore', { reason, userId: actor?.id ?? null }, { now, createdBy: actor?.id ?? null });
}

/** The last rescore, for the settings screen to say whether one is under way. */
export function latestLeadRescore(db: Db): JobRow | null {
  return latestJob(db, 'lead_rescore');
}

/** Leads not yet converted: the ones a rescore goes through. */
export function countOpenLeads(db: Db): number {
  return (cachedStatement(db, `select count(*) as n from leads where status != 'converted'`).get() as { n: number }).n;
}

type RescoreContext = { now: () => number; progress: (fraction: number | null, message: string | null) => void; signal: AbortSignal };

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The `lead_rescore` job: every lead not converted scored again with the rules and decay read once,
 * RESCORE_BATCH leads per short transaction, yielding between batches so the worker's heartbeat and
 * the web processes get their turn. A lead whose score moves gets a timeline entry naming why and the
 * rules that gave it. Safe to repeat: an unchanged score writes nothing. The daily run (`decay`) has
 * nothing to do while engagement never fades.
 */
export async function rescoreOpenLeads(db: Db, payload: { reason: LeadRescoreReason; userId: number | null }, ctx: RescoreContext): Promise<{ leads: number; changed: number }> {
  const decayPct = getWorkspace(db).leadEngagementDecayPct;
  if (payload.reason === 'decay' && decayPct === 0) return { leads: 0, changed: 0 };
  const rules = loadScoringRules(db);
  const now = ctx.now();
  const why = RESCORE_WHY[payload.reason];
  const total = countOpenLeads(db);
  const page = cachedStatement(db, `select id, score from leads where status != 'converted' and id > ? order by id limit ${RESCORE_BATCH}`);
  let after = 0;
  let done = 0;
  let changed = 0;
  ctx.progress(0, `0 of ${fmt(total)} leads`);
  for (;;) {
    if (ctx.signal.aborted) throw new Error('Stopped');
    const batch = page.all(after) as { id: number; score: number }[];
    if (batch.length === 0) break;
    db.transaction(() => {
      for (const lead of batch) if (recomputeLeadScore(db, lead.id, { now, userId: payload.userId, why, rules, decayPct }) !== lead.score) changed++;
    });
    after = batch[batch.length - 1].id;
    done += batch.length;
    ctx.progress(Math.min(1, done / Math.max(total, 1)), `${fmt(done)} of ${fmt(total)} leads`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { leads: done, changed };
}
