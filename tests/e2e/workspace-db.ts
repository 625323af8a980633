import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * The e2e server's own database (playwright.config.ts), read-only: tests look up real ids and tokens
 * of the seeded demo workspace here instead of hard-coding them.
 */
export function e2eDb() {
  const port = Number(process.env.E2E_PORT ?? 3210);
  return new Database(path.resolve(`tmp/e2e-${port}/keel.db`), { readonly: true, fileMustExist: true });
}

export function one<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    const row = db.prepare(sql).get(...params) as T | undefined;
    if (!row) throw new Error(`No row for: ${sql}`);
    return row;
  } finally {
    db.close();
  }
}
