// Leads (issue 14) in `npm run bench`: the inbox, lead search and a lead's page at 1,000 and 100,000
// leads, served by the real app (the target: 100,000 within 3× of 1,000).
// `npm run bench -- --leads-only` runs this section alone.
import { openDb } from '@/db/client';
import { BASE, median, seed, serve, signIn, stop, timePage } from './bench-server';

const PREFIXES = ['an', 'ma', 'jo', 'sa', 'mi', 'le', 'ch', 'da', 'el', 'ro'];

type Line = (label: string, value: number) => void;

/**
 * `total` submissions to the demo's contact form (POST /api/forms/contact-us, JSON, a new person each)
 * from `senders` concurrent senders; submissions per second, every answer checked.
 */
async function formThroughput(total: number, senders: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = next++; i < total; i = next++) {
        const res = await fetch(`${BASE}/api/forms/contact-us`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ fullName: `Bench Visitor ${i}`, email: `visitor${i}@bench.example`, notes: 'A quote, please.', consent: 'on', page_url: 'https://harborpine.example/contact?utm_source=bench' }),
        });
        await res.text();
        if (!res.ok) throw new Error(`The form answered ${res.status}`);
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export async function benchLeads(line: Line): Promise<void> {
  const results: Record<string, Record<string, number>> = {};
  for (const leads of [1_000, 100_000]) {
    const tag = `${leads.toLocaleString('en-US')} leads`;
    const file = seed(`leads-${leads}`, { companies: 150, contacts: 500, deals: 300, openShare: 0.6, leads });
    const db = openDb(file);
    const busiest = (db.$client.prepare(`select lead_id as id from lead_events group by lead_id order by count(*) desc limit 1`).get() as { id: number }).id;
    db.$client.close();
    // The per-address limit lifted: every sender here is one address.
    const server = await serve(file, { env: { FORM_RATE_LIMIT_MAX: '1000000' } });
    const record = (what: string, value: number) => {
      (results[what] ??= {})[tag] = value;
      line(`${what}, ${tag}`, value);
    };
    try {
      const cookie = await signIn('mia@demo.local');
      record('/leads inbox', await timePage(cookie, '/leads'));
      const searches: number[] = [];
      for (let i = 0; i < 20; i++) searches.push(await timePage(cookie, `/leads?q=${PREFIXES[i % PREFIXES.length]}`, 1));
      record('/leads search (20 prefixes)', median(searches));
      record('/leads hot, by date', await timePage(cookie, '/leads?hot=1&sort=created'));
      record('/leads status new, one owner', await timePage(cookie, '/leads?status=new&owner=3'));
      record('lead page', await timePage(cookie, `/leads/${busiest}`));
      if (leads === 1_000) {
        const rate = await formThroughput(2_000, 8);
        console.log(`${'form endpoint, 8 senders, 2,000 submissions'.padEnd(44)} ${rate.toFixed(0)} per second (target: at least 200)`);
      }
    } finally {
      stop(server);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  for (const [what, byTag] of Object.entries(results)) {
    console.log(`${what}: 100,000 vs 1,000 leads ${(byTag['100,000 leads'] / byTag['1,000 leads']).toFixed(2)}× (target: within 3×)`);
  }
}
