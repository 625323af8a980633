// Backups and restores of the SQLite file with SQLite's online backup API, for `npm run backup`,
// `npm run restore` and a scheduled job. File naming and pruning rules live in lib/backup.
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { asideFileName, backupDirectory, backupFileName, backupPrefix, partialFileName } from '@/lib/backup/naming';
import { DEFAULT_KEEP, backupsToPrune } from '@/lib/backup/prune';
import { compareSchema, type AppliedMigration } from '@/lib/backup/schema-version';
import { MIGRATIONS_FOLDER, databasePath, migrateDb, openDb } from './client';

/** A failure with a message fit to print. `refused` means it was caught before anything changed. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export type BackupProgress = { totalPages: number; remainingPages: number };
export type BackupOptions = {
  /** The live database; DATABASE_PATH by default. */
  file?: string;
  /** The backup folder; `backups/` beside the database by default. */
  dir?: string;
  /** How many of this database's backups to keep in `dir` (oldest go first); 14 by default. */
  keep?: number;
  now?: Date;
  /**
   * Pages copied per step. By default all in one step: one read transaction, so the copy is the
   * database at one instant, and in WAL mode the app's writers carry on meanwhile. Smaller steps let
   * this process do other work between them, but each write by another connection restarts the copy.
   */
  pagesPerStep?: number;
  onProgress?: (progress: BackupProgress) => void;
  /** Called as the backup moves on from copying to checking the copy, then to pruning old backups. */
  onStep?: (step: 'check' | 'prune') => void;
};
export type BackupResult = { file: string; bytes: number; ms: number; pruned: string[]; warnings: string[] };

export type RestoreOptions = {
  /** The backup to restore. */
  from: string;
  /** The live database; DATABASE_PATH by default. */
  file?: string;
  /** Where the current database is kept before it is replaced; `backups/` beside it by default. */
  asideDir?: string;
  now?: Date;
  /** Restore even though another process has the database open (the app is running). */
  force?: boolean;
};
export type RestoreResult = {
  file: string;
  from: string;
  /** The copy of the database as it was before the restore; null when there was none. */
  aside: string | null;
  bytes: number;
  /** Migrations the backup had, migrations applied on top of it, and migrations this code has. */
  migrations: { inBackup: number; applied: number; known: number };
  ms: number;
  warnings: string[];
};

const ALL_PAGES = 0x7fffffff;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const MIGRATIONS_TABLE = '__drizzle_migrations';

/** `backups/` beside the database (BACKUP_DIR aside: see lib/backup/naming.ts backupDirectory). */
export function defaultBackupDir(file: string = databasePath()): string {
  return backupDirectory(file, undefined);
}

/** Copies the live database into `dir` under a new timestamped name, checks the copy, prunes old ones. */
export async function backupDatabase(options: BackupOptions = {}): Promise<BackupResult> {
  const started = performance.now();
  const source = path.resolve(options.file ?? databasePath());
  const dir = path.resolve(options.dir ?? defaultBackupDir(source));
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`keep must be a whole number of at least 1, got ${keep}`);
  if (!isFile(source)) throw new BackupError(`There is no database at ${source}`);
  const warnings = privateDir(dir);
  const prefix = backupPrefix(path.basename(source));
  const now = options.now ?? new Date();
  let name = backupFileName(prefix, now);
  for (let seq = 2; fs.existsSync(path.join(dir, name)); seq++) name = backupFileName(prefix, now, seq);
  const target = path.join(dir, name);

  const { brokenReferences } = await snapshot(source, target, { ...options, requireIntact: true });
  if (brokenReferences) warnings.push(`foreign_key_check: ${brokenReferences} rows point at missing rows (in the live database too; the copy is faithful)`);

  options.onStep?.('prune');
  // Never the new file itself, even if the clock went back and older names look newer.
  const pruned = backupsToPrune(prefix, fs.readdirSync(dir), keep).filter((n) => n !== name);
  for (const n of pruned) fs.rmSync(path.join(dir, n), { force: true });
  return { file: target, bytes: fs.statSync(target).size, ms: performance.now() - started, pruned, warnings };
}

/**
 * Replaces the live database with a backup after checking it, keeping the current one aside, then
 * applies the migrations the backup lacks. Throws a refused BackupError, changing nothing, when the
 * backup is damaged, not Keel's or from newer code, or when the database is open elsewhere.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const from = path.resolve(options.from);
  const live = path.resolve(options.file ?? databasePath());
  const asideDir = path.resolve(options.asideDir ?? defaultBackupDir(live));
  const refuse = (why: string): never => {
    throw new BackupError(`${why}. Nothing was changed.`, true);
  };
  if (!isFile(from)) refuse(`There is no file at ${from}`);
  if (from === live) refuse(`${from} is the live database itself`);
  if (!hasSqliteHeader(from)) refuse(`${from} is not a SQLite database`);
  if (isFile(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) {
    refuse(`${from} has a write-ahead log beside it (${from}-wal): it is in use or was not closed cleanly, so the file alone is not the whole database. Back it up with DATABASE_PATH=${from} npm run backup and restore that copy`);
  }

  const warnings = privateDir(asideDir);
  // Checks and restore read a private copy: the file checked is the file restored, and the backup
  // itself is never opened (opening a WAL-mode file, even read-only, can create files beside it).
  const staged = path.join(asideDir, partialFileName(`restore-${path.basename(from)}`, process.pid));
  removeDbFiles(staged); // only a crashed run of a process with this same id can have left one
  fs.copyFileSync(from, staged, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(staged, 0o600);
  let createdLive = false;
  try {
    let found: Inspection;
    try {
      found = inspect(staged);
    } catch (e) {
      if (isCorrupt(e)) return refuse(`${from} fails integrity_check, it is damaged: ${message(e)}`);
      return refuse(`${from} cannot be read as a SQLite database (${message(e)})`);
    }
    if (found.problems.length) refuse(`${from} fails integrity_check, it is damaged: ${summary(found.problems)}`);
    if (!found.tables.has('users') || !found.applied) refuse(`${from} is a SQLite database but not a Keel database (no users table or no ${MIGRATIONS_TABLE} table)`);
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => ({ hash: m.hash, folderMillis: m.folderMillis }));
    const verdict = compareSchema(found.applied!, known);
    if (verdict.kind === 'empty') refuse(`${from} is not a Keel database: no migrations were ever applied to it`);
    if (verdict.kind === 'newer') refuse(`${from} comes from a newer Keel (${verdict.applied} migrations applied; this code has ${verdict.known}). Update the code, then restore`);
    if (verdict.kind === 'ok' && verdict.unknownHashes) warnings.push(`${verdict.unknownHashes} applied migrations differ from this code's files of the same time`);
    if (found.brokenReferences) warnings.push(`foreign_key_check: ${found.brokenReferences} rows in the backup point at missing rows`);

    let aside: string | null = null;
    if (fs.existsSync(live)) {
      if (openElsewhere(live, refuse)) {
        if (!options.force) refuse(`${live} is open in another process (is the app or its worker running?). Stop the app, then restore; or pass --force`);
        warnings.push(`${live} was open in another process: restart the app now so that no stale state survives`);
      }
      aside = path.join(asideDir, asideFileName(path.basename(live), options.now ?? new Date()));
      if (fs.existsSync(aside)) refuse(`${aside} already exists; wait a second and run restore again`);
      // The copy aside is a snapshot too, but a damaged database may be why we restore: keep it anyway.
      const kept = await snapshot(live, aside, { requireIntact: false });
      if (kept.problems.length) warnings.push(`The database kept aside fails integrity_check: ${summary(kept.problems)}`);
    } else {
      fs.mkdirSync(path.dirname(live), { recursive: true });
      fs.writeFileSync(live, '', { flag: 'wx', mode: 0o600 });
      createdLive = true;
    }

    // Into place through the online backup API rather than copying the file over keel.db:
    // a copy would leave the old keel.db-wal beside the new file, and SQLite would replay those
    // frames (pages of the old database) onto it at the next open - a corrupt or silently mixed
    // database; deleting -wal/-shm instead loses whatever the WAL held that was not checkpointed yet,
    // and breaks any process that still has them open. The backup API writes the pages through the
    // live file's own pager, under its locks and through its WAL, in one transaction (one step):
    // every connection sees the old database or the new one, whole, and a failure changes nothing.
    try {
      const src = new Database(staged, { readonly: true, fileMustExist: true });
      try {
        await src.backup(live, { progress: () => ALL_PAGES });
      } finally {
        src.close();
      }
    } catch (e) {
      throw new BackupError(`Restore failed while writing ${live} (${message(e)}); it was left as it was${aside ? ` (also kept at ${aside})` : ''}`);
    }
    createdLive = false;

    const db = openDb(live);
    try {
      const count = () => (db.$client.prepare(`select count(*) as n from ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
      const inBackup = count();
      try {
        migrateDb(db);
      } catch (e) {
        throw new BackupError(`The backup was restored but its migrations failed (${message(e)}); the database before the restore is at ${aside ?? '(none)'}`);
      }
      const problems = (db.$client.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
      if (problems.length) warnings.push(`quick_check after the restore: ${summary(problems)}`);
      const migrations = { inBackup, applied: count() - inBackup, known: known.length };
      return { file: live, from, aside, bytes: fs.statSync(staged).size, migrations, ms: performance.now() - started, warnings };
    } finally {
      db.$client.close();
    }
  } finally {
    removeDbFiles(staged);
    if (createdLive) removeDbFiles(live);
  }
}

/**
 * Copies `source` to `target` with the online backup API: written under a hidden partial name,
 * made a single self-contained file (journal_mode=DELETE), checked, and only then renamed to
 * `target`. Files are created mode 600: SQLite gives a journal the same mode as its database.
 */
async function snapshot(
  source: string,
  target: string,
  options: Pick<BackupOptions, 'pagesPerStep' | 'onProgress' | 'onStep'> & { requireIntact: boolean },
): Promise<Pick<Inspection, 'problems' | 'brokenReferences'>> {
  const partial = path.join(path.dirname(target), partialFileName(path.basename(target), process.pid));
  fs.writeFileSync(partial, '', { flag: 'wx', mode: 0o600 });
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 5000 });
    try {
      await db.backup(partial, {
        progress: (p) => {
          options.onProgress?.(p);
          return options.pagesPerStep ?? ALL_PAGES;
        },
      });
    } finally {
      db.close();
    }
    options.onStep?.('check');
    let found: Inspection;
    try {
      found = inspect(partial);
    } catch (e) {
      throw new BackupError(`The copy of ${source} ${isCorrupt(e) ? 'fails integrity_check' : 'cannot be read'}: ${message(e)}`);
    }
    if (options.requireIntact && found.problems.length) {
      throw new BackupError(`The copy of ${source} fails integrity_check: ${summary(found.problems)}`);
    }
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    syncDir(path.dirname(target));
    return found;
  } catch (e) {
    removeDbFiles(partial);
    throw e;
  }
}

type Inspection = { problems: string[]; brokenReferences: number; tables: Set<string>; applied: AppliedMigration[] | null };

/** Opens a copy (never the live file) for writing: it switches it to journal_mode=DELETE. */
function inspect(file: string): Inspection {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (problems.length) return { problems, brokenReferences: 0, tables: new Set(), applied: null };
    const brokenReferences = (db.pragma('foreign_key_check') as unknown[]).length;
    const tables = new Set(db.prepare(`select name from sqlite_schema where type = 'table'`).pluck().all() as string[]);
    const applied = tables.has(MIGRATIONS_TABLE)
      ? (db.prepare(`select hash, created_at as createdAt from ${MIGRATIONS_TABLE}`).all() as { hash: string; createdAt: unknown }[])
          .map((m) => ({ hash: String(m.hash), createdAt: Number(m.createdAt) }))
      : null;
    return { problems, brokenReferences, tables, applied };
  } finally {
    db.close();
  }
}

/**
 * Whether another connection has the database open. In WAL mode every connection holds a shared
 * lock on the database file for as long as it is open, so an exclusive lock is refused exactly when
 * someone else has it open (SQLite decides who deletes the WAL on close the same way). A process
 * that has not touched the database yet is not seen: the app opens it on its first request.
 */
function openElsewhere(file: string, refuse: (why: string) => never): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (e) {
    if (e instanceof Database.SqliteError && e.code.startsWith('SQLITE_BUSY')) return true;
    return refuse(`The current database ${file} cannot be read (${message(e)}). Move it and any -wal/-shm files beside it out of the way, then restore`);
  } finally {
    db?.close();
  }
}

/** Creates the folder mode 700; an existing folder is left as it is, with a warning if others can read it. */
function privateDir(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return [];
  }
  if (!fs.statSync(dir).isDirectory()) throw new BackupError(`${dir} is not a folder`);
  const mode = fs.statSync(dir).mode & 0o777;
  return mode & 0o077 ? [`${dir} is open to other users (mode ${mode.toString(8)}); the files in it are mode 600, but consider chmod 700 ${dir}`] : [];
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

function isFile(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isFile();
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Makes a rename durable: the new directory entry reaches the disk, not just the file's pages. */
function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLite stops with SQLITE_CORRUPT (or NOTADB) instead of listing problems when damage is bad enough. */
const isCorrupt = (e: unknown) => e instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(e.code);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const summary = (problems: string[]) => problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '');
