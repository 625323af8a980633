import 'server-only';
import { openDb, type Db } from './client';

// One handle per process; in dev, hot reloads would otherwise open a new connection per edit.
const globalForDb = globalThis as unknown as { keelDb?: Db };

export function getDb(): Db {
  if (!globalForDb.keelDb) globalForDb.keelDb = openDb();
  return globalForDb.keelDb;
}

export type { Db };
