// The import benchmark (issue 13): a generated 50,000-row contacts file with companies, read the way
// the screen reads it (decode, parse, guess the mapping), staged, checked, confirmed, and written by
// the `import` job; printed: each step, and "confirm to done" against the 60 s target.
//
//   npx tsx --conditions=react-server scripts/bench-import.ts [database file] [rows]
//
// With no file, a fresh database in a temporary folder. benchImport() is also what `npm run bench`
// calls: with { worker: 'external' } it only confirms, and waits for the worker of a running
// `npm start` on the same file to do the job (so page times can be measured meanwhile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDb, openDb, type Db } from '@/db/client';
import { createWorker } from '@/db/jobs/worker';
import { checkImport, commitImport, getImportBatch, stageImport } from '@/db/queries/imports';
import { getJob } from '@/db/queries/jobs';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { decodeImportFile } from '@/lib/import/decode';
import { guessMapping } from '@/lib/import/guess';
import { parseImportText } from '@/lib/import/parse';

const FIRST = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lea', 'Mo', 'Nia', 'Oli', 'Pia'];
const LAST = ['Lee', 'Stone', 'Nguyen', 'Park', 'Meyer', 'Rossi', 'Dubois', 'Silva', 'Kowalski', 'Jensen', 'Okafor', 'Tanaka'];
const SUFFIX = ['Inc', 'LLC', 'Ltd', 'GmbH', 'Group', 'and Sons', 'Partners', ''];
const AREAS = [212, 415, 617, 312, 206, 303, 512, 404, 305, 702];
const TAGS = ['vip', 'newsletter', 'partner', 'churn risk', 'champion'];

/**
 * A HubSpot-like contacts export: `rows` people at rows / 10 companies (so about ten a company),
 * two emails and two phones each, a city and country, tags, an owner column naming the admin.
 * Deterministic, so two runs compare.
 */
export function generateContactsCsv(rows: number, owner: string): string {
  const lines = ['Record ID,First Name,Last Name,Email,Work Email,Phone Number,Mobile Phone Number,Company Name,Company Domain Name,Job Title,City,Country,Contact Owner,Tags'];
  const companies = Math.max(1, Math.floor(rows / 10));
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const c = (i * 7919) % companies;
    const company = `Company ${c} ${SUFFIX[c % SUFFIX.length]}`.trim();
    const domain = `company-${c}.example`;
    // Real area codes and exchanges: libphonenumber reads 555 numbers (no such area) far more slowly.
    const phone = (n: number) => `+1 (${AREAS[n % AREAS.length]}) ${200 + (Math.floor(n / 10000) % 800)}-${String(n % 10000).padStart(4, '0')}`;
    const tags = `"${TAGS[i % TAGS.length]}, ${TAGS[(i + 2) % TAGS.length]}"`;
    lines.push(
      [`HS-${i}`, first, `${last}${i}`, `person${i}@mail.example`, `${first.toLowerCase()}.${i}@${domain}`, phone(2_000_000 + i), phone(5_000_000 + i), company, domain, 'Buyer', 'Springfield', 'United States', owner, tags].join(','),
    );
  }
  return lines.join('\r\n');
}

const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

export type ImportBenchResult = { rows: number; parseMs: number; stageMs: number; checkMs: number; confirmToDoneMs: number; counts: unknown };

export async function benchImport(file: string, options: { rows?: number; worker?: 'in-process' | 'external'; log?: (line: string) => void } = {}): Promise<ImportBenchResult> {
  const rows = options.rows ?? 50_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const db: Db = openDb(file);
  migrateDb(db);
  // A fresh file gets an empty workspace; a seeded one (served while this runs) is imported into as it is.
  if ((db.$client.prepare('select count(*) as n from users').get() as { n: number }).n === 0) {
    seedEmptyWorkspace(db, { name: 'Olivia Owner', email: 'owner@bench.local', password: 'bench-password' });
  }
  const admin = db.$client.prepare(`select id, name, email, role from users where role = 'admin' and active = 1 order by id limit 1`).get() as SessionUser;

  let t = performance.now();
  const bytes = new TextEncoder().encode(generateContactsCsv(rows, admin.email));
  const { text } = decodeImportFile(bytes);
  const parsed = parseImportText(text);
  const mapping = guessMapping('contacts', parsed.headers);
  const parseMs = performance.now() - t;
  log(`import bench: ${rows.toLocaleString('en-US')} rows, ${(bytes.length / 1e6).toFixed(1)} MB, decoded, parsed and mapped in ${ms(t)}`);

  t = performance.now();
  const { batchId } = stageImport(db, { kind: 'contacts', fileName: `bench-${rows}.csv`, headers: parsed.headers, rows: parsed.rows, lines: parsed.lines, mapping }, admin);
  const stageMs = performance.now() - t;
  log(`import bench: staged in ${ms(t)}`);

  t = performance.now();
  const report = checkImport(db, batchId, admin);
  const checkMs = performance.now() - t;
  log(`import bench: checked in ${ms(t)}: ${JSON.stringify(report)}`);

  t = performance.now();
  const { jobId } = commitImport(db, batchId, admin);
  if (options.worker === 'external') {
    for (;;) {
      const job = getJob(db, jobId);
      if (job?.state === 'done') break;
      if (job?.state === 'failed') throw new Error(`The import job failed: ${job.lastError}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } else {
    const worker = createWorker({ db, databaseFile: file, log: () => undefined });
    while (await worker.runNext());
  }
  const confirmToDoneMs = performance.now() - t;
  const batch = getImportBatch(db, batchId, admin)!;
  log(`import bench: confirm to done ${ms(t)} (target 60000 ms): ${JSON.stringify(batch.counts)}`);
  db.$client.close();
  return { rows, parseMs, stageMs, checkMs, confirmToDoneMs, counts: batch.counts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const file = process.argv[2] || path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keel-import-bench-')), 'keel.db');
  benchImport(file, { rows: Number(process.argv[3]) || 50_000 }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
