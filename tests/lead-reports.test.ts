import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { listHotLeads, listNewLeads } from '@/db/queries/dashboard';
import { getReportTable, type ReportQuery } from '@/db/queries/reports';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { createTestDb } from './support/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2026, 9, 1); // 1 Oct 2026
const q: ReportQuery = { fromMs: t0, toMs: Date.UTC(2026, 11, 1), from: '2026-10-01', to: '2026-11-30', timeZone: 'UTC', pipelineId: 1, now: Date.UTC(2026, 11, 1) };

let db: Db;
let ana: SessionUser;
let ben: SessionUser;
let mia: SessionUser;

const sourceId = (name: string) => (db.$client.prepare('select id from lead_sources where name = ?').get(name) as { id: number }).id;

/** A lead with what happened to it: its status now, its first contact (hours after arrival), a deal and how it ended, history. */
function lead(o: { owner: number | null; source: string | null; day: number; status?: string; contactedAfterH?: number; deal?: { status: 'open' | 'won' | 'lost'; cents: number }; wasQualified?: boolean; score?: number; spam?: boolean }) {
  const created = t0 + o.day * DAY;
  let dealId: number | null = null;
  if (o.deal) {
    dealId = Number(
      db.$client
        .prepare(`insert into deals (title, value_cents, pipeline_id, stage_id, position, status, owner_id, source, created_at, closed_at) values ('d', ?, 1, 1, 'a0', ?, ?, ?, ?, ?)`)
        .run(o.deal.cents, o.deal.status, o.owner, o.source, created + DAY, o.deal.status === 'open' ? null : created + 10 * DAY).lastInsertRowid,
    );
  }
  const id = Number(
    db.$client
      .prepare(
        `insert into leads (first_name, last_name, company_name, owner_id, source_id, status, score, spam, first_contacted_at, deal_id, created_at, updated_at)
         values ('Lead', ?, 'Co', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(String(o.day), o.owner, o.source ? sourceId(o.source) : null, o.status ?? (dealId ? 'converted' : 'new'), o.score ?? 0, o.spam ? 1 : 0,
        o.contactedAfterH === undefined ? null : created + o.contactedAfterH * HOUR, dealId, created, created).lastInsertRowid,
  );
  if (o.wasQualified) db.$client.prepare(`insert into lead_events (lead_id, kind, from_value, to_value, at) values (?, 'status', 'contacted', 'qualified', ?)`).run(id, created + DAY);
  return id;
}

beforeAll(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
  mia = createUser(db, { name: 'Mia', email: 'mia@example.test', role: 'manager', password: 'password1' });
  // Website form: 4 leads in the period. One won (5,000), one lost, one qualified then disqualified, one new.
  lead({ owner: ana.id, source: 'Website form', day: 1, contactedAfterH: 2, deal: { status: 'won', cents: 500_000 } });
  lead({ owner: ana.id, source: 'Website form', day: 2, contactedAfterH: 4, deal: { status: 'lost', cents: 300_000 } });
  lead({ owner: ben.id, source: 'Website form', day: 3, contactedAfterH: 30, status: 'disqualified', wasQualified: true });
  lead({ owner: ana.id, source: 'Website form', day: 4, status: 'new', score: 70 });
  // Referral: 2 leads; one won (1,000) and one qualified now.
  lead({ owner: ben.id, source: 'Referral', day: 5, contactedAfterH: 1, deal: { status: 'won', cents: 100_000 } });
  lead({ owner: ben.id, source: 'Referral', day: 6, contactedAfterH: 5, status: 'qualified', score: 55 });
  // No source, no owner: contacted after 10 hours, still contacted.
  lead({ owner: null, source: null, day: 7, contactedAfterH: 10, status: 'contacted' });
  // Left out: before the period, and spam.
  lead({ owner: ana.id, source: 'Website form', day: -3, contactedAfterH: 100, deal: { status: 'won', cents: 9_900_000 } });
  lead({ owner: ana.id, source: 'Website form', day: 8, spam: true, score: 90 });
  // For the dashboard: Ana's hot converted lead (not open) and a hot disqualified one are not hot leads.
  lead({ owner: ana.id, source: 'Referral', day: 9, status: 'disqualified', score: 99 });
});

describe('lead reports', () => {
  test('leads by source: created in the period, share qualified, to a deal, to a won deal, won value', () => {
    expect(getReportTable(db, 'leads-by-source', q)).toEqual([
      // 4 leads: qualified = 2 converted + 1 once qualified, now disqualified (75%); 2 deals (50%); 1 won (25%).
      { name: 'Website form', leads: 4, qualifiedBp: 7_500, dealBp: 5_000, wonBp: 2_500, wonCents: 500_000 },
      // 3 leads: 1 converted and won, 1 qualified now, 1 disqualified without ever being qualified.
      { name: 'Referral', leads: 3, qualifiedBp: 6_667, dealBp: 3_333, wonBp: 3_333, wonCents: 100_000 },
      { name: 'No source', leads: 1, qualifiedBp: 0, dealBp: 0, wonBp: 0, wonCents: 0 },
    ]);
  });

  test('median time to first contact per owner, fastest first; leads never contacted are counted but not timed', () => {
    expect(getReportTable(db, 'lead-first-contact', q)).toEqual([
      { name: 'Ana', leads: 4, contacted: 2, medianHours: 3 }, // 2 h and 4 h; the day-4 and day-9 leads never contacted
      { name: 'Ben', leads: 3, contacted: 3, medianHours: 5 }, // 30, 1 and 5 h
      { name: 'No owner', leads: 1, contacted: 1, medianHours: 10 },
    ]);
  });

  test('the lead funnel counts the period’s leads by status now, in the statuses’ order', () => {
    expect(getReportTable(db, 'lead-funnel', q)).toEqual([
      { name: 'New', leads: 1, shareBp: 1_250 },
      { name: 'Contacted', leads: 1, shareBp: 1_250 },
      { name: 'Qualified', leads: 1, shareBp: 1_250 },
      { name: 'Disqualified', leads: 2, shareBp: 2_500 },
      { name: 'Converted', leads: 3, shareBp: 3_750 },
    ]);
    expect(getReportTable(db, 'lead-funnel', { ...q, fromMs: Date.UTC(2027, 0, 1), toMs: Date.UTC(2027, 1, 1) })).toEqual([]);
  });
});

describe('dashboard leads', () => {
  test("a rep's new leads are their own leads in status New, newest first, spam left out", () => {
    expect(listNewLeads(db, ana, ana.id)).toMatchObject({ total: 1, leads: [{ name: 'Lead 4', status: 'new', sourceName: 'Website form', ownerName: 'Ana' }] });
    expect(listNewLeads(db, ben, ben.id)).toEqual({ total: 0, leads: [] });
    // The team's, for a manager.
    expect(listNewLeads(db, mia, null).total).toBe(1);
  });

  test("hot leads score at least the threshold and are still open; best first", () => {
    expect(listHotLeads(db, ana, ana.id, 50)).toMatchObject({ total: 1, leads: [{ name: 'Lead 4', score: 70 }] });
    expect(listHotLeads(db, ana, ana.id, 71)).toEqual({ total: 0, leads: [] });
    expect(listHotLeads(db, mia, null, 50).leads.map((l) => [l.name, l.score])).toEqual([
      ['Lead 4', 70],
      ['Lead 6', 55],
    ]);
    expect(listHotLeads(db, ben, ben.id, 50).leads.map((l) => l.score)).toEqual([55]);
  });

  test("with reps seeing only their own, a rep never gets another's leads, even asking for the team", () => {
    db.$client.prepare(`update workspace set reps_see = 'own'`).run();
    try {
      expect(listHotLeads(db, ben, null, 50).leads.map((l) => l.name)).toEqual(['Lead 6']);
      expect(listNewLeads(db, ben, null).total).toBe(0);
    } finally {
      db.$client.prepare(`update workspace set reps_see = 'everything'`).run();
    }
  });
});
