// npm run backup: a consistent copy of the live database (DATABASE_PATH) made with SQLite's online
// backup API, safe while the app serves and writes. It goes to BACKUP_DIR (default: backups/ beside
// the database) as <name>-YYYY-MM-DDTHHMMSSZ.db, mode 600, checked with integrity_check before it gets
// that name; then all but the newest BACKUP_KEEP (default 14) of those files are deleted.
import { BackupError, backupDatabase } from '@/db/backup';
import { databasePath } from '@/db/client';
import { formatBytes, formatDuration } from '@/lib/backup/format';
import { backupDirectory } from '@/lib/backup/naming';
import { parseKeep } from '@/lib/backup/prune';

async function main() {
  const file = databasePath();
  const keep = parseKeep(process.env.BACKUP_KEEP);
  const dir = backupDirectory(file);
  const result = await backupDatabase({ file, dir, keep });
  console.log(`Backed up ${file}`);
  console.log(`  to ${result.file}`);
  console.log(`  ${formatBytes(result.bytes)} in ${formatDuration(result.ms)}; integrity_check ok`);
  for (const name of result.pruned) console.log(`  removed old backup ${name} (keeping the newest ${keep})`);
  for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
}

main().catch((e: unknown) => {
  const known = e instanceof BackupError || e instanceof RangeError;
  console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
  if (!known) console.error(e);
  process.exit(1);
});
