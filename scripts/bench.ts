// npm run bench: seeds fresh databases at several scales, serves each with the production build and
// prints server timings, then the load and queue test (scripts/bench-load.ts). Run with nothing else
// busy on the machine; figures go in the issue notes. Shared helpers: scripts/bench-server.ts.
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '@/db/client';
import { getColumnSummaries, listColumnCards } from '@/db/queries/board';
import { getContactHeader, listContacts } from '@/db/queries/contacts';
import { listDeals } from '@/db/queries/deal-list';
import { moveDeal } from '@/db/queries/deals';
import { listQuotes } from '@/db/queries/quote-list';
import { searchRecords } from '@/db/queries/record-search';
import { listTimeline } from '@/db/queries/timeline';
import { parseListFilters } from '@/lib/contacts/list-filters';
import { parseDealFilters } from '@/lib/deals/filters';
import { parseQuoteFilters } from '@/lib/quotes/list-filters';
import { createQuote } from '@/db/queries/quotes';
import { createContact } from '@/db/queries/contacts';
import { listDuplicatePairs } from '@/db/queries/duplicates';
import { rebuildMatchKeys } from '@/db/queries/match-keys';
import { mergeRecords } from '@/db/queries/merge';
import { contactSchema } from '@/lib/contacts/schemas';
import { createQuoteSchema } from '@/lib/quotes/schemas';
import { benchImport } from './bench-import';
import { benchLeads } from './bench-leads';
import { benchLoad } from './bench-load';
import { BASE, DIR, median, ms, seed, serve, signIn, stop, timePage, type Size } from './bench-server';

/** The move as the server action runs it (transaction, position lookup, history), 100 times. */
function timeMoves(file: string): number {
  const db = openDb(file);
  const actor = { id: 2, name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' as const };
  const stages = db.$client.prepare('select id from stages where pipeline_id = 1 order by position').all() as { id: number }[];
  const picks = db.$client.prepare(`select id, version, stage_id from deals where status = 'open' order by id limit 100`).all() as { id: number; version: number; stage_id: number }[];
  const neighbours = db.$client.prepare(`select id from deals where status = 'open' and stage_id = ? order by position limit 1 offset ?`);
  const times: number[] = [];
  picks.forEach((deal, i) => {
    const to = stages[(stages.findIndex((s) => s.id === deal.stage_id) + 1) % stages.length].id;
    const above = neighbours.get(to, i) as { id: number } | undefined;
    const t = performance.now();
    moveDeal(db, { dealId: deal.id, toStageId: to, aboveId: above?.id ?? null, version: deal.version }, actor);
    times.push(performance.now() - t);
  });
  db.$client.close();
  return median(times);
}

/** The contact with the most activities: the heaviest 360 page. */
function busiestContact(file: string): number {
  const db = openDb(file);
  const row = db.$client.prepare('select contact_id as id from activities where contact_id is not null group by contact_id order by count(*) desc limit 1').get() as { id: number };
  db.$client.close();
  return row.id;
}

const PREFIXES = ['an', 'ma', 'jo', 'sa', 'mi', 'le', 'ch', 'da', 'el', 'ro'];

async function timeSearches(cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await timePage(cookie, `/contacts?q=${PREFIXES[i % PREFIXES.length]}`, 1));
  return median(times);
}


// "Reps see": the reads a rep's screens make, in process, with the setting on 'everything' (the
// queries as they were: the scope helpers add nothing) and on 'own' (the scope in every WHERE).
// `npm run bench -- --visibility-only` runs this section alone.
const ANA = { id: 3, name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' as const };

function timeQuery(run: () => unknown, runs = 20): number {
  run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

function benchVisibility(file: string, tag: string, line: (label: string, value: number) => void) {
  const db = openDb(file);
  const stages = (db.$client.prepare('select id from stages where pipeline_id = 1 order by position').all() as { id: number }[]).map((s) => s.id);
  const contactId = (db.$client.prepare(`select contact_id as id from activities where contact_id is not null and owner_id = ${ANA.id} group by contact_id order by count(*) desc limit 1`).get() as { id: number }).id;
  const board = parseDealFilters({ owner: 'all' }, 'rep');
  const today = new Date().toISOString().slice(0, 10);
  try {
    for (const setting of ['everything', 'own'] as const) {
      db.$client.prepare('update workspace set reps_see = ? where id = 1').run(setting);
      const label = (what: string) => `${what}, rep, reps see ${setting}, ${tag}`;
      line(label('board reads (summaries + first cards)'), timeQuery(() => {
        getColumnSummaries(db, 1, board, ANA);
        for (const stageId of stages) listColumnCards(db, stageId, board, ANA);
      }));
      line(label('deal list page 1'), timeQuery(() => listDeals(db, board, ANA, { sort: 'created', dir: 'desc', page: 1 })));
      line(label('contacts list page 1'), timeQuery(() => listContacts(db, parseListFilters({}), ANA)));
      line(label('contacts search (10 prefixes)'), timeQuery(() => PREFIXES.forEach((q) => listContacts(db, parseListFilters({ q }), ANA)), 5) / PREFIXES.length);
      line(label('contact picker (10 prefixes)'), timeQuery(() => PREFIXES.forEach((q) => searchRecords(db, 'contact', q, ANA)), 5) / PREFIXES.length);
      line(label('quotes list page 1'), timeQuery(() => listQuotes(db, parseQuoteFilters({}, 'all'), ANA, today)));
      line(label('360 of their busiest contact'), timeQuery(() => {
        getContactHeader(db, contactId, ANA);
        listTimeline(db, { contactId }, { viewer: ANA });
      }));
    }
  } finally {
    db.$client.prepare(`update workspace set reps_see = 'everything' where id = 1`).run();
    db.$client.close();
  }
}

// Duplicates (issue 13): the scan that writes every match key and scores every candidate pair from
// scratch (what the match_keys job does after the migration), page 1 of the duplicates lists, and one
// merge, which must cost the same at any size. `npm run bench -- --duplicates-only` runs it alone.
const MIA = { id: 2, name: 'Mia', email: 'mia@demo.local', role: 'manager' as const };

function benchDuplicates(file: string, tag: string, line: (label: string, value: number) => void) {
  const db = openDb(file);
  try {
    const started = performance.now();
    const counts = rebuildMatchKeys(db);
    line(`duplicates scan (keys + pairs), ${tag}`, performance.now() - started);
    console.log(`  ${counts.contacts} contacts, ${counts.companies} companies, ${counts.pairs} likely pairs`);
    // Five known duplicates, made the way a rep makes them: a second contact with the same phone at the same company.
    const originals = db.$client
      .prepare(`select first_name as firstName, last_name as lastName, phone, company_id as companyId from contacts where phone is not null and company_id is not null order by id limit 5`)
      .all() as { firstName: string; lastName: string; phone: string; companyId: number }[];
    for (const c of originals) createContact(db, contactSchema.parse({ ...c, email: null }), MIA);
    line(`/contacts/duplicates page 1 query, ${tag}`, timeQuery(() => listDuplicatePairs(db, 'contact', { limit: 50, offset: 0 }, MIA)));
    line(`/companies/duplicates page 1 query, ${tag}`, timeQuery(() => listDuplicatePairs(db, 'company', { limit: 50, offset: 0 }, MIA)));
    const times: number[] = [];
    for (const pair of listDuplicatePairs(db, 'contact', { limit: 5, offset: 0 }, MIA)) {
      const version = (id: number) => (db.$client.prepare('select updated_at as v from contacts where id = ?').get(id) as { v: number }).v;
      const t = performance.now();
      mergeRecords(db, 'contact', { keepId: pair.low.id, otherId: pair.high.id, keepVersion: version(pair.low.id), otherVersion: version(pair.high.id), choices: {} }, MIA);
      times.push(performance.now() - t);
    }
    line(`merge two contacts (median of ${times.length}), ${tag}`, median(times));
  } finally {
    db.$client.close();
  }
}

// Import (issue 13): 50,000 contacts with their companies from confirm to done, run by the worker of a
// served workspace, and /contacts timed before and during it. `npm run bench -- --import-only`.
async function benchImportUnderLoad(line: (label: string, value: number) => void) {
  const file = seed('import-50k', { companies: 150, contacts: 500, deals: 300, openShare: 0.6 });
  const server = await serve(file);
  try {
    const cookie = await signIn('mia@demo.local');
    line('/contacts while idle (import workspace)', await timePage(cookie, '/contacts'));
    let importing = true;
    const during: number[] = [];
    const load = (async () => {
      while (importing) {
        const t = performance.now();
        const res = await fetch(`${BASE}/contacts`, { headers: { cookie } });
        await res.text();
        if (!res.ok) throw new Error(`/contacts answered ${res.status} during the import`);
        during.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const result = await benchImport(file, { worker: 'external', log: (l) => console.log(`  ${l}`) });
    importing = false;
    await load;
    line('import 50,000 contacts, confirm to done', result.confirmToDoneMs);
    line('import 50,000 contacts, check (report)', result.checkMs);
    line(`/contacts during the import (median of ${during.length})`, median(during));
  } finally {
    stop(server);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// PDFs: a 200-line quote with long descriptions, cold and cached, and how long another request
// waits while two such PDFs render. `npm run bench -- --pdf-only` runs this section alone.
const PDF_WORDS =
  'Supply and installation of modular shelving including brackets, anchors, levelling feet and end panels; site survey, delivery to the loading bay, assembly by two fitters, removal of packaging and a walkthrough with the facilities manager; five years of warranty on parts'.split(' ');

/** count quotes of 200 lines with long descriptions, then one of a single line. */
function seedPdfQuotes(file: string, count: number): number[] {
  const db = openDb(file);
  const actor = db.$client.prepare(`select id, name, email, role from users where email = 'mia@demo.local'`).get() as { id: number; name: string; email: string; role: 'manager' };
  const lines = Array.from({ length: 200 }, (_, i) => {
    if (i % 25 === 0) return { kind: 'section', description: `Section ${i / 25 + 1}` };
    const words = [`Line ${i + 1}:`];
    for (let k = i; words.join(' ').length < 600; k++) words.push(PDF_WORDS[k % PDF_WORDS.length]);
    return { description: words.join(' '), quantity: String(i + 1), unitPrice: '123.45', discount: i % 2 ? '5' : '0', tax: '20' };
  });
  const today = new Date().toISOString().slice(0, 10);
  const ids = Array.from({ length: count }, (_, i) => {
    const input = createQuoteSchema.parse({ dealId: null, title: `Benchmark quote ${i + 1}`, validUntil: `${Number(today.slice(0, 4)) + 1}-12-31`, paymentTerms: 'net_30', lines: JSON.stringify(lines) });
    return createQuote(db, input, actor, { currency: 'USD', today }).id;
  });
  const small = createQuoteSchema.parse({ dealId: null, title: 'Small', validUntil: `${Number(today.slice(0, 4)) + 1}-12-31`, paymentTerms: 'net_30', lines: JSON.stringify([lines[1]]) });
  ids.push(createQuote(db, small, actor, { currency: 'USD', today }).id);
  db.$client.close();
  return ids;
}

async function timedFetch(cookie: string, url: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

async function benchPdf(line: (label: string, value: number) => void) {
  const file = seed('pdf', { companies: 20, contacts: 40, deals: 40, openShare: 1 });
  const [first, second, third, small] = seedPdfQuotes(file, 3);
  fs.rmSync(path.join(DIR, 'cache'), { recursive: true, force: true });
  const server = await serve(file);
  try {
    const cookie = await signIn('mia@demo.local');
    // The first PDF also starts the renderer (where there is one): a 1-line quote takes that cost.
    line('PDF 1 line, first PDF of the server', (await timedFetch(cookie, `/quotes/${small}/pdf`)).ms);
    const cold = await timedFetch(cookie, `/quotes/${first}/pdf`);
    if (cold.status !== 200) throw new Error(`The PDF answered ${cold.status}`);
    line('PDF 200 lines, cold (first request)', cold.ms);
    const cached: number[] = [];
    for (let i = 0; i < 10; i++) cached.push((await timedFetch(cookie, `/quotes/${first}/pdf`)).ms);
    line('PDF 200 lines, cached', median(cached));

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await timedFetch(cookie, '/api/health')).ms);
    line('/api/health, idle', median(idle));
    // Two cold PDFs at once; meanwhile /api/health, one request after another, until both are done.
    let rendering = true;
    const t = performance.now();
    const pdfs = Promise.all([timedFetch(cookie, `/quotes/${second}/pdf`), timedFetch(cookie, `/quotes/${third}/pdf`)]).finally(() => {
      rendering = false;
    });
    const during: number[] = [];
    while (rendering) during.push((await timedFetch(cookie, '/api/health')).ms);
    const both = await pdfs;
    if (both.some((r) => r.status !== 200)) throw new Error(`The PDFs answered ${both.map((r) => r.status).join(', ')}`);
    line('two PDFs at once, both done after', performance.now() - t);
    line('/api/health while two PDFs render, median', median(during));
    line('/api/health while two PDFs render, worst', Math.max(...during));
  } finally {
    stop(server);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const results: Record<string, number> = {};
  const line = (label: string, value: number) => {
    results[label] = value;
    console.log(`${label.padEnd(44)} ${ms(value)}`);
  };
  if (process.argv.includes('--pdf-only')) return benchPdf(line);
  if (process.argv.includes('--load-only')) {
    return benchLoad(seed('deals-20000', { companies: 5_000, contacts: 10_000, deals: 20_000, openShare: 1 }));
  }
  if (process.argv.includes('--import-only')) return benchImportUnderLoad(line);
  if (process.argv.includes('--leads-only')) return benchLeads(line);
  if (process.argv.includes('--duplicates-only')) {
    benchDuplicates(seed('mix-small', { companies: 300, contacts: 1_000, deals: 2_000, openShare: 0.6 }), '1,000 contacts', line);
    benchDuplicates(seed('mix-large', { companies: 30_000, contacts: 100_000, deals: 50_000, openShare: 0.6 }), '100,000 contacts', line);
    const r = (what: string) => (results[`${what}, 100,000 contacts`] / results[`${what}, 1,000 contacts`]).toFixed(2);
    console.log(`\n/contacts/duplicates page 1, 100,000 vs 1,000 contacts: ${r('/contacts/duplicates page 1 query')}× (target: within 3×); merge: ${r('merge two contacts (median of 5)')}×`);
    return;
  }
  if (process.argv.includes('--visibility-only')) {
    benchVisibility(seed('deals-20000', { companies: 5_000, contacts: 10_000, deals: 20_000, openShare: 1 }), '20,000 open deals', line);
    benchVisibility(seed('mix-large', { companies: 30_000, contacts: 100_000, deals: 50_000, openShare: 0.6 }), '100,000 contacts / 50,000 deals', line);
    return;
  }

  // The board: every deal open, so the largest column holds 40 % of them (8,000 of 20,000).
  for (const deals of [200, 2_000, 20_000]) {
    const file = seed(`deals-${deals}`, { companies: Math.max(10, deals / 4), contacts: Math.max(20, deals / 2), deals, openShare: 1 });
    const server = await serve(file);
    try {
      const cookie = await signIn('mia@demo.local');
      line(`/deals render, ${deals} open deals`, await timePage(cookie, '/deals'));
      line(`move action, ${deals} open deals`, timeMoves(file));
    } finally {
      stop(server);
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (deals === 20_000) {
      benchVisibility(file, '20,000 open deals', line);
      await benchLoad(file);
    }
  }

  // Contacts, the 360 page, the forecast and the reports on a realistic mix of open and closed deals.
  const sizes: [string, Size][] = [
    ['small', { companies: 300, contacts: 1_000, deals: 2_000, openShare: 0.6 }],
    ['large', { companies: 30_000, contacts: 100_000, deals: 50_000, openShare: 0.6 }],
  ];
  for (const [name, size] of sizes) {
    const file = seed(`mix-${name}`, size);
    const contactId = busiestContact(file);
    const server = await serve(file);
    const tag = `${size.contacts.toLocaleString('en-US')} contacts / ${size.deals.toLocaleString('en-US')} deals`;
    try {
      const cookie = await signIn('mia@demo.local');
      line(`/contacts list, ${tag}`, await timePage(cookie, '/contacts'));
      line(`/contacts search (20 prefixes), ${tag}`, await timeSearches(cookie));
      line(`/contacts page 100 by company desc, ${tag}`, await timePage(cookie, '/contacts?sort=company&dir=desc&page=100'));
      line(`/companies list, ${tag}`, await timePage(cookie, '/companies'));
      line(`/deals/list, ${tag}`, await timePage(cookie, '/deals/list'));
      line(`/deals/list by value desc, page 20, ${tag}`, await timePage(cookie, '/deals/list?sort=value&dir=desc&page=20'));
      line(`360 page of busiest contact, ${tag}`, await timePage(cookie, `/contacts/${contactId}`));
      line(`/forecast, ${tag}`, await timePage(cookie, '/forecast'));
      line(`/reports, ${tag}`, await timePage(cookie, '/reports'));
    } finally {
      stop(server);
      await new Promise((r) => setTimeout(r, 1000));
    }
    benchVisibility(file, tag, line);
    benchDuplicates(file, size.contacts === 100_000 ? '100,000 contacts' : '1,000 contacts', line);
  }

  await benchImportUnderLoad(line);
  await benchLeads(line);
  await benchPdf(line);

  const ratio = (big: string, small: string) => (results[big] / results[small]).toFixed(2);
  console.log('\nRatios (target: within 3×)');
  console.log(`/deals 20,000 vs 200 open deals: ${ratio('/deals render, 20000 open deals', '/deals render, 200 open deals')}×`);
  console.log(`/contacts/duplicates page 1 query large vs small: ${ratio('/contacts/duplicates page 1 query, 100,000 contacts', '/contacts/duplicates page 1 query, 1,000 contacts')}×`);
  for (const page of ['/contacts list', '/contacts search (20 prefixes)', '/companies list', '/deals/list', '360 page of busiest contact', '/forecast', '/reports']) {
    console.log(`${page} large vs small: ${ratio(`${page}, 100,000 contacts / 50,000 deals`, `${page}, 1,000 contacts / 2,000 deals`)}×`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
