import type { Statement } from 'better-sqlite3';
import type { Db } from './client';

// Statements prepared once per connection, for queries run thousands of times a second (the job
// queue's claim, the match keys of a 50,000-row import). The cache goes with its connection.
const prepared = new WeakMap<Db, Map<string, Statement>>();

export function cachedStatement(db: Db, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.$client.prepare(sql)));
  return stmt;
}
