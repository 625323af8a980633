import { expect, test } from 'vitest';
import { seedEmptyWorkspace, seedWorkspace } from '@/db/seed';
import { addDays } from '@/lib/dates';
import { createTestDb } from './support/db';

const today = '2026-11-22';

function snapshot(db: ReturnType<typeof createTestDb>) {
  const s = db.$client;
  return {
    deals: s.prepare('select id, title, value_cents, stage_id, position, status, expected_close_date, closed_at, owner_id from deals order by id').all(),
    history: s.prepare('select deal_id, from_stage_id, to_stage_id, at from deal_stage_history order by id').all(),
    activities: s.prepare('select type, subject, due_date, done_at, deal_id from activities order by id').all(),
    contacts: s.prepare('select first_name, last_name, email, company_id from contacts order by id').all(),
  };
}

test('the demo workspace is the same every time for the same seed and day', () => {
  const a = createTestDb();
  const b = createTestDb();
  seedWorkspace(a, { companies: 20, contacts: 60, deals: 40, seed: 7, today });
  seedWorkspace(b, { companies: 20, contacts: 60, deals: 40, seed: 7, today });
  expect(snapshot(a)).toEqual(snapshot(b));
  const c = createTestDb();
  seedWorkspace(c, { companies: 20, contacts: 60, deals: 40, seed: 8, today });
  expect(snapshot(c).deals).not.toEqual(snapshot(a).deals);
});

test('the demo has the users, the Sales pipeline and deals spread as promised', () => {
  const db = createTestDb();
  seedWorkspace(db, { companies: 150, contacts: 500, deals: 300, seed: 42, today });
  const s = db.$client;
  expect(s.prepare('select email, role from users order by id').all()).toEqual([
    { email: 'owner@demo.local', role: 'admin' },
    { email: 'mia@demo.local', role: 'manager' },
    { email: 'ana@demo.local', role: 'rep' },
    { email: 'ben@demo.local', role: 'rep' },
  ]);
  expect(s.prepare('select name, probability_bp as bp from stages order by position').all()).toEqual([
    { name: 'Lead', bp: 1000 }, { name: 'Qualified', bp: 2500 }, { name: 'Proposal', bp: 5000 }, { name: 'Negotiation', bp: 7500 },
  ]);
  const counts = s.prepare('select (select count(*) from companies) as companies, (select count(*) from contacts) as contacts, (select count(*) from deals) as deals, (select count(*) from activities) as activities').get();
  expect(counts).toEqual({ companies: 150, contacts: 500, deals: 300, activities: 1500 });

  const open = s.prepare(`select min(expected_close_date) as first, max(expected_close_date) as last, count(*) as n from deals where status = 'open'`).get() as { first: string; last: string; n: number };
  expect(open.n).toBeGreaterThan(120);
  expect(open.last <= addDays(today, 183)).toBe(true);
  const closed = s.prepare(`select status, count(*) as n, min(closed_at) as first from deals where status != 'open' group by status`).all() as { status: string; n: number; first: number }[];
  expect(closed.map((c) => c.status).sort()).toEqual(['lost', 'won']);
  for (const c of closed) expect(c.first).toBeGreaterThan(Date.parse(`${addDays(today, -366)}T00:00:00Z`));
  // Every deal's history starts at the first stage and ends where the deal is.
  const mismatched = s.prepare(
    `select count(*) as n from deals d where d.stage_id != (select h.to_stage_id from deal_stage_history h where h.deal_id = d.id order by h.at desc, h.id desc limit 1)`,
  ).get() as { n: number };
  expect(mismatched.n).toBe(0);
  // Board positions are unique within each open column.
  const dupes = s.prepare(`select count(*) as n from (select stage_id, position from deals where status = 'open' group by 1, 2 having count(*) > 1)`).get() as { n: number };
  expect(dupes.n).toBe(0);
  // A catalogue with tiers and a trade list, and quotes whose stored totals add up from their lines.
  expect(s.prepare('select (select count(*) from products) as products, (select count(*) from price_tiers) as tiers, (select count(*) from companies where price_list_id is not null) as onList').get()).toEqual({ products: 11, tiers: 4, onList: 15 });
  const quotes = s.prepare(`select count(*) as n, sum(status = 'sent') as sent from quotes`).get() as { n: number; sent: number };
  expect(quotes.n).toBeGreaterThan(20);
  expect(quotes.sent).toBeGreaterThan(10);
  const wrong = s.prepare('select count(*) as n from quotes q where net_cents != (select sum(net_cents) from quote_lines where quote_id = q.id) or total_cents != net_cents + tax_cents').get() as { n: number };
  expect(wrong.n).toBe(0);
});

test('seeding refuses a database that already has users; an empty workspace gets one admin', () => {
  const db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Admin', email: 'Boss@Example.test', password: 'long-enough' });
  expect(db.$client.prepare('select email, role from users').all()).toEqual([{ email: 'boss@example.test', role: 'admin' }]);
  expect(db.$client.prepare('select count(*) as n from stages').get()).toEqual({ n: 4 });
  expect(() => seedWorkspace(db, { companies: 1, contacts: 1, deals: 1, seed: 1, today })).toThrow(/already has users/);
});
