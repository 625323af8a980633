import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase } from '@/db/backup';
import { MIGRATIONS_FOLDER, migrateDb, openDb } from '@/db/client';
import { seedWorkspace } from '@/db/seed';

const SEED = { companies: 12, contacts: 40, deals: 30, seed: 5, today: '2026-11-22' };
const KNOWN_MIGRATIONS = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries;

let root: string;
let template: string; // a seeded database, closed, copied for each test
let goodBackup: string; // a backup of the template made by backupDatabase

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-backup-'));
  template = path.join(root, 'template', 'keel.db');
  const db = openDb(template);
  migrateDb(db);
  seedWorkspace(db, SEED);
  db.$client.close();
  goodBackup = (await backupDatabase({ file: template })).file;
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A live database in its own folder: data/keel.db with the seeded workspace, backups in data/backups. */
function workspace(name: string) {
  const file = path.join(root, name, 'data', 'keel.db');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(template, file);
  return { file, backups: path.join(path.dirname(file), 'backups') };
}

/** Row counts of every table, and a checksum of the deals and contacts rows. */
/** Row counts of every table, and a checksum of the deals and contacts: of their columns in `columnsOf` (default: the file itself), so a database migrated since can be compared with the one it came from. */
function fingerprint(file: string, columnsOf: string = file) {
  const columns = (table: string) => {
    const ref = new Database(columnsOf, { readonly: true, fileMustExist: true });
    try {
      return (ref.prepare(`select name from pragma_table_info(?) order by cid`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
    } finally {
      ref.close();
    }
  };
  const [dealColumns, contactColumns] = [columns('deals'), columns('contacts')];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
    const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
    const rows = JSON.stringify([db.prepare(`select ${dealColumns} from deals order by id`).all(), db.prepare(`select ${contactColumns} from contacts order by id`).all()]);
    return { counts, checksum: createHash('sha256').update(rows).digest('hex') };
  } finally {
    db.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const companyNames = (file: string, like: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select name from companies where name like ? order by id').pluck().all(like) as string[];
  } finally {
    db.close();
  }
};
const integrity = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('backup', () => {
  test('a copy taken while another connection writes between its steps holds every committed row and passes integrity_check', async () => {
    const w = workspace('interleaved');
    const writer = openDb(w.file);
    const insert = writer.$client.prepare('insert into companies (name) values (?)');
    for (let i = 0; i < 5; i++) insert.run(`Before ${i}`);
    const committed = fingerprint(w.file);

    let steps = 0;
    const result = await backupDatabase({
      file: w.file,
      dir: w.backups,
      pagesPerStep: 10,
      // Each write by another connection makes SQLite restart the copy; the writer stops after five.
      onProgress: () => {
        if (steps++ < 5) insert.run(`During ${steps}`);
      },
    });
    writer.$client.close();

    expect(steps).toBeGreaterThan(5);
    expect(path.basename(result.file)).toMatch(/^keel-\d{4}-\d{2}-\d{2}T\d{6}Z\.db$/);
    expect(path.dirname(result.file)).toBe(w.backups);
    expect(result.bytes).toBe(fs.statSync(result.file).size);
    expect(integrity(result.file)).toBe('ok');
    expect(mode(result.file)).toBe(0o600);
    expect(mode(w.backups)).toBe(0o700);
    const copy = fingerprint(result.file);
    expect(copy.checksum).toBe(committed.checksum);
    expect(companyNames(result.file, 'Before %')).toHaveLength(5);
    // The copy is the database at one instant: after the last restart, so it has every write.
    expect(copy.counts.companies).toBe(committed.counts.companies + 5);
    expect(fs.readdirSync(w.backups)).toEqual([path.basename(result.file)]);
  });

  test('a copy taken while a writer thread inserts without pause is a snapshot holding a prefix of its writes', async () => {
    const w = workspace('threaded');
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file);
       db.pragma('busy_timeout = 5000');
       const insert = db.prepare('insert into companies (name) values (?)');
       const stop = new Int32Array(workerData.stop);
       let i = 0;
       while (Atomics.load(stop, 0) === 0) {
         insert.run('Writer ' + i++);
         if (i === 20) parentPort.postMessage('writing');
       }
       db.close();
       parentPort.postMessage(i);`,
      { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: w.file, stop: stop.buffer } },
    );
    const messages: unknown[] = [];
    const next = () => new Promise((resolve, reject) => {
      writer.once('message', (m) => resolve(messages.push(m)));
      writer.once('error', reject);
    });
    await next();
    const writtenBefore = companyNames(w.file, 'Writer %').length;
    const result = await backupDatabase({ file: w.file, dir: w.backups });
    Atomics.store(stop, 0, 1);
    await next();
    await writer.terminate();

    const total = messages[1] as number;
    const inCopy = companyNames(result.file, 'Writer %');
    expect(integrity(result.file)).toBe('ok');
    expect(inCopy.length).toBeGreaterThanOrEqual(writtenBefore);
    expect(inCopy.length).toBeLessThanOrEqual(total);
    // Writes are in order and each is its own transaction: a consistent copy holds exactly the first n.
    expect(inCopy).toEqual(Array.from({ length: inCopy.length }, (_, i) => `Writer ${i}`));
    expect(fingerprint(result.file).checksum).toBe(fingerprint(template).checksum);
  });

  test('keep-N deletes only the oldest of its own files', async () => {
    const w = workspace('prune');
    fs.mkdirSync(w.backups, { mode: 0o700 });
    const own = ['keel-2026-11-01T020000Z.db', 'keel-2026-11-02T020000Z.db', 'keel-2026-11-03T020000Z.db', 'keel-2026-11-04T020000Z.db'];
    const strangers = ['big-2020-01-01T000000Z.db', 'keel.db.before-restore-2020-01-01T000000Z', 'notes.txt', '.keel-2020-01-01T000000Z.db.partial-1', 'keel-2020-01-01.db'];
    for (const name of [...own, ...strangers]) fs.writeFileSync(path.join(w.backups, name), 'x');
    const now = new Date('2026-12-03T10:15:00Z');

    const first = await backupDatabase({ file: w.file, dir: w.backups, keep: 3, now });
    expect(path.basename(first.file)).toBe('keel-2026-12-03T101500Z.db');
    expect(first.pruned).toEqual(['keel-2026-11-02T020000Z.db', 'keel-2026-11-01T020000Z.db']);
    // A second backup in the same second gets its own name and counts as the newest.
    const second = await backupDatabase({ file: w.file, dir: w.backups, keep: 3, now });
    expect(path.basename(second.file)).toBe('keel-2026-12-03T101500Z-2.db');
    expect(second.pruned).toEqual(['keel-2026-11-03T020000Z.db']);
    expect(fs.readdirSync(w.backups).sort()).toEqual(
      [...strangers, 'keel-2026-11-04T020000Z.db', 'keel-2026-12-03T101500Z.db', 'keel-2026-12-03T101500Z-2.db'].sort(),
    );
    // The new backup survives even when the clock went back and older names look newer.
    const early = await backupDatabase({ file: w.file, dir: w.backups, keep: 1, now: new Date('2020-06-01T00:00:00Z') });
    expect(fs.existsSync(early.file)).toBe(true);
  });

  test('a missing database or a copy that fails integrity_check leaves no file behind', async () => {
    const w = workspace('failing');
    await expect(backupDatabase({ file: path.join(root, 'nowhere.db'), dir: w.backups })).rejects.toThrow(/There is no database at/);
    const damaged = damage(w.file, 'page');
    await expect(backupDatabase({ file: damaged, dir: w.backups })).rejects.toThrow(/fails integrity_check/);
    await expect(backupDatabase({ file: damage(w.file, 'index'), dir: w.backups })).rejects.toThrow(/fails integrity_check: row \d+ missing from index/);
    expect(fs.readdirSync(w.backups)).toEqual([]);
  });
});

/** Files a restore must refuse, made from the good backup. */
function damage(good: string, kind: string): string {
  const file = path.join(root, 'damaged', `${kind}-${Math.random().toString(36).slice(2)}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = fs.readFileSync(good);
  if (kind === 'random') fs.writeFileSync(file, randomBytes(64 * 1024));
  if (kind === 'empty') fs.writeFileSync(file, '');
  if (kind === 'truncated') fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  if (kind === 'page') {
    // Garbage over the root page of the deals table.
    const db = new Database(good, { readonly: true });
    const { rootpage } = db.prepare(`select rootpage from sqlite_schema where name = 'deals'`).get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
    fs.writeFileSync(file, bytes);
  }
  if (kind === 'index') {
    // Two index pages swapped: every page is well formed, the tables read fine, the indexes lie.
    const db = new Database(good, { readonly: true });
    const root = (name: string) => (db.prepare('select rootpage from sqlite_schema where name = ?').get(name) as { rootpage: number }).rootpage;
    const [a, b] = [root('deals_stage_idx'), root('deals_owner_idx')];
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const pageA = Buffer.from(bytes.subarray((a - 1) * pageSize, a * pageSize));
    bytes.copy(bytes, (a - 1) * pageSize, (b - 1) * pageSize, b * pageSize);
    pageA.copy(bytes, (b - 1) * pageSize);
    fs.writeFileSync(file, bytes);
  }
  if (kind === 'foreign') {
    const db = new Database(file);
    db.exec(`create table notes (id integer primary key, body text); insert into notes (body) values ('hello')`);
    db.close();
  }
  if (kind === 'newer') {
    fs.writeFileSync(file, bytes);
    const db = new Database(file);
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', 4_102_444_800_000);
    db.close();
  }
  return file;
}

describe('restore', () => {
  test('brings the backup back exactly and keeps the database it replaces aside', async () => {
    const w = workspace('round-trip');
    const original = fingerprint(w.file);
    const backup = await backupDatabase({ file: w.file, dir: w.backups });

    const db = openDb(w.file);
    db.$client.exec(`update deals set title = title || ' (edited)'; insert into companies (name) values ('After the backup')`);
    db.$client.close();
    const changed = fingerprint(w.file);
    expect(changed).not.toEqual(original);

    const result = await restoreDatabase({ from: backup.file, file: w.file, asideDir: w.backups, now: new Date('2026-12-03T10:15:00Z') });
    expect(fingerprint(w.file)).toEqual(original);
    expect(integrity(w.file)).toBe('ok');
    expect(result.aside).toBe(path.join(w.backups, 'keel.db.before-restore-2026-12-03T101500Z'));
    expect(fingerprint(result.aside!)).toEqual(changed);
    expect(mode(result.aside!)).toBe(0o600);
    expect(result.migrations).toEqual({ inBackup: KNOWN_MIGRATIONS.length, applied: 0, known: KNOWN_MIGRATIONS.length });
    expect(result.warnings).toEqual([]);
    // No partial or staged files are left, and the backup itself was not touched.
    expect(fs.readdirSync(w.backups).sort()).toEqual([path.basename(backup.file), 'keel.db.before-restore-2026-12-03T101500Z'].sort());
    expect(fingerprint(backup.file)).toEqual(original);
  });

  test('an older backup is restored and brought up to the current migrations', async () => {
    // A database made by the code of one migration ago.
    const older = path.join(root, 'older', 'migrations');
    fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, -1);
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(older, `${tag}.sql`));
    const oldFile = path.join(root, 'older', 'keel.db');
    const old = openDb(oldFile);
    migrate(old, { migrationsFolder: older });
    seedWorkspace(old, SEED);
    old.$client.close();
    // A table the newest migration creates (not the temporary copy of a table it rebuilds), if any.
    const lastSql = fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${KNOWN_MIGRATIONS.at(-1)!.tag}.sql`), 'utf8');
    const lastTable = [...lastSql.matchAll(/CREATE TABLE `(\w+)`/g)].map((m) => m[1]).find((name) => !name.startsWith('__new_'));

    const w = workspace('older-backup');
    const result = await restoreDatabase({ from: oldFile, file: w.file, asideDir: w.backups });
    expect(result.migrations).toEqual({ inBackup: KNOWN_MIGRATIONS.length - 1, applied: 1, known: KNOWN_MIGRATIONS.length });
    const restored = fingerprint(w.file, oldFile);
    expect(restored.checksum).toBe(fingerprint(oldFile).checksum);
    if (lastTable) expect(restored.counts[lastTable]).toBe(0);
  });

  test('restores into a database that does not exist yet, mode 600', async () => {
    const file = path.join(root, 'fresh', 'data', 'keel.db');
    const result = await restoreDatabase({ from: goodBackup, file, asideDir: path.join(root, 'fresh', 'aside') });
    expect(result.aside).toBeNull();
    expect(fingerprint(file)).toEqual(fingerprint(template));
    expect(mode(file)).toBe(0o600);
  });

  test.each([
    ['random bytes', 'random', /is not a SQLite database/],
    ['an empty file', 'empty', /is not a SQLite database/],
    ['a truncated backup', 'truncated', /fails integrity_check, it is damaged: database disk image is malformed/],
    ['a backup with a page of garbage', 'page', /fails integrity_check, it is damaged: database disk image is malformed/],
    ['a backup whose indexes disagree with its tables', 'index', /fails integrity_check, it is damaged: row \d+ missing from index deals_\w+_idx/],
    ['a SQLite file that is not Keel', 'foreign', /is a SQLite database but not a Keel database/],
    ['a backup from newer code', 'newer', /comes from a newer Keel \(\d+ migrations applied; this code has \d+\)/],
  ])('refuses %s and touches nothing', async (_name, kind, reason) => {
    const w = workspace(`refuse-${kind}`);
    const file = damage(goodBackup, kind);
    const before = { live: sha256(w.file), file: sha256(file) };

    const refused = restoreDatabase({ from: file, file: w.file, asideDir: w.backups });
    await expect(refused).rejects.toThrow(reason);
    await expect(refused).rejects.toMatchObject({ refused: true, message: expect.stringMatching(/Nothing was changed\.$/) });
    expect({ live: sha256(w.file), file: sha256(file) }).toEqual(before);
    expect(fs.readdirSync(path.dirname(w.file))).toEqual(expect.arrayContaining(['keel.db']));
    expect(fs.existsSync(w.backups) ? fs.readdirSync(w.backups) : []).toEqual([]);
  });

  test('refuses a database file that still has a write-ahead log beside it', async () => {
    const w = workspace('refuse-wal');
    const other = workspace('refuse-wal-source');
    const app = openDb(other.file);
    app.$client.pragma('wal_autocheckpoint = 0');
    app.$client.exec(`insert into companies (name) values ('Only in the WAL')`);
    const before = sha256(w.file);
    await expect(restoreDatabase({ from: other.file, file: w.file, asideDir: w.backups })).rejects.toThrow(/has a write-ahead log beside it/);
    app.$client.close();
    expect(sha256(w.file)).toBe(before);
  });

  test('refuses a file that does not exist', async () => {
    const w = workspace('refuse-missing');
    await expect(restoreDatabase({ from: path.join(root, 'nope.db'), file: w.file })).rejects.toThrow(BackupError);
    await expect(restoreDatabase({ from: path.join(root, 'nope.db'), file: w.file })).rejects.toThrow(/There is no file at/);
  });

  test('refuses while another process has the database open; --force restores and that connection sees the new data', async () => {
    const w = workspace('in-use');
    const original = fingerprint(w.file);
    const backup = await backupDatabase({ file: w.file, dir: w.backups });
    const app = openDb(w.file);
    app.$client.exec(`insert into companies (name) values ('Written by the app')`);
    const liveBefore = fingerprint(w.file);

    await expect(restoreDatabase({ from: backup.file, file: w.file, asideDir: w.backups })).rejects.toThrow(/is open in another process/);
    expect(fingerprint(w.file)).toEqual(liveBefore);
    expect(fs.readdirSync(w.backups)).toEqual([path.basename(backup.file)]);

    const forced = await restoreDatabase({ from: backup.file, file: w.file, asideDir: w.backups, force: true });
    expect(forced.warnings.join('\n')).toMatch(/was open in another process/);
    // Written through the live file's WAL: the connection that stayed open reads the restored database.
    const count = (app.$client.prepare('select count(*) as n from companies').get() as { n: number }).n;
    expect(count).toBe(original.counts.companies);
    expect(app.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    app.$client.close();
    expect(fingerprint(w.file)).toEqual(original);
    expect(fingerprint(forced.aside!)).toEqual(liveBefore);
  });
});
