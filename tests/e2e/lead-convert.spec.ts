import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// Converting a lead (issue 14): a lead from the website form, with a submission and a call, is
// converted by its owner into a new contact, a new company and a deal; the contact's timeline then
// tells the lead's story, and the lead says it was converted, with links.

/** The e2e server's database, opened to put a lead in as a web form would have. */
function insertLead(fields: { first: string; last: string; email: string; company: string; ownerId: number; status?: string; score?: number }) {
  const db = new Database(path.resolve(`tmp/e2e-${Number(process.env.E2E_PORT ?? 3210)}/keel.db`), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    const source = (db.prepare(`select id from lead_sources where name = 'Website form'`).get() as { id: number }).id;
    const id = Number(
      db
        .prepare(
          `insert into leads (first_name, last_name, email, company_name, title, owner_id, source_id, status, score, created_at, updated_at)
           values (?, ?, ?, ?, 'Head of Operations', ?, ?, ?, ?, ?, ?)`,
        )
        .run(fields.first, fields.last, fields.email, fields.company, fields.ownerId, source, fields.status ?? 'qualified', fields.score ?? 40, now - 3 * 86_400_000, now - 3 * 86_400_000).lastInsertRowid,
    );
    db.prepare(`insert into form_submissions (lead_id, data, created_at) values (?, ?, ?)`).run(id, JSON.stringify({ email: fields.email, notes: 'We need 25 seats' }), now - 3 * 86_400_000);
    db.prepare(`insert into activities (type, subject, done_at, owner_id, lead_id, created_at, updated_at) values ('call', 'Discovery call with the lead', ?, ?, ?, ?, ?)`).run(
      now - 2 * 86_400_000, fields.ownerId, id, now - 2 * 86_400_000, now - 2 * 86_400_000,
    );
    return id;
  } finally {
    db.close();
  }
}

test('a rep converts a lead into a new contact, company and deal, and the story follows', async ({ page }) => {
  const ana = one<{ id: number }>('select id from users where email = ?', USERS.rep.email);
  // The lead names a company that exists already, so the wizard has something to show.
  const existing = one<{ id: number; name: string }>(`select id, name from companies where name like '% %' order by id limit 1`);
  const stamp = Date.now().toString(36);
  const leadId = insertLead({ first: 'Wren', last: `Convert${stamp}`, email: `wren.${stamp}@example.org`, company: existing.name, ownerId: ana.id });

  await signIn(page, USERS.rep.email, undefined, `/leads/${leadId}/convert`);
  await expect(page.getByRole('heading', { name: `Convert Wren Convert${stamp}` })).toBeVisible();
  // What exists: no contact with this email, the company of that name (proposed), and its open deals.
  await expect(page.getByText('No contact has this lead’s email yet.')).toBeVisible();
  const match = page.getByTestId('existing-company').filter({ hasText: `Link to ${existing.name}` });
  await expect(match).toContainText('Same company name');
  await expect(match.getByRole('radio')).toBeChecked();

  // Create everything new instead.
  await expect(page.getByLabel('Create a new contact')).toBeChecked();
  await expect(page.getByLabel('First name')).toHaveValue('Wren');
  await expect(page.getByLabel('Email')).toHaveValue(`wren.${stamp}@example.org`);
  await page.getByLabel('Create a new company').check();
  await page.getByLabel('Company name').fill(`Wren Works ${stamp}`);
  await page.getByLabel('Website domain').fill(`wren-${stamp}.example`);
  await expect(page.getByLabel('Create a deal')).toBeChecked();
  await expect(page.getByLabel('Deal title')).toHaveValue(`${existing.name} deal`);
  await page.getByLabel('Deal title').fill(`Wren Works ${stamp} deal`);
  await page.getByLabel(/^Value/).fill('4,200');
  await page.getByRole('button', { name: 'Convert' }).click();

  // On the contact: the lead's history is on its timeline, linked back to the lead.
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  await expect(page.getByRole('heading', { name: `Wren Convert${stamp}`, level: 1 })).toBeVisible();
  const items = page.getByTestId('timeline-item');
  await expect(items.filter({ hasText: 'Converted from lead' })).toContainText(`Created contact Wren Convert${stamp}, created company Wren Works ${stamp} and created deal Wren Works ${stamp} deal.`);
  await expect(items.filter({ hasText: 'Form submission' })).toContainText('We need 25 seats');
  await expect(items.filter({ hasText: 'Discovery call with the lead' })).toBeVisible();
  await page.getByRole('link', { name: 'From leads' }).click();
  await expect(page).toHaveURL(/type=lead/);
  await expect(items).toHaveCount(2);

  // The lead says it was converted, with its links; it cannot be converted twice.
  await items.filter({ hasText: 'Converted from lead' }).getByTestId('timeline-lead-link').click();
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}$`));
  const converted = page.getByTestId('lead-converted');
  await expect(converted).toContainText('Converted');
  await expect(converted.getByRole('link', { name: `Contact: Wren Convert${stamp}` })).toBeVisible();
  await expect(converted.getByRole('link', { name: `Company: Wren Works ${stamp}` })).toBeVisible();
  await converted.getByRole('link', { name: `Deal: Wren Works ${stamp} deal` }).click();
  await expect(page.getByRole('heading', { name: `Wren Works ${stamp} deal` })).toBeVisible();

  await page.goto(`/leads/${leadId}/convert`);
  await expect(page.getByTestId('already-converted')).toContainText('A lead is converted once');
  await expect(page.getByRole('button', { name: 'Convert' })).toHaveCount(0);
  await page.getByRole('link', { name: `Open Wren Convert${stamp}` }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
});

test("a rep's dashboard lists their new and hot leads; the reports show leads by source with a CSV", async ({ page, browser }) => {
  const ana = one<{ id: number }>('select id from users where email = ?', USERS.rep.email);
  const stamp = Date.now().toString(36);
  const leadId = insertLead({ first: 'Hazel', last: `Hot${stamp}`, email: `hazel.${stamp}@example.org`, company: `Hazel Co ${stamp}`, ownerId: ana.id, status: 'new', score: 99 });
  await signIn(page, USERS.rep.email);
  await expect(page.getByTestId('dash-new-leads').locator(`[data-lead-id="${leadId}"]`)).toContainText(`Hazel Hot${stamp}`);
  const hot = page.getByTestId('dash-hot-leads').locator(`[data-lead-id="${leadId}"]`);
  await expect(hot).toContainText('Score 99');
  await hot.getByRole('link', { name: `Hazel Hot${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}$`));

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, USERS.manager.email, undefined, '/reports');
  for (const id of ['leads-by-source', 'lead-funnel', 'lead-first-contact']) await expect(manager.getByTestId(`report-${id}`)).toBeVisible();
  await expect(manager.getByTestId('report-leads-by-source').locator('tbody tr').filter({ hasText: 'Website form' })).toBeVisible();
  await expect(manager.getByTestId('report-lead-funnel').locator('tbody tr').filter({ hasText: 'New' })).toBeVisible();
  const download = manager.waitForEvent('download');
  await manager.getByTestId('report-leads-by-source').getByRole('link', { name: 'Download CSV' }).click();
  const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe('source,leads,qualified,to_a_deal,to_a_won_deal,won_value');
  expect(text).toContain('Website form,');
});
