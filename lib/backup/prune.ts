import { parseBackupFileName, type ParsedBackupName } from './naming';

export const DEFAULT_KEEP = 14;

/** Newest first: by time, then by the same-second sequence number. */
export function newestFirst(a: ParsedBackupName, b: ParsedBackupName): number {
  return b.at - a.at || b.seq - a.seq;
}

/**
 * Which files in a backup folder to delete so that the newest `keep` backups of this prefix remain.
 * Only names this tool writes for this prefix are ever returned; everything else in the folder
 * (other databases' backups, copies kept aside by restore, partial files, notes) is left alone.
 */
export function backupsToPrune(prefix: string, names: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of at least 1, got ${keep}`);
  const own = names.map((n) => parseBackupFileName(prefix, n)).filter((p): p is ParsedBackupName => p !== null);
  return own.sort(newestFirst).slice(keep).map((p) => p.name);
}

/** BACKUP_KEEP: unset or empty means the default; anything but a whole number ≥ 1 is an error. */
export function parseKeep(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_KEEP;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`BACKUP_KEEP must be a whole number of at least 1, got "${value}"`);
  }
  return n;
}
