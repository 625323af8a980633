import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { logActivity } from '@/db/queries/activity-log';
import {
  countNewLeads, createLead, getLead, iterateLeads, leadsWithEmail, leadTimeline, listLeads, listLeadTasks, setLeadStatus, updateLead,
} from '@/db/queries/leads';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { AppError } from '@/lib/errors';
import { parseLeadFilters } from '@/lib/leads/list-filters';
import { leadSchema } from '@/lib/leads/schemas';
import { createTestDb } from './support/db';

// The leads core against a real migrated database (its starting sources, reasons and scoring rules
// come from migration 0023): create and edit with history, the score and why, the first-contact
// task, statuses, the inbox's filters and search, and who sees what.

let db: Db;
let admin: SessionUser;
let mia: SessionUser;
let ana: SessionUser;
let ben: SessionUser;

const lead = (fields: Record<string, unknown>) => leadSchema.parse({ tags: '', ...fields });
const filters = (params: Record<string, string> = {}) => parseLeadFilters(params);
const T0 = Date.UTC(2026, 11, 1, 15, 0); // Tuesday 1 December 2026, 15:00 UTC

function addUser(name: string, email: string, role: SessionUser['role']): SessionUser {
  const id = Number(db.$client.prepare(`insert into users (name, email, password_hash, role) values (?, ?, 'x', ?)`).run(name, email, role).lastInsertRowid);
  return { id, name, email, role };
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia Owner', email: 'owner@example.test', password: 'secret-password' });
  admin = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
  mia = addUser('Mia Manager', 'mia@example.test', 'manager');
  ana = addUser('Ana Rivera', 'ana@example.test', 'rep');
  ben = addUser('Ben Carter', 'ben@example.test', 'rep');
});

const events = (id: number, kind: string) => leadTimeline(db, id).filter((e) => e.type === 'event' && e.kind === kind);

describe('a lead typed in by hand', () => {
  test('is scored by the starting rules, with the reasons on its timeline', () => {
    const { id } = createLead(db, lead({ firstName: 'Dora', lastName: 'Diaz', email: 'dora@acme.example', title: 'Sales Director', companyName: 'Acme' }), ana, T0);
    const l = getLead(db, id, ana)!;
    // Job title contains director +15, company is filled in +5; a company email is not free mail.
    expect(l).toMatchObject({ name: 'Dora Diaz', status: 'new', score: 20, fitPoints: 20, engagementPoints: 0, ownerId: ana.id, spam: false });
    const [score] = events(id, 'score');
    expect(JSON.parse(score.detail!)).toEqual({
      why: 'Created',
      reasons: [
        { ruleId: expect.any(Number), label: 'Job title contains “director”', points: 15 },
        { ruleId: expect.any(Number), label: 'Company is filled in', points: 5 },
      ],
    });
    expect([score.fromValue, score.toValue]).toEqual(['0', '20']);
    // A rep's own lead gives no task to themselves.
    expect(listLeadTasks(db, id)).toEqual([]);
  });

  test('a free-mail address costs points; a name or an email is required', () => {
    const { id } = createLead(db, lead({ email: 'someone@gmail.com' }), ana, T0);
    expect(getLead(db, id, ana)).toMatchObject({ name: 'someone@gmail.com', score: -10 });
    expect(leadSchema.safeParse({ tags: '', phone: '555' }).error?.issues[0]).toMatchObject({ path: ['firstName'], message: 'Enter a name or an email' });
    expect(leadSchema.safeParse({ tags: '', firstName: 'X', website: 'not a site' }).error?.issues[0]?.message).toBe('Enter a website like example.com');
  });

  test('given to someone else, it gives them a "First contact" task due within four working hours', () => {
    db.$client.prepare(`update workspace set timezone = 'America/New_York'`).run();
    // Tuesday 15:00 UTC is 10:00 in New York: due at 14:00 the same day.
    const { id } = createLead(db, lead({ firstName: 'Eve', ownerId: ana.id }), mia, T0);
    const [task] = listLeadTasks(db, id);
    expect(task).toMatchObject({ subject: 'First contact: Eve', dueDate: '2026-12-01', ownerName: 'Ana Rivera' });
    expect(countNewLeads(db, ana.id)).toBe(1);
    const body = (db.$client.prepare('select body from activities where id = ?').get(task.id) as { body: string }).body;
    expect(body).toBe('A new lead. Get in touch by 2:00 PM EST on 2026-12-01.');
  });
});

describe('working a lead', () => {
  test('a logged call is its first contact: New becomes Contacted, and the call counts towards its score', () => {
    const { id } = createLead(db, lead({ firstName: 'Finn', companyName: 'Finn AB' }), ana, T0);
    logActivity(db, { type: 'call', subject: 'Intro call', date: '2026-12-01', contactId: null, companyId: null, dealId: null, leadId: id, followUp: false }, ana, T0 + 60_000, '2026-12-01');
    const l = getLead(db, id, ana)!;
    expect(l).toMatchObject({ status: 'contacted', score: 10, engagementPoints: 5 });
    expect(events(id, 'status').map((e) => [e.fromValue, e.toValue])).toEqual([['new', 'contacted']]);
    expect(leadTimeline(db, id).find((e) => e.type === 'activity')).toMatchObject({ kind: 'call', title: 'Intro call' });
  });

  test('disqualifying needs a reason; a stale version and a converted lead are refused', () => {
    const { id } = createLead(db, lead({ firstName: 'Gus' }), ana, T0);
    const reason = db.$client.prepare(`select id from disqualify_reasons where name = 'No budget'`).get() as { id: number };
    setLeadStatus(db, { leadId: id, version: 1, status: 'qualified', disqualifyReasonId: null }, ana, T0);
    expect(() => setLeadStatus(db, { leadId: id, version: 1, status: 'contacted', disqualifyReasonId: null }, ana, T0)).toThrow(/Someone else changed this lead/);
    setLeadStatus(db, { leadId: id, version: 2, status: 'disqualified', disqualifyReasonId: reason.id }, ana, T0);
    expect(getLead(db, id, ana)).toMatchObject({ status: 'disqualified', disqualifyReason: 'No budget' });
    expect(JSON.parse(events(id, 'status')[0].detail!)).toEqual({ reason: 'No budget' });
    db.$client.prepare(`update leads set status = 'converted' where id = ?`).run(id);
    expect(() => setLeadStatus(db, { leadId: id, version: 3, status: 'new', disqualifyReasonId: null }, ana, T0)).toThrow('This lead has been converted: open its contact instead.');
  });

  test('an edit keeps the old values in its history and scores again; a stale form is refused', () => {
    const { id } = createLead(db, lead({ firstName: 'Hana', email: 'hana@old.example', title: 'Engineer' }), ana, T0);
    updateLead(db, id, 1, lead({ firstName: 'Hana', email: 'hana@new.example', title: 'Director of Ops', ownerId: null }), ana, T0 + 1000);
    const [update] = events(id, 'update');
    expect(JSON.parse(update.detail!)).toEqual({ before: { email: 'hana@old.example', title: 'Engineer' } });
    expect(getLead(db, id, ana)).toMatchObject({ email: 'hana@new.example', score: 15, version: 2 });
    expect(() => updateLead(db, id, 1, lead({ firstName: 'Late' }), ana)).toThrow(AppError);
  });
});

describe('the inbox', () => {
  test('sorted by score by default; filters by status, owner, source and hot; search by any word', () => {
    const referral = (db.$client.prepare(`select id from lead_sources where name = 'Referral'`).get() as { id: number }).id;
    const low = createLead(db, lead({ firstName: 'Low', lastName: 'Score' }), ana, T0).id;
    const high = createLead(db, lead({ firstName: 'Vera', lastName: 'Quist', title: 'Director', companyName: 'Quist Oy', email: 'vera@quist.example', sourceId: referral }), ben, T0).id;
    const ids = (params: Record<string, string>, viewer: SessionUser = admin) => listLeads(db, filters(params), viewer).rows.map((r) => r.id);
    expect(ids({})).toEqual([high, low]);
    expect(ids({ sort: 'score', dir: 'asc' })).toEqual([low, high]);
    expect(ids({ source: String(referral) })).toEqual([high]);
    expect(ids({ owner: 'me' }, ben)).toEqual([high]);
    db.$client.prepare('update workspace set lead_hot_threshold = 20').run();
    expect(ids({ hot: '1' })).toEqual([high]);
    for (const q of ['ver', 'quis', 'vera@quist', 'quist oy']) expect(ids({ q }), q).toEqual([high]);
    setLeadStatus(db, { leadId: low, version: 1, status: 'disqualified', disqualifyReasonId: 1 }, ana, T0);
    expect(ids({})).toEqual([high]);
    expect(ids({ status: 'disqualified' })).toEqual([low]);
    expect(ids({ status: 'all' })).toEqual([high, low]);
    // Spam is kept apart.
    db.$client.prepare('update leads set spam = 1 where id = ?').run(high);
    expect(ids({})).toEqual([]);
    expect(ids({ spam: '1' })).toEqual([high]);
    expect([...iterateLeads(db, filters({ status: 'all' }), admin)].flat().map((r) => r.id)).toEqual([low]);
  });

  test('with "Reps see: own", a rep sees only their own leads, and a lead out of sight reads as missing', () => {
    db.$client.prepare(`update workspace set reps_see = 'own'`).run();
    const anas = createLead(db, lead({ firstName: 'Ana’s', email: 'shared@example.com' }), ana, T0).id;
    const bens = createLead(db, lead({ firstName: 'Ben’s', email: 'shared@example.com' }), ben, T0).id;
    expect(listLeads(db, filters(), ana).rows.map((r) => r.id)).toEqual([anas]);
    expect(getLead(db, bens, ana)).toBeNull();
    expect(leadsWithEmail(db, 'shared@example.com', ana, null).map((l) => l.id)).toEqual([anas]);
    expect(leadsWithEmail(db, 'shared@example.com', mia, anas).map((l) => l.id)).toEqual([bens]);
    expect(() => updateLead(db, bens, 1, lead({ firstName: 'Mine now' }), ana)).toThrow('This lead no longer exists.');
    expect(listLeads(db, filters(), mia).total).toBe(2);
  });
});
