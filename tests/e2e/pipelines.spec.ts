import { expect, test } from '@playwright/test';
import { signIn, USERS } from './helpers';

// Works on a pipeline of its own so that the shared Sales pipeline stays as other tests expect it.
test('an admin builds a pipeline: adds, edits, reorders and deletes stages, moving a deal out first', async ({ page }) => {
  const name = `Renewals ${Date.now().toString(36)}`;
  await signIn(page, USERS.admin.email, undefined, '/settings/pipelines');
  await page.getByRole('form', { name: 'Create a pipeline' }).getByLabel('New pipeline').fill(name);
  await page.getByRole('form', { name: 'Create a pipeline' }).getByRole('button', { name: 'Create' }).click();
  const card = page.getByTestId('pipeline-card').filter({ has: page.locator(`input[value="${name}"]`) });
  await expect(card.getByTestId('stage-row')).toHaveCount(4);

  const add = card.getByRole('form', { name: 'Add a stage' });
  await add.getByLabel('New stage').fill('Contract sent');
  await add.getByLabel('Probability %').fill('150');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await expect(add.getByText('Enter a probability from 0 to 100')).toBeVisible();
  await add.getByLabel('Probability %').fill('90');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await expect(card.getByTestId('stage-row')).toHaveCount(5);

  await card.getByRole('button', { name: 'Move Contract sent up' }).click();
  await expect(card.getByTestId('stage-row').nth(3)).toHaveAttribute('data-stage-name', 'Contract sent');

  // A deal in "Qualified" of this pipeline, so that deleting that stage has to move it.
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(`Renewal deal ${name}`);
  await page.getByLabel('Pipeline').selectOption({ label: name });
  await page.getByLabel('Stage').selectOption({ label: 'Qualified (25%)' });
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-header')).toContainText('Qualified');
  const dealUrl = page.url();

  await page.goto('/settings/pipelines');
  const qualified = card.locator('[data-testid="stage-row"][data-stage-name="Qualified"]');
  await expect(qualified).toContainText('1 deal');
  await qualified.getByRole('button', { name: 'Delete' }).click();
  const confirm = qualified.getByRole('group', { name: 'Delete Qualified' });
  await confirm.getByLabel('Move its 1 deal to').selectOption({ label: 'Contract sent' });
  await confirm.getByRole('button', { name: 'Delete stage' }).click();
  await expect(card.getByTestId('stage-row')).toHaveCount(4);
  await expect(card.locator('[data-stage-name="Contract sent"]')).toContainText('1 deal');

  await page.goto(dealUrl);
  await expect(page.getByTestId('deal-header')).toContainText('Contract sent');
  await expect(page.getByTestId('timeline-item').filter({ hasText: 'Moved from a deleted stage to Contract sent' })).toBeVisible();
});

test('an admin adds a lost reason that reps can then pick', async ({ page }) => {
  const reason = `Budget frozen ${Date.now().toString(36)}`;
  await signIn(page, USERS.admin.email, undefined, '/settings/pipelines');
  const form = page.getByRole('form', { name: 'Add a lost reason' });
  await form.getByLabel('New reason').fill(reason);
  await form.getByRole('button', { name: 'Add reason' }).click();
  await expect(page.getByTestId('lost-reason').locator(`input[value="${reason}"]`)).toBeVisible();
  await form.getByLabel('New reason').fill(reason.toUpperCase());
  await form.getByRole('button', { name: 'Add reason' }).click();
  await expect(form.getByText('That reason is already on the list.')).toBeVisible();
});

test('pipeline settings are for admins only', async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const response = await page.goto('/settings/pipelines');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});
