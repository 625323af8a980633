// Where backups go and their file names, and those of the copies a restore keeps aside. Pure: no
// clock, no file system.
//
// A backup is `<prefix>-YYYY-MM-DDTHHMMSSZ.db` in UTC (e.g. `keel-2026-12-03T101500Z.db`), so sorting
// the names sorts by time. The prefix is the database file's name without `.db` (`keel` for the
// default data/keel.db), so two databases sharing one backup folder never prune each other's files.
// A second backup in the same second gets `-2`, `-3`… before `.db`.

import path from 'node:path';

/**
 * The backup folder: BACKUP_DIR when set, else `backups/` beside the database; absolute. The same
 * rule for `npm run backup`, `npm run restore`, the scheduled backup and the jobs screen. (The ignore
 * comments tell Next's build these paths are data, not files to bundle.)
 */
export function backupDirectory(databaseFile: string, configured: string | undefined = process.env.BACKUP_DIR): string {
  if (configured) return path.resolve(/*turbopackIgnore: true*/ configured);
  return path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ databaseFile)), 'backups');
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `2026-12-03T101500Z`: UTC, second precision, sortable as text. */
export function backupStamp(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date');
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}

/** The instant a stamp stands for, or null when it is not one. */
export function parseBackupStamp(stamp: string): number | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Rejects 2026-02-30 and the like: the parts must survive the round trip.
  return backupStamp(new Date(ms)) === stamp ? ms : null;
}

/** `keel.db` → `keel`; any other name keeps everything before its last extension. */
export function backupPrefix(databaseFileName: string): string {
  const stem = databaseFileName.replace(/\.[^.]*$/, '');
  return stem || databaseFileName;
}

export function backupFileName(prefix: string, at: Date, seq = 1): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence number ${seq}`);
  return `${prefix}-${backupStamp(at)}${seq > 1 ? `-${seq}` : ''}.db`;
}

export type ParsedBackupName = { name: string; at: number; seq: number };

/** A name this tool wrote for this prefix, or null for anything else (which it never deletes). */
export function parseBackupFileName(prefix: string, name: string): ParsedBackupName | null {
  if (!name.startsWith(`${prefix}-`) || !name.endsWith('.db')) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-([1-9]\d{0,5}))?$/.exec(name.slice(prefix.length + 1, -3));
  if (!m) return null;
  const at = parseBackupStamp(m[1]);
  const seq = m[2] === undefined ? 1 : Number(m[2]);
  if (at === null || (seq === 1 && m[2] !== undefined)) return null;
  return { name, at, seq };
}

/** Where a restore keeps the database it replaces: `keel.db.before-restore-2026-12-03T101500Z`. */
export function asideFileName(databaseFileName: string, at: Date): string {
  return `${databaseFileName}.before-restore-${backupStamp(at)}`;
}

/**
 * The name a copy is written under until it has passed its checks: hidden, and not matching any
 * name above, so a half-written or damaged copy never looks like a good one and is never pruned.
 */
export function partialFileName(finalName: string, pid: number): string {
  return `.${finalName}.partial-${pid}`;
}
