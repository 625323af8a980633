import { expect, test } from 'vitest';
import { createTestDb } from './support/db';

const db = createTestDb();
const sqlite = db.$client;

test('the migrations create every table of the data model', () => {
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[]).map((t) => t.name);
  expect(tables.sort()).toEqual(
    ['activities', 'companies', 'contacts', 'deal_events', 'deal_stage_history', 'deals', 'login_attempts', 'lost_reasons', 'pipelines', 'stages', 'users', 'workspace'].sort(),
  );
});

test('every foreign key column leads an index', () => {
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[]).map((t) => t.name);
  const missing: string[] = [];
  for (const table of tables) {
    const fks = sqlite.prepare(`pragma foreign_key_list(${table})`).all() as { from: string }[];
    const leading = new Set(
      (sqlite.prepare(`pragma index_list(${table})`).all() as { name: string }[]).map(
        (ix) => (sqlite.prepare(`pragma index_info(${ix.name})`).all() as { name: string; seqno: number }[]).find((c) => c.seqno === 0)?.name,
      ),
    );
    for (const fk of fks) if (!leading.has(fk.from)) missing.push(`${table}.${fk.from}`);
  }
  expect(missing).toEqual([]);
});

test('foreign keys are enforced and WAL is on', () => {
  expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(() => sqlite.prepare(`insert into stages (pipeline_id, position, name, probability_bp) values (999, 0, 'x', 0)`).run()).toThrow(/FOREIGN KEY/);
});
