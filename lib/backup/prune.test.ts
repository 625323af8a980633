import { describe, expect, test } from 'vitest';
import { DEFAULT_KEEP, backupsToPrune, parseKeep } from './prune';

const own = (stamp: string, seq = '') => `keel-${stamp}${seq}.db`;

describe('backupsToPrune', () => {
  const folder = [
    own('2026-12-01T020000Z'),
    own('2026-12-03T020000Z'),
    own('2026-12-03T020000Z', '-2'),
    own('2026-11-30T020000Z'),
    own('2026-12-02T020000Z'),
    // Never ours to delete, however old:
    'big-2020-01-01T000000Z.db',
    'keel.db.before-restore-2020-01-01T000000Z',
    '.keel-2020-01-01T000000Z.db.partial-99',
    'keel-2020-01-01T000000Z.db-journal',
    'README.txt',
    'keel-2020-01-01.db',
  ];

  test.each([
    [1, [own('2026-12-03T020000Z'), own('2026-12-02T020000Z'), own('2026-12-01T020000Z'), own('2026-11-30T020000Z')]],
    [2, [own('2026-12-02T020000Z'), own('2026-12-01T020000Z'), own('2026-11-30T020000Z')]],
    [4, [own('2026-11-30T020000Z')]],
    [5, []],
    [14, []],
  ])('keep %i deletes the oldest of its own files only: %j', (keep, expected) => {
    expect(backupsToPrune('keel', folder, keep)).toEqual(expected);
  });

  test('the same-second backup -2 is newer than the one without a suffix', () => {
    expect(backupsToPrune('keel', folder, 2)).not.toContain(own('2026-12-03T020000Z', '-2'));
    expect(backupsToPrune('keel', folder, 1)).toContain(own('2026-12-03T020000Z'));
  });

  test('an empty folder or a folder of strangers prunes nothing', () => {
    expect(backupsToPrune('keel', [], 1)).toEqual([]);
    expect(backupsToPrune('keel', ['big-2020-01-01T000000Z.db', 'notes'], 1)).toEqual([]);
  });

  test('another prefix prunes its own files', () => {
    expect(backupsToPrune('big', folder, 1)).toEqual([]);
    expect(backupsToPrune('big', [...folder, 'big-2021-01-01T000000Z.db'], 1)).toEqual(['big-2020-01-01T000000Z.db']);
  });

  test.each([0, -1, 2.5, Number.NaN])('keep %s is an error (it would delete the backup just made)', (keep) => {
    expect(() => backupsToPrune('keel', folder, keep)).toThrow(RangeError);
  });
});

describe('parseKeep', () => {
  test.each([
    [undefined, DEFAULT_KEEP],
    ['', DEFAULT_KEEP],
    ['  ', DEFAULT_KEEP],
    ['1', 1],
    ['30', 30],
    [' 7 ', 7],
  ])('%j → %i', (raw, n) => {
    expect(parseKeep(raw)).toBe(n);
  });

  test.each(['0', '-3', '2.5', 'ten', '1e3', '0x10', '99999999999999999999'])('%j is refused with a clear message', (raw) => {
    expect(() => parseKeep(raw)).toThrow(/BACKUP_KEEP must be a whole number of at least 1/);
  });
});
