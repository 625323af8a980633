// npm run db:seed -- --companies N --contacts N --deals N [--leads N] [--activities N] [--seed S]
// Migrates and fills an empty database (DATABASE_PATH) at any scale, with the demo users and pipeline.
import { parseArgs } from 'node:util';
import { databasePath, migrateDb, openDb } from '@/db/client';
import { DEMO_SIZE, seedWorkspace } from '@/db/seed';

const { values } = parseArgs({
  options: {
    companies: { type: 'string' },
    contacts: { type: 'string' },
    deals: { type: 'string' },
    leads: { type: 'string' },
    activities: { type: 'string' },
    seed: { type: 'string' },
  },
});
const count = (v: string | undefined, fallback: number) => {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${v}"`);
  return n;
};

const file = databasePath();
const db = openDb(file);
migrateDb(db);
const started = performance.now();
const options = {
  companies: count(values.companies, DEMO_SIZE.companies),
  contacts: count(values.contacts, DEMO_SIZE.contacts),
  deals: count(values.deals, DEMO_SIZE.deals),
  leads: count(values.leads, DEMO_SIZE.leads),
  activities: values.activities === undefined ? undefined : count(values.activities, 0),
  seed: count(values.seed, DEMO_SIZE.seed),
};
seedWorkspace(db, options);
console.log(
  `Seeded ${file}: ${options.companies} companies, ${options.contacts} contacts, ${options.deals} deals, ${options.leads} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
db.$client.close();
