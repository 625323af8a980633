import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { asideFileName, backupDirectory, backupFileName, backupPrefix, backupStamp, parseBackupFileName, parseBackupStamp, partialFileName } from './naming';

describe('backupStamp', () => {
  test.each([
    ['2026-12-03T10:15:00.000Z', '2026-12-03T101500Z'],
    ['2026-12-03T10:15:00.999Z', '2026-12-03T101500Z'],
    ['2028-02-29T23:59:59.000Z', '2028-02-29T235959Z'],
    ['2027-01-01T00:00:00.000Z', '2027-01-01T000000Z'],
    // A time-zone offset in the input is still written in UTC.
    ['2026-12-03T23:30:00.000-02:00', '2026-12-04T013000Z'],
  ])('%s → %s', (iso, stamp) => {
    expect(backupStamp(new Date(iso))).toBe(stamp);
  });

  test('an invalid date is an error, not "NaN"', () => {
    expect(() => backupStamp(new Date('nope'))).toThrow(RangeError);
  });

  test('sorting stamps as text sorts them by time', () => {
    const dates = ['2027-01-01T00:00:00Z', '2026-12-31T23:59:59Z', '2026-02-01T09:00:00Z', '2026-11-30T10:00:00Z'];
    const stamps = dates.map((d) => backupStamp(new Date(d)));
    expect([...stamps].sort()).toEqual([...dates].sort((a, b) => Date.parse(a) - Date.parse(b)).map((d) => backupStamp(new Date(d))));
  });
});

describe('parseBackupStamp', () => {
  test.each([
    ['2026-12-03T101500Z', Date.UTC(2026, 11, 3, 10, 15, 0)],
    ['2028-02-29T000000Z', Date.UTC(2028, 1, 29)],
    ['2027-02-29T000000Z', null], // not a leap year
    ['2026-02-30T000000Z', null],
    ['2026-12-03T246000Z', null],
    ['2026-12-03T10:15:00Z', null],
    ['2026-12-03T101500', null],
    ['', null],
  ])('%s → %s', (stamp, ms) => {
    expect(parseBackupStamp(stamp)).toBe(ms);
  });
});

describe('backupPrefix', () => {
  test.each([
    ['keel.db', 'keel'],
    ['big.db', 'big'],
    ['keel.sqlite3', 'keel'],
    ['keel', 'keel'],
    ['my.company.db', 'my.company'],
    ['.db', '.db'],
  ])('%s → %s', (file, prefix) => {
    expect(backupPrefix(file)).toBe(prefix);
  });
});

describe('backup file names', () => {
  const at = new Date('2026-12-03T10:15:00Z');
  test.each([
    [1, 'keel-2026-12-03T101500Z.db'],
    [2, 'keel-2026-12-03T101500Z-2.db'],
    [12, 'keel-2026-12-03T101500Z-12.db'],
  ])('sequence %i → %s, and it parses back', (seq, name) => {
    expect(backupFileName('keel', at, seq)).toBe(name);
    expect(parseBackupFileName('keel', name)).toEqual({ name, at: at.getTime(), seq });
  });

  test.each([0, -1, 1.5])('sequence %s is an error', (seq) => {
    expect(() => backupFileName('keel', at, seq)).toThrow(RangeError);
  });

  test.each([
    'keel-2026-12-03T101500Z.db.partial-123',
    '.keel-2026-12-03T101500Z.db.partial-123',
    'keel-2026-12-03T101500Z-1.db', // never written: the first of a second has no suffix
    'keel-2026-12-03T101500Z-02.db',
    'keel-2026-12-03T101500Z.sqlite',
    'keel-2026-12-03T101500.db',
    'keel-2026-02-30T101500Z.db',
    'keel.db.before-restore-2026-12-03T101500Z',
    'big-2026-12-03T101500Z.db',
    'keel-big-2026-12-03T101500Z.db',
    'keel-2026-12-03T101500Z.db-wal',
    'keel-notes.db',
    'keel.db',
  ])('%s is not a keel backup', (name) => {
    expect(parseBackupFileName('keel', name)).toBeNull();
  });

  test('a prefix with regular-expression characters is taken literally', () => {
    expect(parseBackupFileName('a.b', 'a.b-2026-12-03T101500Z.db')).not.toBeNull();
    expect(parseBackupFileName('a.b', 'axb-2026-12-03T101500Z.db')).toBeNull();
  });
});

test('the aside and partial names never look like backups', () => {
  const at = new Date('2026-12-03T10:15:00Z');
  expect(asideFileName('keel.db', at)).toBe('keel.db.before-restore-2026-12-03T101500Z');
  const partial = partialFileName('keel-2026-12-03T101500Z.db', 4242);
  expect(partial).toBe('.keel-2026-12-03T101500Z.db.partial-4242');
  expect(parseBackupFileName('keel', asideFileName('keel.db', at))).toBeNull();
  expect(parseBackupFileName('keel', partial)).toBeNull();
});

describe('backupDirectory', () => {
  test.each([
    ['data/keel.db', undefined, path.resolve('data/backups')],
    ['/srv/keel/keel.db', undefined, '/srv/keel/backups'],
    ['/srv/keel/keel.db', '', '/srv/keel/backups'],
    ['/srv/keel/keel.db', '/mnt/offsite', '/mnt/offsite'],
    ['/srv/keel/keel.db', 'tmp/elsewhere', path.resolve('tmp/elsewhere')],
  ])('%s with BACKUP_DIR=%j → %s', (file, configured, expected) => {
    expect(backupDirectory(file, configured)).toBe(expected);
  });
});
