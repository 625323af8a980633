// Whether a database's schema is one this code can run: compares the rows of drizzle's
// __drizzle_migrations table with the migrations in db/migrations, the way drizzle's migrator does
// (it applies every migration whose folder time is after the newest applied row's created_at).

export type AppliedMigration = { hash: string; createdAt: number };
export type KnownMigration = { hash: string; folderMillis: number };

export type SchemaVerdict =
  | { kind: 'empty' }
  | { kind: 'newer'; applied: number; known: number }
  | { kind: 'ok'; applied: number; known: number; pending: number; unknownHashes: number };

export function compareSchema(applied: readonly AppliedMigration[], known: readonly KnownMigration[]): SchemaVerdict {
  if (applied.length === 0) return { kind: 'empty' };
  const last = Math.max(...applied.map((m) => m.createdAt));
  const newestKnown = known.length ? Math.max(...known.map((m) => m.folderMillis)) : -Infinity;
  if (applied.length > known.length || last > newestKnown) {
    return { kind: 'newer', applied: applied.length, known: known.length };
  }
  const knownHashes = new Set(known.map((m) => m.hash));
  return {
    kind: 'ok',
    applied: applied.length,
    known: known.length,
    pending: known.filter((m) => m.folderMillis > last).length,
    // A migration file edited after it was applied; drizzle ignores hashes, so this only warns.
    unknownHashes: applied.filter((m) => !knownHashes.has(m.hash)).length,
  };
}
