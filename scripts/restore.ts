// npm run restore -- FILE [--force]: replaces the live database (DATABASE_PATH) with a backup.
// Stop the app first. The backup is refused, changing nothing, when it is not a SQLite database,
// fails integrity_check, is not a Keel database or comes from newer code; so is a database that is
// open in another process, unless --force. Otherwise the current database is kept aside in
// BACKUP_DIR (default: backups/ beside it) as <file>.before-restore-<time>, the backup is written
// into place and the migrations it lacks are applied.
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '@/db/backup';
import { backupDirectory } from '@/lib/backup/naming';
import { databasePath } from '@/db/client';
import { formatBytes, formatDuration } from '@/lib/backup/format';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) {
    console.error('Usage: npm run restore -- FILE [--force]   (stop the app first)');
    process.exit(1);
  }
  const file = databasePath();
  const asideDir = backupDirectory(file);
  console.log(`Restoring ${positionals[0]} into ${file}. The app must be stopped during a restore.`);
  const result = await restoreDatabase({ from: positionals[0], file, asideDir, force: values.force });
  const { inBackup, applied, known } = result.migrations;
  console.log(`  checked the backup: integrity_check ok, a Keel database with ${inBackup} of ${known} migrations`);
  console.log(result.aside ? `  kept the database as it was at ${result.aside}` : '  there was no database to keep aside');
  console.log(`  restored ${formatBytes(result.bytes)} into ${result.file}`);
  console.log(applied ? `  applied ${applied} newer migrations` : '  no migrations to apply');
  for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
  console.log(`Done in ${formatDuration(result.ms)}. Start the app again.`);
}

main().catch((e: unknown) => {
  if (e instanceof BackupError) {
    console.error(`${e.refused ? 'Restore refused' : 'Restore failed'}: ${e.message}`);
  } else {
    console.error('Restore failed:', e);
  }
  process.exit(1);
});
