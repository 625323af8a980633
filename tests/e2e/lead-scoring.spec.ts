import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// The lead scoring screen as an admin uses it: a fit rule added and the hot threshold changed, both
// still there after a reload, the open leads scored again by the worker that `npm start` runs. The
// rule and the threshold are put back at the end of the test, whatever happens in between.

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const RULE = 'Job title contains “VP”';
const rule = (page: Page) => page.locator(`[data-testid="scoring-rule"][data-label="${RULE}"]`);

let threshold: number;
test.beforeAll(() => {
  threshold = one<{ t: number }>('select lead_hot_threshold as t from workspace where id = 1').t;
});

/** Puts the rule and the threshold back as they were, through the screen, as other specs read scores. */
async function restore(page: Page) {
  await page.goto('/settings/lead-scoring');
  if (await rule(page).count()) {
    await page.getByRole('button', { name: `Delete ${RULE}` }).click();
    await page.getByRole('button', { name: 'Delete rule' }).click();
    await expect(rule(page)).toHaveCount(0);
  }
  await field(page, 'Hot from score').fill(String(threshold));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Saved\.|Nothing to save)/ })).toBeVisible();
}

test('an admin adds a fit rule and changes the hot threshold; both are saved, and open leads are scored again', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/lead-scoring');
  try {
    await addRuleAndThreshold(page);
  } finally {
    await restore(page);
  }
});

async function addRuleAndThreshold(page: Page) {
  await expect(page.getByRole('heading', { name: 'Lead scoring', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lead scoring' })).toHaveAttribute('aria-current', 'page');
  // The starting rules are there.
  await expect(page.locator('[data-testid="scoring-rule"][data-label="Job title contains “director”"]')).toContainText('+15');

  const add = page.getByRole('form', { name: 'Add a fit rule' });
  await add.getByLabel('Field').selectOption({ label: 'Job title' });
  await add.getByLabel('Condition').selectOption({ label: 'contains' });
  // A rule without points is refused beside the field, and nothing is added.
  await add.getByLabel('Value').fill('VP');
  await add.getByRole('button', { name: 'Add rule' }).click();
  await expect(add.getByText('Whole points from −100 to 100, not 0')).toBeVisible();
  await expect(rule(page)).toHaveCount(0);
  await add.getByLabel('Points').fill('+20');
  await add.getByRole('button', { name: 'Add rule' }).click();
  await expect(rule(page)).toHaveCount(1);
  await expect(rule(page).getByTestId('rule-points')).toHaveText('+20');
  // The form is empty again for the next rule.
  await expect(add.getByLabel('Points')).toHaveValue('');

  const next = threshold === 65 ? 66 : 65;
  await field(page, 'Hot from score').fill(String(next));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. 1 setting changed.' })).toBeVisible();

  await page.reload();
  await expect(rule(page)).toHaveCount(1);
  await expect(rule(page)).toHaveAttribute('data-active', 'true');
  await expect(field(page, 'Hot from score')).toHaveValue(String(next));
  const history = page.getByTestId('lead-scoring-history');
  await expect(history).toContainText('Rule added: Job title contains “VP” +20');
  await expect(history).toContainText(`Hot from score: ${threshold} → ${next}`);
  expect(one<{ t: number }>('select lead_hot_threshold as t from workspace where id = 1').t).toBe(next);

  // The worker rescored every open lead in the background.
  await expect(page.getByTestId('rescore-status').getByTestId('job-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('rescore-status')).toContainText(/Done: (nothing to score again|[\d,]+ leads? scored)/);
}

test('a rep and a manager get the forbidden page and no Lead scoring link', async ({ browser }) => {
  for (const who of [USERS.rep, USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, who.email);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lead scoring' })).toHaveCount(0);
    const response = await page.goto('/settings/lead-scoring');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await context.close();
  }
});
