import { beforeAll, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { iterateDeals, listDeals } from '@/db/queries/deal-list';
import { createDeal } from '@/db/queries/deals';
import type { SessionUser } from '@/db/queries/users';
import { seedWorkspace } from '@/db/seed';
import { csvLines } from '@/lib/csv';
import { dealCsvRow } from '@/lib/deals/csv';
import { parseDealFilters } from '@/lib/deals/filters';
import { parseDealListParams, type DealListView } from '@/lib/deals/list-sort';
import { PAGE_SIZE } from '@/lib/list/params';
import { createTestDb } from './support/db';

let db: Db;
const mia: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' };
const ana: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' };

const sorted = (sort: DealListView['sort'], dir: 'asc' | 'desc' = 'asc', page = 1): DealListView => ({ sort, dir, page });
const filters = (params: Record<string, string>, user: SessionUser = mia) => parseDealFilters(params, user.role);
const count = (where: string, ...args: unknown[]) => (db.$client.prepare(`select count(*) as n from deals d where ${where}`).get(...args) as { n: number }).n;
/** Every row of a filter, walking the pages the way a user would. */
function allPages(f: ReturnType<typeof filters>, sort: DealListView['sort'], dir: 'asc' | 'desc', user: SessionUser = mia) {
  const rows = [];
  for (let page = 1; ; page++) {
    const result = listDeals(db, f, user, sorted(sort, dir, page));
    if (result.page < page) break;
    rows.push(...result.rows);
  }
  return rows;
}

beforeAll(() => {
  db = createTestDb();
  seedWorkspace(db, { companies: 20, contacts: 60, deals: 160, activities: 0, seed: 11, today: '2026-11-22' });
  // An open deal without a close date, company or contact, and with formula-like text.
  createDeal(db, { title: '=cmd|"/c calc"!A1', valueCents: 123_450, pipelineId: 1, stageId: 2, expectedCloseDate: null, companyId: null, contactId: null, source: '@risky', ownerId: 3 }, mia, Date.UTC(2026, 10, 22, 10));
});

test('the filters choose the same deals as SQL says: owner, status, search and close dates', () => {
  expect(listDeals(db, filters({}), mia, sorted('close')).total).toBe(count("status = 'open'"));
  // A rep sees their own deals by default, and everyone's when they pick "Everyone".
  const mine = listDeals(db, filters({}, ana), ana, sorted('close'));
  expect(mine.total).toBe(count("status = 'open' and owner_id = 3"));
  expect(mine.rows.every((r) => r.owner === 'Ana Rivera')).toBe(true);
  expect(listDeals(db, filters({ owner: 'all' }, ana), ana, sorted('close')).total).toBe(count("status = 'open'"));
  expect(listDeals(db, filters({ owner: '4' }), mia, sorted('close')).rows.every((r) => r.owner === 'Ben Carter')).toBe(true);

  const lost = listDeals(db, filters({ status: 'lost' }), mia, sorted('close'));
  expect(lost.total).toBe(count("status = 'lost'"));
  expect(lost.rows.every((r) => r.status === 'lost' && r.lostReason && r.closedAt)).toBe(true);

  const ranged = allPages(filters({ from: '2026-12-01', to: '2026-12-31' }), 'close', 'asc');
  expect(ranged.length).toBe(count("status = 'open' and expected_close_date between '2026-12-01' and '2026-12-31'"));
  expect(ranged.every((r) => r.expectedCloseDate! >= '2026-12-01' && r.expectedCloseDate! <= '2026-12-31')).toBe(true);

  const some = lost.rows[0];
  const found = listDeals(db, filters({ status: 'lost', q: some.title.slice(0, 12) }), mia, sorted('title'));
  expect(found.rows.map((r) => r.id)).toContain(some.id);
  expect(listDeals(db, filters({ q: 'no deal is called this' }), mia, sorted('title'))).toEqual({ rows: [], total: 0, page: 1 });
});

test.each([
  ['value', 'asc', (r: { valueCents: number }) => r.valueCents],
  ['value', 'desc', (r: { valueCents: number }) => r.valueCents],
  ['title', 'asc', (r: { title: string }) => r.title.toLowerCase()],
  ['created', 'desc', (r: { createdAt: number }) => r.createdAt],
] as const)('sorting by %s %s is done in SQL across pages', (sort, dir, key) => {
  const rows = allPages(filters({ owner: 'all' }), sort, dir);
  expect(rows.length).toBe(count("status = 'open'"));
  const keys = rows.map((r) => key(r as never) as number | string);
  const expected = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (dir === 'asc' ? 1 : -1));
  expect(keys).toEqual(expected);
});

test('deals without a close date sort last whichever the direction', () => {
  for (const dir of ['asc', 'desc'] as const) {
    const rows = allPages(filters({}), 'close', dir);
    expect(rows[rows.length - 1].expectedCloseDate).toBeNull();
    const dated = rows.filter((r) => r.expectedCloseDate !== null).map((r) => r.expectedCloseDate!);
    expect(dated).toEqual([...dated].sort((a, b) => (dir === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
  }
});

test('pages hold 50 deals each without overlap, and a page past the end shows the last one', () => {
  const total = count("status = 'open'");
  expect(total).toBeGreaterThan(PAGE_SIZE * 1.5);
  const first = listDeals(db, filters({}), mia, sorted('stage'));
  const second = listDeals(db, filters({}), mia, sorted('stage', 'asc', 2));
  expect(first.rows).toHaveLength(PAGE_SIZE);
  expect(second.page).toBe(2);
  expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(first.rows.length + second.rows.length);
  const last = Math.ceil(total / PAGE_SIZE);
  const beyond = listDeals(db, filters({}), mia, sorted('stage', 'asc', 999));
  expect(beyond.page).toBe(last);
  expect(beyond.rows).toHaveLength(total - (last - 1) * PAGE_SIZE);
  expect(new Set(allPages(filters({}), 'owner', 'desc').map((r) => r.id)).size).toBe(total);
});

test('sort, direction and page come from the URL and fall back to defaults when they are junk', () => {
  expect(parseDealListParams({ sort: 'value', dir: 'desc', page: '3' })).toEqual({ sort: 'value', dir: 'desc', page: 3 });
  expect(parseDealListParams({ sort: 'value; drop table deals', dir: 'sideways', page: '0' })).toEqual({ sort: 'close', dir: 'asc', page: 1 });
  expect(parseDealListParams({ sort: ['owner', 'title'], page: '2.5' })).toEqual({ sort: 'owner', dir: 'asc', page: 1 });
});

test('the export reads the same filtered deals in batches, and maps each to a guarded CSV row', () => {
  const f = filters({ status: 'won' });
  const batches = [...iterateDeals(db, f, mia, 7)];
  expect(batches.every((b) => b.length <= 7)).toBe(true);
  const exported = batches.flat();
  expect(exported.map((r) => r.id)).toEqual(allPages(f, 'created', 'asc').map((r) => r.id).sort((a, b) => a - b));
  expect(exported.every((r) => r.status === 'won')).toBe(true);

  const [risky] = [...iterateDeals(db, filters({ q: 'calc' }), mia)].flat();
  expect(csvLines([dealCsvRow(risky, 'USD')])).toBe(
    `${risky.id},"'=cmd|""/c calc""!A1",1234.50,USD,Sales,Qualified,25,308.63,open,,Ana Rivera,,,'@risky,2026-11-22T10:00:00.000Z,,\r\n`,
  );
  // A rep's export follows the owner filter like their list does.
  const repRows = [...iterateDeals(db, filters({}, ana), ana)].flat();
  expect(repRows.length).toBe(count("status = 'open' and owner_id = 3"));
});
