import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { addLeadListItem, listLeadList, moveLeadListItem, renameLeadListItem, setLeadListItemActive } from '@/db/queries/lead-lists';
import { createLead, getLead, listDisqualifyReasons, listLeadSources } from '@/db/queries/leads';
import { listLeadScoringHistory } from '@/db/queries/lead-scoring';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { describeLeadHistory } from '@/lib/leads/scoring';
import { leadSchema } from '@/lib/leads/schemas';
import { createTestDb } from './support/db';

// The admin's lead lists (sources and disqualify reasons) on a real migrated database: the starting
// lists, names unique in any case, renames the leads follow, order, switching off, and the history.

let db: Db;
const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'secret-password' });
});

const names = (kind: 'sources' | 'reasons') => listLeadList(db, kind).map((i) => `${i.label}${i.active ? '' : ' (off)'}`);

test('sources: added at the end, unique in any case, renamed with the leads following, moved, switched off but kept', () => {
  expect(names('sources')).toEqual(['Website form', 'Referral', 'Trade show', 'Inbound call', 'Cold outreach', 'Import', 'Other']);
  const { id } = addLeadListItem(db, 'sources', 'Podcast', admin);
  expect(names('sources').at(-1)).toBe('Podcast');
  expect(() => addLeadListItem(db, 'sources', 'podcast', admin)).toThrow('That name is already on the list.');
  const lead = createLead(db, leadSchema.parse({ firstName: 'Pia', tags: '', sourceId: id }), admin).id;
  renameLeadListItem(db, 'sources', id, 'Podcasts', admin);
  expect(getLead(db, lead, admin)?.sourceName).toBe('Podcasts');
  moveLeadListItem(db, 'sources', id, 'up');
  expect(names('sources').slice(-2)).toEqual(['Podcasts', 'Other']);
  setLeadListItemActive(db, 'sources', id, false, admin);
  expect(listLeadSources(db).map((s) => s.name)).not.toContain('Podcasts');
  expect(names('sources')).toContain('Podcasts (off)');
  expect(getLead(db, lead, admin)?.sourceName).toBe('Podcasts');
  expect(listLeadScoringHistory(db, 10).map((h) => describeLeadHistory(h))).toEqual([
    'Lead source: Podcasts → Podcasts (off)',
    'Lead source: Podcast → Podcasts',
    'Lead source added: Podcast',
  ]);
});

test('disqualify reasons: the same rules, and a switched-off reason is no longer offered', () => {
  const reasons = listLeadList(db, 'reasons');
  expect(reasons.map((r) => r.label)).toEqual(['No budget', 'Not a fit', 'No response', 'Went with a competitor', 'Spam or fake', 'Other']);
  setLeadListItemActive(db, 'reasons', reasons[0].id, false, admin);
  expect(listDisqualifyReasons(db).map((r) => r.name)).not.toContain('No budget');
  setLeadListItemActive(db, 'reasons', reasons[0].id, true, admin);
  expect(listDisqualifyReasons(db).map((r) => r.name)[0]).toBe('No budget');
  expect(() => renameLeadListItem(db, 'reasons', 9999, 'X', admin)).toThrow('That item no longer exists. Reload the page.');
});
