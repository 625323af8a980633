import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { demoRecords, everyRoute } from './app-routes';
import { signIn, USERS } from './helpers';
import { e2eDb, one } from './workspace-db';

// "Reps see: only their own" (issue 11), in the browser: a rep walks every route and export of the app
// and finds none of another rep's records; another rep's record pages and PDFs answer 404; with
// "everything" they are back. The setting is written straight into the e2e database (the settings
// form is tested on its own) and put back to the default at the end. This spec runs alone, after the
// others (playwright.config.ts), since it changes what every rep sees.

function setRepsSee(value: 'everything' | 'own') {
  const port = Number(process.env.E2E_PORT ?? 3210);
  const db = new Database(path.resolve(`tmp/e2e-${port}/keel.db`), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('update workspace set reps_see = ? where id = 1').run(value);
  } finally {
    db.close();
  }
}

// The rule, written here independently of db/queries/visibility.ts: a rep sees their deals, the
// contacts and companies they own or that a deal of theirs is with, and the quotes they own or that
// are on a deal of theirs.
const SEES_DEAL = 'd.owner_id = @me';
const SEES_CONTACT = '(c.owner_id = @me or c.id in (select contact_id from deals where owner_id = @me and contact_id is not null))';
const SEES_COMPANY = '(co.owner_id = @me or co.id in (select company_id from deals where owner_id = @me and company_id is not null))';
const SEES_QUOTE = '(q.owner_id = @me or q.deal_id in (select id from deals where owner_id = @me))';

type Hidden = { kind: string; id: number; text: string };

/**
 * Names of another rep's records the rep may not see, and the text that records they may see show
 * legitimately (their deals' titles name companies; a quote of theirs names its customer; a task of
 * theirs names what it is on): a hidden name found inside that text proves nothing, so it is left out
 * of the search. A contact of theirs at a company they may not see shows no company, so contacts'
 * companies are not in that text.
 */
function hiddenFrom(me: number, other: number): { hidden: Hidden[]; visibleText: string[] } {
  const db = e2eDb();
  try {
    const all = <T,>(sql: string) => db.prepare(sql).all({ me, other }) as T[];
    const hidden: Hidden[] = [
      ...all<Hidden>(`select 'deal' as kind, d.id, d.title as text from deals d where d.owner_id = @other`),
      ...all<Hidden>(`select 'contact' as kind, c.id, trim(c.first_name || ' ' || c.last_name) as text from contacts c where c.owner_id = @other and not ${SEES_CONTACT}`),
      ...all<Hidden>(`select 'company' as kind, co.id, co.name as text from companies co where co.owner_id = @other and not ${SEES_COMPANY}`),
      ...all<Hidden>(`select 'quote' as kind, q.id, q.number as text from quotes q where q.owner_id = @other and not ${SEES_QUOTE}`),
    ];
    const visibleText = [
      ...all<{ t: string }>(`select d.title as t from deals d where ${SEES_DEAL}`),
      ...all<{ t: string }>(`select trim(c.first_name || ' ' || c.last_name) as t from contacts c where ${SEES_CONTACT}`),
      ...all<{ t: string }>(`select co.name as t from companies co where ${SEES_COMPANY}`),
      ...all<{ t: string }>(`select q.number || ' ' || q.title || ' ' || coalesce(co.name, '') || ' ' || coalesce(c.first_name || ' ' || c.last_name, '') as t
                             from quotes q left join companies co on co.id = q.company_id left join contacts c on c.id = q.contact_id where ${SEES_QUOTE}`),
      // The rep's own activities and tasks name what they were logged on.
      ...all<{ t: string }>(`select coalesce(d.title, '') || ' ' || coalesce(c.first_name || ' ' || c.last_name, '') || ' ' || coalesce(co.name, '') as t
                             from activities a left join deals d on d.id = a.deal_id left join contacts c on c.id = a.contact_id left join companies co on co.id = a.company_id
                             where a.owner_id = @me or a.deal_id in (select id from deals where owner_id = @me)`),
    ].map((r) => r.t.toLowerCase());
    return { hidden, visibleText };
  } finally {
    db.close();
  }
}

/** The response text as a reader would see the names in it: HTML entities and JSON escapes undone. */
function readable(body: string): string {
  return body
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\\"/g, '"')
    .replace(/\\u0026/g, '&')
    .toLowerCase();
}

async function bodyOf(page: Page, url: string): Promise<{ status: number; text: string }> {
  const res = await page.request.get(url, { maxRedirects: 5 });
  const type = res.headers()['content-type'] ?? '';
  // PDFs are compressed: their content is the rep's own quote (the route is 404 for another's); text elsewhere.
  return { status: res.status(), text: type.includes('pdf') ? '' : readable(await res.text()) };
}

const ana = () => one<{ id: number }>(`select id from users where email = ?`, USERS.rep.email).id;
const ben = () => one<{ id: number }>(`select id from users where email = ?`, USERS.rep2.email).id;

test.describe.configure({ mode: 'serial' });

test.afterAll(() => setRepsSee('everything'));

test('with "only their own", a rep finds none of another rep’s records on any route or export, and their pages are 404', async ({ page }) => {
  test.setTimeout(600_000);
  setRepsSee('own');
  const me = ana();
  const { hidden, visibleText } = hiddenFrom(me, ben());
  const checkable = hidden.filter((h) => h.text.length >= 4 && !visibleText.some((t) => t.includes(h.text.toLowerCase())));
  for (const kind of ['deal', 'contact', 'company', 'quote']) expect(checkable.filter((h) => h.kind === kind).length, `hidden ${kind}s to look for`).toBeGreaterThan(0);

  await signIn(page, USERS.rep.email);
  const own = demoRecords(me);
  const firstHidden = (kind: string) => hidden.find((h) => h.kind === kind)!;
  const [deal, contact, company, quote] = ['deal', 'contact', 'company', 'quote'].map(firstHidden);

  // Every page and route handler under app/, filled with the rep's own records, plus the views and
  // exports that a URL can widen to everyone, and searches for the hidden names themselves.
  const urls = [
    ...everyRoute(own),
    '/deals?owner=all',
    `/deals?owner=${ben()}`,
    '/deals/list?owner=all',
    '/deals/list?owner=all&status=won',
    '/deals/list?owner=all&status=lost',
    '/deals/export.csv?owner=all',
    '/deals/export.csv?owner=all&status=won',
    '/deals/export.csv?owner=all&status=lost',
    '/contacts?owner=all&page=2',
    `/contacts?owner=${ben()}`,
    '/companies?owner=all&page=2',
    '/quotes?owner=all',
    '/quotes?owner=all&page=2',
    `/quotes?owner=${ben()}`,
    '/forecast?owner=all',
    '/forecast/export.csv?owner=all',
    '/tasks?owner=all',
    `/quotes/new?deal=${deal.id}`,
    `/deals/new?contact=${contact.id}&company=${company.id}`,
  ];
  // A search echoes what was typed, so there the answer is in the links: none to a hidden record.
  const searches = [
    `/deals/list?owner=all&q=${encodeURIComponent(deal.text)}`,
    `/deals?owner=all&q=${encodeURIComponent(deal.text)}`,
    `/contacts?q=${encodeURIComponent(contact.text)}`,
    `/companies?q=${encodeURIComponent(company.text)}`,
    `/quotes?owner=all&q=${encodeURIComponent(quote.text)}`,
  ];
  const linkTo = (h: Hidden) => `href="/${h.kind === 'company' ? 'companies' : `${h.kind}s`}/${h.id}"`;
  const leaks: string[] = [];
  for (const url of [...urls, ...searches]) {
    const { status, text } = await bodyOf(page, url);
    expect(status, url).toBeLessThan(500);
    for (const h of hidden) if (text.includes(linkTo(h))) leaks.push(`${url}: a link to ${h.kind} ${h.id}`);
    if (searches.includes(url)) continue;
    for (const h of checkable) if (text.includes(h.text.toLowerCase())) leaks.push(`${url}: ${h.kind} ${h.id} “${h.text}”`);
  }
  expect(leaks).toEqual([]);

  // The same pages in the browser, as the rep sees them: the board and the lists.
  for (const url of ['/', '/deals?owner=all', '/deals/list?owner=all', '/contacts', '/companies', '/quotes?owner=all', '/tasks']) {
    await page.goto(url);
    const text = (await page.locator('body').innerText()).toLowerCase();
    for (const h of checkable) expect(text.includes(h.text.toLowerCase()), `${url} shows ${h.kind} “${h.text}”`).toBe(false);
  }

  // Another rep's record pages, their edit pages and PDFs: not found, like a record that does not exist.
  for (const url of [
    `/deals/${deal.id}`,
    `/contacts/${contact.id}`,
    `/contacts/${contact.id}/edit`,
    `/companies/${company.id}`,
    `/companies/${company.id}/edit`,
    `/quotes/${quote.id}`,
    `/quotes/${quote.id}/edit`,
    `/quotes/${quote.id}/pdf`,
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  const response = await page.goto(`/deals/${deal.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(deal.text)).toHaveCount(0);
  // Their own still open.
  expect((await page.request.get(`/deals/${own.deal.id}`)).status()).toBe(200);
  expect((await page.request.get(`/quotes/${own.quote.id}/pdf`)).status()).toBe(200);
});

test('with "everything", the same rep sees the other rep’s records again', async ({ page }) => {
  setRepsSee('everything');
  const { hidden } = hiddenFrom(ana(), ben());
  const [contact, company, quote] = ['contact', 'company', 'quote'].map((kind) => hidden.find((h) => h.kind === kind)!);
  // An open deal, so the default export (open deals) holds it too.
  const deal = one<Hidden>(`select 'deal' as kind, id, title as text from deals where owner_id = ? and status = 'open' order by id limit 1`, ben());
  await signIn(page, USERS.rep.email);
  for (const [url, text] of [
    [`/deals/${deal.id}`, deal.text],
    [`/contacts/${contact.id}`, contact.text],
    [`/companies/${company.id}`, company.text],
    [`/quotes/${quote.id}`, quote.text],
  ]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    expect(readable(await res.text()), url).toContain(text.toLowerCase());
  }
  expect((await page.request.get(`/quotes/${quote.id}/pdf`)).status()).toBe(200);
  await page.goto(`/contacts?q=${encodeURIComponent(contact.text)}`);
  await expect(page.getByTestId('contact-row').filter({ hasText: contact.text }).first()).toBeVisible();
  const csv = readable(await (await page.request.get('/deals/export.csv?owner=all')).text());
  expect(csv).toContain(deal.text.toLowerCase());
});
