import { expect, test } from '@playwright/test';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// The leads inbox as reps and managers use it on the demo workspace (120 seeded leads): a new lead
// typed in by hand with the "already in Keel" warning, its score and why, the first contact logged,
// and the inbox's search and filters; a manager's lead for a rep lands in the rep's badge and tasks.

test('a rep types in a lead, is told it is already a contact, saves it anyway, and works it from the inbox', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const known = one<{ email: string; name: string }>(`select email, trim(first_name || ' ' || last_name) as name from contacts where email is not null order by id limit 1`);
  await signIn(page, USERS.rep.email, undefined, '/leads');
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  // Sorted by score, best first.
  const scores = await page.getByTestId('lead-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-score'))));
  expect(scores.length).toBeGreaterThan(1);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  await page.getByRole('main').getByRole('link', { name: 'New lead', exact: true }).click();
  await page.getByLabel('First name').fill('Nora');
  await page.getByLabel('Last name').fill(`Lindqvist ${stamp}`);
  await page.getByLabel('Email').fill(known.email);
  await expect(page.getByTestId('likely-duplicates')).toContainText(`This looks like ${known.name}`);
  await expect(page.getByTestId('likely-duplicates')).toContainText('Contact');
  // A different person after all: a new address, and a title the scoring rules like.
  await page.getByLabel('Email').fill(`nora.${stamp}@lindqvist.example`);
  await page.getByLabel('Company').fill(`Lindqvist Bygg ${stamp}`);
  await page.getByLabel('Job title').fill('Director of Purchasing');
  await page.getByRole('button', { name: 'Create lead' }).click();

  await expect(page).toHaveURL(/\/leads\/\d+$/);
  const header = page.getByTestId('lead-header');
  await expect(header.getByRole('heading', { name: `Nora Lindqvist ${stamp}` })).toBeVisible();
  // Job title contains "director" +15, a company +5.
  await expect(page.getByTestId('lead-score')).toHaveAttribute('data-score', '20');
  await expect(page.getByTestId('lead-timeline-item').filter({ hasText: 'Score 0 → 20' })).toContainText('+15 Job title contains “director”');

  // The first call: New becomes Contacted, and the call counts.
  const form = page.getByRole('form', { name: 'Log activity' });
  await form.getByLabel('Type').selectOption('call');
  await form.getByLabel('Subject').fill('First call');
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(form.getByText('Logged.')).toBeVisible();
  await expect(header).toContainText('Contacted');
  await expect(page.getByTestId('lead-score')).toHaveAttribute('data-score', '25');
  await expect(page.getByTestId('lead-timeline-item').filter({ hasText: 'New → Contacted' })).toContainText('A call was logged');
  const leadUrl = page.url();

  // Found from the inbox by typing part of the company.
  await page.goto('/leads');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(`lindqvist bygg ${stamp}`);
  await expect(page).toHaveURL(/q=lindqvist/);
  await expect(page.getByTestId('lead-row')).toHaveCount(1);
  await expect(page.getByTestId('lead-row')).toHaveAttribute('data-status', 'contacted');
  await page.getByTestId('lead-row').getByRole('link', { name: `Nora Lindqvist ${stamp}` }).click();
  await expect(page).toHaveURL(leadUrl);

  // Disqualifying asks why.
  const status = page.getByRole('form', { name: 'Lead status' });
  await status.getByLabel('Status').selectOption('disqualified');
  await status.getByRole('button', { name: 'Set status' }).click();
  await expect(status.getByText('Choose why this lead is disqualified')).toBeVisible();
  await status.getByLabel('Why').selectOption({ label: 'No budget' });
  await status.getByRole('button', { name: 'Set status' }).click();
  await expect(header).toContainText('Disqualified');
  await expect(page.getByTestId('lead-timeline-item').filter({ hasText: 'Contacted → Disqualified' })).toContainText('Reason: No budget');
});

test('a manager gives a lead to a rep: it shows in the rep’s badge and task list', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, USERS.manager.email, undefined, '/leads/new');
  await page.getByLabel('First name').fill(`Oskar ${stamp}`);
  await page.getByLabel('Owner').selectOption({ label: USERS.rep.name });
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(page.getByTestId('open-task')).toContainText(`First contact: Oskar ${stamp}`);

  const rep = await browser.newPage();
  await signIn(rep, USERS.rep.email, undefined, '/tasks');
  await expect(rep.getByTestId('new-leads-badge').first()).toBeVisible();
  await expect(rep.getByText(`First contact: Oskar ${stamp}`)).toBeVisible();
  await rep.close();
});
