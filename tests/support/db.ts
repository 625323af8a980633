import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDb, openDb, type Db } from '@/db/client';

/** A fresh SQLite file with the real migrations applied; removed when the test process ends. */
export function createTestDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-test-'));
  const db = openDb(path.join(dir, 'test.db'));
  migrateDb(db);
  process.once('exit', () => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
