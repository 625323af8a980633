import { expect, test } from 'vitest';
import { createTestDb } from './support/db';

const db = createTestDb();
const sqlite = db.$client;

test('the migrations create every table of the data model', () => {
  // Derived tables are not the data model: search indexes, and the report rollups (tests/report-rollups.test.ts).
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%_fts%' and name not like 'report_%'`).all() as { name: string }[]).map((t) => t.name);
  expect(tables.sort()).toEqual(
    ['activities', 'companies', 'company_tags', 'contact_tags', 'tags', 'contacts', 'deal_events', 'goals', 'deal_stage_history', 'deals', 'login_attempts', 'lost_reasons', 'pipelines', 'stages', 'users', 'workspace', 'workspace_logo', 'workspace_events', 'sessions', 'password_resets', 'rate_limits', 'products', 'price_lists', 'price_list_items', 'price_tiers', 'quotes', 'quote_numbers', 'quote_lines', 'quote_events', 'task_reassignments', 'jobs', 'job_schedules', 'contact_match_keys', 'company_match_keys', 'contact_duplicate_pairs', 'company_duplicate_pairs', 'duplicate_dismissals', 'record_merges', 'import_batches', 'import_rows', 'import_changes', 'import_mappings', 'leads', 'lead_sources', 'disqualify_reasons', 'lead_tags', 'lead_events', 'web_forms', 'form_submissions', 'lead_scoring_rules'].sort(),
  );
});

test('every foreign key column leads an index', () => {
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%_fts%'`).all() as { name: string }[]).map((t) => t.name);
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

test('contacts and companies are searchable by prefix, and the index follows edits and company renames', () => {
  sqlite.prepare(`insert into companies (id, name, domain) values (900, 'Globex Corporation', 'globex.example')`).run();
  sqlite.prepare(`insert into contacts (id, first_name, last_name, email, phone, company_id) values (900, 'Annabel', 'Lee', 'annabel@globex.example', '+1 555 0100', 900)`).run();
  const find = (q: string) => (sqlite.prepare(`select rowid as id from contacts_fts where contacts_fts match ?`).all(q) as { id: number }[]).map((r) => r.id);
  expect(find('"ann"*')).toEqual([900]);
  expect(find('"glob"*')).toEqual([900]);
  expect(find('"0100"*')).toEqual([900]);
  sqlite.prepare(`update contacts set first_name = 'Bella' where id = 900`).run();
  expect(find('"ann"*')).toEqual([900]); // still found by the email
  expect(find('"bel"*')).toEqual([900]);
  sqlite.prepare(`update companies set name = 'Initech' where id = 900`).run();
  expect(find('"glob"*')).toEqual([900]); // the email domain still says globex
  expect(find('"initech"*')).toEqual([900]);
  expect((sqlite.prepare(`select rowid as id from companies_fts where companies_fts match '"init"*'`).all() as { id: number }[]).map((r) => r.id)).toEqual([900]);
  sqlite.prepare(`delete from contacts where id = 900`).run();
  expect(find('"bel"*')).toEqual([]);
});
