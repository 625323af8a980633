import { expect, test } from 'vitest';
import { compareSchema, type AppliedMigration, type KnownMigration } from './schema-version';

const known: KnownMigration[] = [
  { hash: 'a', folderMillis: 100 },
  { hash: 'b', folderMillis: 200 },
  { hash: 'c', folderMillis: 300 },
];
const applied = (...rows: [string, number][]): AppliedMigration[] => rows.map(([hash, createdAt]) => ({ hash, createdAt }));

test.each([
  ['no migrations applied', applied(), { kind: 'empty' }],
  ['all applied', applied(['a', 100], ['b', 200], ['c', 300]), { kind: 'ok', applied: 3, known: 3, pending: 0, unknownHashes: 0 }],
  ['an older backup', applied(['a', 100]), { kind: 'ok', applied: 1, known: 3, pending: 2, unknownHashes: 0 }],
  ['rows in any order', applied(['b', 200], ['a', 100]), { kind: 'ok', applied: 2, known: 3, pending: 1, unknownHashes: 0 }],
  ['a migration edited after it ran', applied(['a', 100], ['B!', 200]), { kind: 'ok', applied: 2, known: 3, pending: 1, unknownHashes: 1 }],
  ['a migration this code does not have', applied(['a', 100], ['b', 200], ['c', 300], ['d', 400]), { kind: 'newer', applied: 4, known: 3 }],
  ['a newer migration time alone', applied(['a', 100], ['x', 350]), { kind: 'newer', applied: 2, known: 3 }],
  ['more rows than migrations', applied(['a', 100], ['a', 100], ['b', 200], ['c', 300]), { kind: 'newer', applied: 4, known: 3 }],
])('%s', (_name, rows, verdict) => {
  expect(compareSchema(rows, known)).toEqual(verdict);
});

test('code without migrations knows no schema', () => {
  expect(compareSchema(applied(['a', 100]), [])).toEqual({ kind: 'newer', applied: 1, known: 0 });
});
