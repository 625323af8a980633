import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { contextFrom, signIn, USERS } from './helpers';
import { one } from './workspace-db';

// Web forms (issue 14) as people use them: an admin builds a form, a visitor fills it on its hosted
// page with UTM parameters, another site frames it or draws it with the script embed, and the owner
// finds the lead and its First contact task.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const ORIGIN = `http://localhost:${PORT}`;
// Two other websites, served by the test on loopback ports (other origins than Keel's): the shop is
// listed as an allowed origin, the other site is not. Each serves the page the test gives it.
let SHOP = '';
let EVIL = '';
const served = { page: '' };
const servers: http.Server[] = [];

async function site(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(served.page);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.beforeAll(async () => {
  SHOP = await site();
  EVIL = await site();
});
test.afterAll(() => servers.forEach((s) => s.close()));

async function createForm(page: Page, slug: string, name: string): Promise<string> {
  await signIn(page, USERS.admin.email, undefined, '/settings/forms');
  await page.getByRole('link', { name: /New form|Create your first form/ }).first().click();
  await page.getByLabel('Form name').fill(name);
  await page.getByLabel('Address (slug)').fill(slug);
  await page.getByLabel('Owner').selectOption({ label: USERS.rep.name });
  await page.getByLabel('Tags').fill('spring');
  await page.getByLabel('Allowed origins').fill(SHOP);
  await page.getByRole('button', { name: 'Create form' }).click();
  await expect(page.getByText('The form is ready.')).toBeVisible();
  await expect(page.getByTestId('form-link')).toHaveText(`${ORIGIN}/f/${slug}`);
  await expect(page.getByTestId('embed-iframe')).toContainText(`${ORIGIN}/f/${slug}?embed=1`);
  const snippet = (await page.getByTestId('embed-iframe').textContent()) ?? '';
  await page.goto('/settings/forms');
  await expect(page.getByTestId('form-row').filter({ hasText: `/f/${slug}` })).toContainText(name);
  return snippet;
}

test('an admin creates a form; a visitor sends it from the hosted page; the owner finds the lead, its score and task, and converts it into a contact, a company and a deal', async ({ page, browser }) => {
  const slug = `spring-${Date.now().toString(36)}`;
  await createForm(page, slug, 'Spring newsletter');

  const visitor = await contextFrom(browser, '198.51.100.21');
  const v = await visitor.newPage();
  await v.setViewportSize({ width: 390, height: 844 });
  await v.goto(`/f/${slug}?utm_source=newsletter&utm_medium=email&utm_campaign=spring`);
  await expect(v.getByRole('heading', { name: 'Spring newsletter' })).toBeVisible();
  // The honeypot is there for bots, out of sight and out of the tab order.
  await expect(v.locator('input[name="website_url"]')).toHaveAttribute('tabindex', '-1');
  await expect(v.locator('input[name="website_url"]')).not.toBeInViewport();
  // A person takes more than the minimum fill time (3 s) to fill a form.
  await v.waitForTimeout(3200);
  await v.getByLabel('Name', { exact: true }).fill('Vera Visitor');
  await v.getByLabel('Email', { exact: true }).fill('vera.visitor@example.org');
  await v.getByLabel('Company (optional)').fill('Visitor Labs');
  await v.getByRole('button', { name: 'Send' }).click();
  await expect(v.getByTestId('form-thank-you')).toContainText('Thank you!');
  await visitor.close();

  const lead = one<{ id: number; owner: string; source: string; utm_source: string; utm_medium: string; utm_campaign: string; score: number; spam: number; consent_ip: string | null }>(
    `select l.id, u.email as owner, s.name as source, l.utm_source, l.utm_medium, l.utm_campaign, l.score, l.spam, l.consent_ip
     from leads l join users u on u.id = l.owner_id left join lead_sources s on s.id = l.source_id where l.email = ?`,
    'vera.visitor@example.org',
  );
  expect(lead).toMatchObject({ owner: USERS.rep.email, source: 'Website form', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', spam: 0 });
  expect(lead.score).toBeGreaterThan(0);

  const rep = await browser.newContext();
  const r = await rep.newPage();
  await signIn(r, USERS.rep.email, undefined, '/tasks');
  await expect(r.getByText('First contact: Vera Visitor')).toBeVisible();
  await r.goto('/leads?q=vera.visitor');
  const row = r.getByTestId('lead-row').filter({ hasText: 'Vera Visitor' });
  await expect(row).toHaveAttribute('data-lead-id', String(lead.id));
  await expect(row).toHaveAttribute('data-status', 'new');
  await expect(row).toHaveAttribute('data-score', String(lead.score));

  // The lead's page: its score and why, the submission with its campaign, the first-contact task.
  await row.getByRole('link', { name: 'Vera Visitor' }).click();
  await expect(r.getByTestId('lead-score')).toHaveAttribute('data-score', String(lead.score));
  await expect(r.getByTestId('lead-timeline-item').filter({ hasText: 'Each form submission' })).toBeVisible();
  await expect(r.getByTestId('lead-timeline-item').filter({ hasText: 'Sent Spring newsletter' })).toContainText('Email: vera.visitor@example.org');
  await expect(r.getByTestId('open-task')).toContainText('First contact: Vera Visitor');

  // Converted into a new contact, a new company and a deal.
  await r.getByRole('main').getByRole('link', { name: 'Convert', exact: true }).click();
  await expect(r.getByLabel('Create a new contact')).toBeChecked();
  await r.getByLabel('Create a new company').check();
  await r.getByLabel('Company name').fill('Visitor Labs');
  await expect(r.getByLabel('Create a deal')).toBeChecked();
  await r.getByLabel(/^Value/).fill('2,500');
  await r.getByRole('button', { name: 'Convert' }).click();
  await expect(r.getByRole('heading', { name: 'Vera Visitor', level: 1 })).toBeVisible();
  await expect(r.getByTestId('timeline-item').filter({ hasText: 'Converted from lead' })).toBeVisible();
  const converted = one<{ status: string; contact: number | null; company: string | null; deal: string | null; source: string | null }>(
    `select l.status, l.contact_id as contact, co.name as company, d.title as deal, d.source from leads l
     left join companies co on co.id = l.company_id left join deals d on d.id = l.deal_id where l.id = ?`,
    lead.id,
  );
  expect(converted).toMatchObject({ status: 'converted', company: 'Visitor Labs', source: 'Website form' });
  expect(converted.contact).not.toBeNull();
  expect(converted.deal).not.toBeNull();
  await rep.close();
});

test('another site frames the form (and resizes it) or draws it with the script; a site not allowed cannot frame it', async ({ page, browser }) => {
  const slug = `embed-${Date.now().toString(36)}`;
  const snippet = await createForm(page, slug, 'Partner shop');

  // A plain context: an extra header (X-Forwarded-For) on the script's cross-origin request would need its own CORS allowance.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const iframePage = `<!doctype html><title>Shop</title><h1>Our shop</h1>${snippet}`;

  // The iframe on an allowed site: the form shows, reports its height, and sends with the host page's address.
  served.page = iframePage;
  await v.goto(`${SHOP}/landing?utm_source=partner`);
  const frame = v.frameLocator(`#keel-form-${slug}`);
  await expect(frame.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect.poll(() => v.locator(`#keel-form-${slug}`).evaluate((el) => (el as HTMLIFrameElement).style.height)).not.toBe('560px');
  await v.waitForTimeout(3200);
  await frame.getByLabel('Name', { exact: true }).fill('Iris Frame');
  await frame.getByLabel('Email', { exact: true }).fill('iris.frame@example.org');
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByTestId('form-thank-you')).toBeVisible();
  expect(one<{ utm_source: string; page_url: string }>('select l.utm_source, f.page_url from leads l join form_submissions f on f.lead_id = l.id where l.email = ?', 'iris.frame@example.org')).toEqual({
    utm_source: 'partner',
    page_url: `${SHOP}/landing?utm_source=partner`,
  });

  // The script embed on the allowed site: drawn into the page, sent as JSON across origins.
  served.page = scriptPage(slug);
  await v.goto(`${SHOP}/script`);
  await expect(v.getByRole('button', { name: 'Send' })).toBeVisible();
  await v.waitForTimeout(3200);
  await v.getByLabel('Name', { exact: true }).fill('Sam Script');
  await v.getByLabel('Email', { exact: true }).fill('sam.script@example.org');
  await v.getByRole('button', { name: 'Send' }).click();
  await expect(v.getByTestId('form-thank-you')).toBeVisible();
  expect(one<{ n: number }>('select count(*) as n from leads where email = ? and spam = 0', 'sam.script@example.org').n).toBe(1);

  // A site that is not allowed: the browser refuses to show the form in its frame.
  served.page = iframePage;
  await v.goto(`${EVIL}/landing`);
  await v.waitForTimeout(1500);
  await expect(frame.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await visitor.close();
});

function scriptPage(slug: string) {
  return `<!doctype html><title>Shop</title><h1>Contact the shop</h1><div data-keel-form="${slug}"></div><script src="${ORIGIN}/f/${slug}/embed.js" async></script>`;
}
