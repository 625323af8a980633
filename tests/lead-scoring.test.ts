import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Lead scoring settings, the rescore job and the predicted likelihood against a real migrated
// database; the worker drains the queue in-process. Only the session and Next's cache are mocked.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createWorker } = await import('@/db/jobs/worker');
const { jobHandlers } = await import('@/db/jobs/handlers');
const { getJob } = await import('@/db/queries/jobs');
const { getLeadSettings, listLeadScoringHistory, listScoringRules, rescoreOpenLeads } = await import('@/db/queries/lead-scoring');
const { leadLikelihood } = await import('@/db/queries/lead-likelihood');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { describeLeadHistory, POINTS_MESSAGE, VALUE_MESSAGE, FIELD_MESSAGE } = await import('@/lib/leads/scoring');
const { LIKELIHOOD_MIN_HISTORY } = await import('@/lib/leads/bayes');
const actions = await import('@/app/(app)/settings/lead-scoring/actions');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
const manager: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@example.test', role: 'manager' };
const rep: SessionUser = { id: 3, name: 'Ana Rep', email: 'ana@example.test', role: 'rep' };

const DAY = 24 * 3_600_000;
const MONTH = 30 * DAY;

const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

function addLead(values: { title?: string; email?: string; status?: string; companyName?: string; source?: string; country?: string; dealId?: number }): number {
  const sourceId = values.source ? (one<{ id: number } | undefined>('select id from lead_sources where name = ?', values.source)?.id ?? null) : null;
  return Number(
    db.$client
      .prepare(`insert into leads (first_name, last_name, email, title, company_name, status, source_id, country, deal_id) values ('A', 'Lead', ?, ?, ?, ?, ?, ?, ?)`)
      .run(values.email ?? null, values.title ?? null, values.companyName ?? null, values.status ?? 'new', sourceId, values.country ?? null, values.dealId ?? null).lastInsertRowid,
  );
}
const submit = (leadId: number, at: number) => db.$client.prepare(`insert into form_submissions (lead_id, data, created_at) values (?, '{}', ?)`).run(leadId, at);
const score = (id: number) => one<{ score: number }>('select score from leads where id = ?', id).score;
const rescoreJobs = () => all<{ id: number; state: string; payload: string }>(`select id, state, payload from jobs where kind = 'lead_rescore' order by id`);

async function drain() {
  const worker = createWorker({ db, databaseFile: db.$client.name, handlers: jobHandlers, log: () => undefined });
  while (await worker.runNext());
}

beforeEach(() => {
  db = createTestDb();
  db.$client.prepare('delete from jobs').run();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'password1' });
  db.$client.prepare(`insert into users (name, email, password_hash, role) values ('Mia Manager', 'mia@example.test', 'x', 'manager'), ('Ana Rep', 'ana@example.test', 'x', 'rep')`).run();
  session.user = admin;
});

describe('rules', () => {
  test('the six starting rules are listed, fit first, in words with their points', () => {
    expect(listScoringRules(db).map((r) => [r.kind, r.label, r.active])).toEqual([
      ['fit', 'Job title contains “director” +15', true],
      ['fit', 'Email is a free mail address −10', true],
      ['fit', 'Company is filled in +5', true],
      ['engagement', 'Each form submission +10', true],
      ['engagement', 'Each logged call +5', true],
      ['engagement', 'Each logged meeting +5', true],
    ]);
  });

  test('an admin adds, edits, switches off and on, moves and deletes a rule, each change in the history', async () => {
    const added = await actions.addScoringRuleAction(form({ kind: 'fit', field: 'title', operator: 'contains', value: ' VP ', points: '+20' }));
    expect(added.ok).toBe(true);
    const id = (added as { data: { id: number } }).data.id;
    expect(listScoringRules(db).find((r) => r.id === id)).toMatchObject({ kind: 'fit', field: 'title', operator: 'contains', value: 'VP', points: 20, active: true });
    expect(listScoringRules(db).filter((r) => r.kind === 'fit').at(-1)?.id).toBe(id);

    expect(await actions.updateScoringRuleAction(form({ ruleId: String(id), kind: 'fit', field: 'title', operator: 'contains', value: 'vice president', points: '−25' }))).toEqual({ ok: true, data: { changed: true } });
    expect(await actions.setScoringRuleActiveAction({ ruleId: id, active: false })).toEqual({ ok: true, data: undefined });
    expect(listScoringRules(db).find((r) => r.id === id)?.active).toBe(false);
    expect(await actions.setScoringRuleActiveAction({ ruleId: id, active: true })).toEqual({ ok: true, data: undefined });
    expect(await actions.moveScoringRuleAction({ ruleId: id, direction: 'up' })).toEqual({ ok: true, data: undefined });
    expect(listScoringRules(db).filter((r) => r.kind === 'fit').map((r) => r.id).indexOf(id)).toBe(2);
    expect(await actions.deleteScoringRuleAction({ ruleId: id })).toEqual({ ok: true, data: undefined });
    expect(listScoringRules(db).some((r) => r.id === id)).toBe(false);

    expect(listLeadScoringHistory(db).map(describeLeadHistory).reverse()).toEqual([
      'Rule added: Job title contains “VP” +20',
      'Rule changed: Job title contains “VP” +20 → Job title contains “vice president” −25',
      'Rule changed: Job title contains “vice president” −25 → Job title contains “vice president” −25 (off)',
      'Rule changed: Job title contains “vice president” −25 (off) → Job title contains “vice president” −25',
      'Rule moved up: Job title contains “vice president” −25',
      'Rule deleted: Job title contains “vice president” −25',
    ]);
    expect(listLeadScoringHistory(db).every((e) => e.userName === admin.name)).toBe(true);
    // One rescore waiting covers every change made before it runs.
    expect(rescoreJobs()).toHaveLength(1);
  });

  test.each([
    [{ kind: 'fit', field: 'title', operator: 'contains', value: '', points: '10' }, { value: VALUE_MESSAGE }],
    [{ kind: 'fit', field: 'title', operator: 'contains', value: 'vp', points: '0' }, { points: POINTS_MESSAGE }],
    [{ kind: 'fit', field: 'title', operator: 'contains', value: 'vp', points: '101' }, { points: POINTS_MESSAGE }],
    [{ kind: 'fit', field: 'title', operator: 'contains', value: 'vp', points: '2.5' }, { points: POINTS_MESSAGE }],
    [{ kind: 'fit', field: 'salary', operator: 'contains', value: 'vp', points: '10' }, { field: FIELD_MESSAGE }],
    [{ kind: 'fit', field: 'title', operator: 'starts_with', value: 'vp', points: '10' }, { operator: 'Pick a condition' }],
    [{ kind: 'engagement', event: 'tweet', points: '5' }, { event: 'Pick what the lead does' }],
    [{ kind: 'robot', points: '5' }, { kind: 'Pick a kind of rule' }],
  ])('%j is refused: %j', async (values, fieldErrors) => {
    const before = listScoringRules(db).length;
    const result = await actions.addScoringRuleAction(form(values as Record<string, string>));
    expect(result).toMatchObject({ ok: false, fieldErrors });
    expect(listScoringRules(db)).toHaveLength(before);
    expect(rescoreJobs()).toEqual([]);
  });

  test('a condition already on the list is refused; a value-less condition drops a stale value', async () => {
    expect(await actions.addScoringRuleAction(form({ kind: 'fit', field: 'title', operator: 'contains', value: 'DIRECTOR', points: '5' }))).toMatchObject({
      ok: false,
      fieldErrors: { value: 'There is already a rule for that: change its points instead.' },
    });
    expect(await actions.addScoringRuleAction(form({ kind: 'engagement', event: 'call', points: '5' }))).toMatchObject({ ok: false });
    const r = await actions.addScoringRuleAction(form({ kind: 'fit', field: 'phone', operator: 'is_set', value: 'leftover', points: '3' }));
    const id = (r as { data: { id: number } }).data.id;
    expect(one<{ value: string | null }>('select value from lead_scoring_rules where id = ?', id).value).toBeNull();
  });

  test.each([
    ['a manager', manager],
    ['a rep', rep],
  ])('%s is refused by every action, and nothing changes', async (_who, user) => {
    session.user = user;
    const refused = { ok: false, error: 'You are not allowed to do that.' };
    const ruleId = listScoringRules(db)[0].id;
    expect(await actions.addScoringRuleAction(form({ kind: 'engagement', event: 'email', points: '5' }))).toEqual(refused);
    expect(await actions.updateScoringRuleAction(form({ ruleId: String(ruleId), kind: 'fit', field: 'title', operator: 'contains', value: 'x', points: '5' }))).toEqual(refused);
    expect(await actions.setScoringRuleActiveAction({ ruleId, active: false })).toEqual(refused);
    expect(await actions.moveScoringRuleAction({ ruleId, direction: 'down' })).toEqual(refused);
    expect(await actions.deleteScoringRuleAction({ ruleId })).toEqual(refused);
    const { version } = getLeadSettings(db);
    expect(await actions.updateLeadSettingsAction(form({ updatedAt: String(version), leadHotThreshold: '10', leadFirstContactHours: '4', leadEngagementDecayPct: '0' }))).toEqual(refused);
    expect(listScoringRules(db)).toHaveLength(6);
    expect(getLeadSettings(db).leadHotThreshold).toBe(30);
    expect(rescoreJobs()).toEqual([]);
    expect(listLeadScoringHistory(db)).toEqual([]);
  });

  test('an edit or delete of a rule that is gone says so', async () => {
    expect(await actions.deleteScoringRuleAction({ ruleId: 999 })).toEqual({ ok: false, error: 'That rule no longer exists. Reload the page.' });
  });
});

describe('settings', () => {
  const settingsForm = (version: number, hot: string, hours = '4', decay = '0') =>
    form({ updatedAt: String(version), leadHotThreshold: hot, leadFirstContactHours: hours, leadEngagementDecayPct: decay });

  test('saved with a version check and a history row per setting; only a new decay rescores', async () => {
    const { version } = getLeadSettings(db);
    expect(await actions.updateLeadSettingsAction(settingsForm(version, '70', '8'))).toEqual({ ok: true, data: { changed: 2 } });
    expect(getLeadSettings(db)).toMatchObject({ leadHotThreshold: 70, leadFirstContactHours: 8, leadEngagementDecayPct: 0 });
    expect(rescoreJobs()).toEqual([]);
    // The form opened before that save is refused whole.
    expect(await actions.updateLeadSettingsAction(settingsForm(version, '80'))).toMatchObject({ ok: false, error: expect.stringMatching(/^Someone else saved the settings/) });
    const next = getLeadSettings(db).version;
    expect(await actions.updateLeadSettingsAction(settingsForm(next, '70', '8', '10'))).toEqual({ ok: true, data: { changed: 1 } });
    expect(rescoreJobs()).toHaveLength(1);
    expect(JSON.parse(rescoreJobs()[0].payload)).toEqual({ reason: 'settings', userId: admin.id });
    expect(await actions.updateLeadSettingsAction(settingsForm(getLeadSettings(db).version, '70', '8', '10'))).toEqual({ ok: true, data: { changed: 0 } });
    expect(listLeadScoringHistory(db).map(describeLeadHistory)).toEqual([
      'Engagement fades: never → 10% a month',
      'First contact due within: 4 working hours → 8 working hours',
      'Hot from score: 30 → 70',
    ]);
  });

  test.each([
    [{ leadHotThreshold: '0' }, 'leadHotThreshold', 'Enter a whole score from 1 to 1,000'],
    [{ leadHotThreshold: 'hot' }, 'leadHotThreshold', 'Enter a whole score from 1 to 1,000'],
    [{ leadFirstContactHours: '0' }, 'leadFirstContactHours', 'Enter whole working hours from 1 to 200'],
    [{ leadEngagementDecayPct: '101' }, 'leadEngagementDecayPct', 'Enter a whole percentage from 0 (never) to 100'],
    [{ leadEngagementDecayPct: '-5' }, 'leadEngagementDecayPct', 'Enter a whole percentage from 0 (never) to 100'],
  ])('%j is refused beside its field', async (over, field, message) => {
    const values = { updatedAt: String(getLeadSettings(db).version), leadHotThreshold: '50', leadFirstContactHours: '4', leadEngagementDecayPct: '0', ...over };
    expect(await actions.updateLeadSettingsAction(form(values))).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(getLeadSettings(db).leadHotThreshold).toBe(30);
  });
});

describe('rescoring', () => {
  test('a new rule rescores every open lead in the background, each change on its timeline with why', async () => {
    const vp = addLead({ title: 'VP Sales', email: 'x@acme.com' });
    const vpLost = addLead({ title: 'vp marketing', status: 'disqualified' });
    const other = addLead({ title: 'Engineer', email: 'y@acme.com' });
    const converted = addLead({ title: 'VP Finance', status: 'converted' });
    const before = all<{ id: number }>(`select id from lead_events where kind = 'score'`).length;

    const result = await actions.addScoringRuleAction(form({ kind: 'fit', field: 'title', operator: 'contains', value: 'VP', points: '20' }));
    expect(result.ok).toBe(true);
    // Nothing is rescored in the request.
    expect(score(vp)).toBe(0);
    const [job] = rescoreJobs();
    expect(job).toMatchObject({ state: 'queued' });
    await drain();

    expect(getJob(db, job.id)).toMatchObject({ state: 'done', progress: 1, result: JSON.stringify({ leads: 3, changed: 2 }) });
    expect([score(vp), score(vpLost), score(other), score(converted)]).toEqual([20, 20, 0, 0]);
    const events = all<{ leadId: number; from: string; to: string; detail: string; userId: number }>(
      `select lead_id as leadId, from_value as "from", to_value as "to", detail, user_id as userId from lead_events where kind = 'score' order by id`,
    ).slice(before);
    expect(events.map((e) => e.leadId)).toEqual([vp, vpLost]);
    expect(events[0]).toMatchObject({ from: '0', to: '20', userId: admin.id });
    expect(JSON.parse(events[0].detail)).toEqual({ why: 'Scoring rules changed', reasons: [{ ruleId: (result as { data: { id: number } }).data.id, label: 'Job title contains “VP”', points: 20 }] });

    // Run again, nothing moves and nothing is written.
    await rescoreOpenLeads(db, { reason: 'rules', userId: null }, { now: Date.now, progress: () => undefined, signal: new AbortController().signal });
    expect(all(`select id from lead_events where kind = 'score'`).length).toBe(before + 2);
  });

  test('switching a rule off and deleting one rescores too', async () => {
    const lead = addLead({ title: 'Sales Director', companyName: 'Acme' });
    await actions.addScoringRuleAction(form({ kind: 'engagement', event: 'email', points: '1' }));
    await drain();
    expect(score(lead)).toBe(20);
    const director = listScoringRules(db).find((r) => r.label.startsWith('Job title contains “director”'))!;
    await actions.setScoringRuleActiveAction({ ruleId: director.id, active: false });
    await drain();
    expect(score(lead)).toBe(5);
    const company = listScoringRules(db).find((r) => r.label.startsWith('Company is filled in'))!;
    await actions.deleteScoringRuleAction({ ruleId: company.id });
    await drain();
    expect(score(lead)).toBe(0);
  });

  test('decay lowers engagement points of old submissions as months pass, through the daily job', async () => {
    const now = Date.now();
    const fresh = addLead({});
    const old = addLead({});
    submit(fresh, now);
    submit(old, now - 3 * MONTH - DAY);
    await actions.addScoringRuleAction(form({ kind: 'engagement', event: 'note', points: '2' })); // any rule change: rescore with no decay
    await drain();
    expect([score(fresh), score(old)]).toEqual([10, 10]);

    await actions.updateLeadSettingsAction(form({ updatedAt: String(getLeadSettings(db).version), leadHotThreshold: '50', leadFirstContactHours: '4', leadEngagementDecayPct: '50' }));
    await drain();
    expect([score(fresh), score(old)]).toEqual([10, 1]); // 10 × 0.5³ = 1.25
    const detail = JSON.parse(one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'score' order by id desc limit 1`, old).detail);
    expect(detail).toEqual({ why: 'Engagement decay changed', reasons: [{ ruleId: expect.any(Number), label: 'Each form submission', points: 1 }] });

    // Two months later the daily schedule's job fades the fresh one too.
    const later = () => now + 2 * MONTH + DAY;
    const result = await rescoreOpenLeads(db, { reason: 'decay', userId: null }, { now: later, progress: () => undefined, signal: new AbortController().signal });
    expect(result).toEqual({ leads: 2, changed: 2 });
    expect([score(fresh), score(old)]).toEqual([3, 0]); // 2.5 → 3 (half away from zero); 0.16 → 0
    expect(JSON.parse(one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'score' order by id desc limit 1`, fresh).detail).why).toBe('Engagement faded with time');
  });

  test('the daily job does nothing while engagement never fades', async () => {
    addLead({ title: 'Director' });
    expect(await rescoreOpenLeads(db, { reason: 'decay', userId: null }, { now: Date.now, progress: () => undefined, signal: new AbortController().signal })).toEqual({ leads: 0, changed: 0 });
  });

  test('the migration adds the daily schedule, and the worker runs it', async () => {
    expect(one('select kind, cron, payload, enabled from job_schedules where name = ?', 'lead_rescore')).toEqual({ kind: 'lead_rescore', cron: '30 3 * * *', payload: '{"reason":"decay"}', enabled: 1 });
    const lead = addLead({});
    submit(lead, Date.now() - MONTH - DAY);
    db.$client.prepare(`update leads set score = 10, engagement_points = 10 where id = ?`).run(lead);
    db.$client.prepare('update workspace set lead_engagement_decay_pct = 20 where id = 1').run();
    db.$client.prepare(`update job_schedules set last_slot_at = ? where name = 'lead_rescore'`).run(Date.now() - 2 * DAY);
    const worker = createWorker({ db, databaseFile: db.$client.name, handlers: jobHandlers, log: () => undefined });
    worker.tick();
    while (await worker.runNext());
    expect(all<{ schedule: string; state: string; result: string }>(`select schedule, state, result from jobs where kind = 'lead_rescore'`)).toEqual([
      { schedule: 'lead_rescore', state: 'done', result: JSON.stringify({ leads: 1, changed: 1 }) },
    ]);
    expect(score(lead)).toBe(8);
  });
});

describe('predicted likelihood', () => {
  function closedConvertedLead(won: boolean, values: Parameters<typeof addLead>[0]) {
    const deal = Number(
      db.$client.prepare(`insert into deals (title, pipeline_id, stage_id, position, status) values ('Deal', 1, (select min(id) from stages), 'a0', ?)`).run(won ? 'won' : 'lost').lastInsertRowid,
    );
    return addLead({ ...values, status: 'converted', dealId: deal });
  }

  test('null until there is enough history, then a probability learned from it', () => {
    const lead = addLead({ title: 'VP Sales', source: 'Referral', email: 'a@acme.com', country: 'DE' });
    expect(leadLikelihood(db, lead)).toBeNull();
    expect(leadLikelihood(db, 12345)).toBeNull();
    for (let i = 0; i < 9; i++) closedConvertedLead(true, { title: 'VP Sales', source: 'Referral', email: 'x@acme.com', country: 'DE' });
    for (let i = 0; i < 10; i++) closedConvertedLead(false, { title: 'Student', source: 'Cold outreach', email: 'x@gmail.com', country: 'US' });
    // Open deals have no outcome: they do not count.
    const open = Number(db.$client.prepare(`insert into deals (title, pipeline_id, stage_id, position) values ('Open', 1, (select min(id) from stages), 'b0')`).run().lastInsertRowid);
    addLead({ title: 'VP Sales', status: 'converted', dealId: open });
    expect(leadLikelihood(db, lead)).toBeNull(); // 19 closed
    closedConvertedLead(true, { title: 'Head of Sales', source: 'Referral', email: 'y@acme.com', country: 'DE' });
    const likely = leadLikelihood(db, lead)!;
    expect(likely.basedOn).toBe(LIKELIHOOD_MIN_HISTORY);
    expect(likely.probability).toBeGreaterThan(0.9);
    expect(likely.probability).toBeLessThan(1);
    const unlikely = leadLikelihood(db, addLead({ title: 'Student', source: 'Cold outreach', email: 'z@gmail.com', country: 'US' }))!;
    expect(unlikely.probability).toBeLessThan(0.1);
    expect(unlikely.probability).toBeGreaterThan(0);
  });
});
