import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { migrateDb, openDb } from '@/db/client';

// Two connections on one file, as two web processes (or a web process and the worker) are: a
// transaction that reads and then writes must not lose its write because the other committed in
// between. Each transaction holds the write lock from its first statement, so the other waits.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-client-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a transaction takes the write lock as it begins: another connection cannot write in the middle of it', () => {
  const file = path.join(dir, 'keel.db');
  const a = openDb(file);
  migrateDb(a);
  const b = openDb(file);
  b.$client.pragma('busy_timeout = 50');
  a.$client.prepare(`insert into tags (name) values ('first')`).run();

  const result = a.transaction(() => {
    const before = (a.$client.prepare('select count(*) as n from tags').get() as { n: number }).n;
    // The other process tries to write while this transaction has only read so far.
    expect(() => b.$client.prepare(`insert into tags (name) values ('sneaky')`).run()).toThrow(/locked|busy/i);
    a.$client.prepare(`insert into tags (name) values ('second')`).run();
    return before;
  });
  expect(result).toBe(1);
  // Once it committed, the other connection writes as usual.
  b.$client.prepare(`insert into tags (name) values ('after')`).run();
  expect((a.$client.prepare('select name from tags order by id').all() as { name: string }[]).map((t) => t.name)).toEqual(['first', 'second', 'after']);
  a.$client.close();
  b.$client.close();
});
