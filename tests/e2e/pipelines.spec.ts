import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

const suffix = () => Date.now().toString(36);
const stageRow = (card: ReturnType<Page['locator']>, name: string) => card.locator(`[data-testid="stage-row"][data-stage-name="${name}"]`);

// Works on a pipeline of its own, so that the demo's Sales pipeline stays as the other tests expect it.
test('an admin builds a pipeline: adds a stage, sets probabilities, reorders, and deletes stages, moving a deal first', async ({ page }) => {
  const name = `Renewals ${suffix()}`;
  await signIn(page, USERS.admin.email, undefined, '/settings/pipelines');
  await expect(page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeVisible();

  const create = page.getByRole('form', { name: 'Create a pipeline' });
  await create.getByLabel('New pipeline').fill(name);
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  const card = page.locator(`[data-testid="pipeline-card"][data-pipeline-name="${name}"]`);
  await expect(card.getByRole('heading', { name })).toBeVisible();
  await expect(card.getByTestId('stage-row')).toHaveCount(4);
  await expect(create.getByLabel('New pipeline')).toHaveValue('');

  // A bad probability is explained beside the field and nothing is added.
  const add = card.getByRole('form', { name: `Add a stage to ${name}` });
  await add.getByLabel('New stage').fill('Contract sent');
  await add.getByLabel('Probability %').fill('150');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await expect(add.getByText('Enter a probability from 0 to 100')).toBeVisible();
  await expect(add.getByLabel('Probability %')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByTestId('stage-row')).toHaveCount(4);
  await add.getByLabel('Probability %').fill('90');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await expect(card.getByTestId('stage-row')).toHaveCount(5);
  await expect(card.getByTestId('stage-row').last()).toHaveAttribute('data-stage-name', 'Contract sent');
  await expect(stageRow(card, 'Contract sent').getByLabel('Probability %')).toHaveValue('90');

  // An existing stage's probability and rot days are edited and kept.
  const proposal = stageRow(card, 'Proposal');
  await proposal.getByLabel('Probability %').fill('55.5');
  await proposal.getByLabel('Rots after days').fill('10');
  await proposal.getByRole('button', { name: 'Save' }).click();
  await expect(proposal.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(stageRow(card, 'Proposal').getByLabel('Probability %')).toHaveValue('55.5');
  await expect(stageRow(card, 'Proposal').getByLabel('Rots after days')).toHaveValue('10');

  // Reorder: one step up puts it before Negotiation.
  await card.getByRole('button', { name: 'Move Contract sent up' }).click();
  await expect(card.getByTestId('stage-row').nth(3)).toHaveAttribute('data-stage-name', 'Contract sent');
  await expect(card.getByTestId('stage-row').nth(4)).toHaveAttribute('data-stage-name', 'Negotiation');

  // A deal in this pipeline's "Qualified", so that deleting that stage has to move it.
  const title = `Renewal deal ${suffix()}`;
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Pipeline').selectOption({ label: name });
  await page.getByLabel('Stage').selectOption({ label: 'Qualified (25%)' });
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByTestId('deal-header')).toContainText('Qualified');
  const dealUrl = page.url();

  await page.goto('/settings/pipelines');
  const qualified = stageRow(card, 'Qualified');
  await expect(qualified.getByTestId('stage-deals')).toHaveText('1 open deal');
  await qualified.getByRole('button', { name: 'Delete Qualified' }).click();
  const confirm = qualified.getByRole('group', { name: 'Delete Qualified' });
  await expect(confirm).toContainText('holds 1 deal');
  // It asks where the deal goes before deleting anything.
  await confirm.getByRole('button', { name: 'Move deals and delete' }).click();
  await expect(confirm.getByText('Choose a stage for its deals')).toBeVisible();
  await confirm.getByLabel('Move its 1 deal to').selectOption({ label: 'Contract sent' });
  await confirm.getByRole('button', { name: 'Move deals and delete' }).click();
  await expect(card.getByTestId('stage-row')).toHaveCount(4);
  await expect(stageRow(card, 'Qualified')).toHaveCount(0);
  await expect(stageRow(card, 'Contract sent').getByTestId('stage-deals')).toHaveText('1 open deal');

  // A stage without deals is deleted after a plain confirm; Cancel keeps it.
  await stageRow(card, 'Lead').getByRole('button', { name: 'Delete Lead' }).click();
  await stageRow(card, 'Lead').getByRole('group', { name: 'Delete Lead' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(stageRow(card, 'Lead').getByRole('group')).toHaveCount(0);
  await expect(stageRow(card, 'Lead').getByRole('button', { name: 'Delete Lead' })).toBeFocused();
  await stageRow(card, 'Lead').getByRole('button', { name: 'Delete Lead' }).click();
  await stageRow(card, 'Lead').getByRole('group', { name: 'Delete Lead' }).getByRole('button', { name: 'Delete stage' }).click();
  await expect(card.getByTestId('stage-row')).toHaveCount(3);
  await expect(card.getByTestId('stage-row').first()).toHaveAttribute('data-stage-name', 'Proposal');

  // The deal now sits in the chosen stage, and its history says so, naming the stage it left.
  await page.goto(dealUrl);
  await expect(page.getByTestId('deal-header')).toContainText('Contract sent');
  await expect(page.getByTestId('timeline-item').filter({ hasText: 'Moved from Qualified to Contract sent' })).toBeVisible();
});

test('an admin adds a lost reason that is offered when a deal is lost, until it is deactivated', async ({ page }) => {
  const reason = `Budget frozen ${suffix()}`;
  await signIn(page, USERS.admin.email, undefined, '/settings/pipelines');
  const list = page.getByRole('list', { name: 'Lost reasons' });
  const form = page.getByRole('form', { name: 'Add a lost reason' });
  await form.getByLabel('New reason').fill(reason);
  await form.getByRole('button', { name: 'Add reason' }).click();
  const row = list.locator(`[data-testid="lost-reason"][data-label="${reason}"]`);
  await expect(row).toBeVisible();
  await expect(list.getByTestId('lost-reason').last()).toHaveAttribute('data-label', reason);
  await expect(form.getByLabel('New reason')).toHaveValue('');

  // The same reason in other letters is refused beside the field.
  await form.getByLabel('New reason').fill(reason.toUpperCase());
  await form.getByRole('button', { name: 'Add reason' }).click();
  await expect(form.getByText('That reason is already on the list.')).toBeVisible();

  // Reorder: one step up.
  await row.getByRole('button', { name: `Move ${reason} up` }).click();
  await expect(list.getByTestId('lost-reason').last()).not.toHaveAttribute('data-label', reason);

  // It is offered when marking a deal lost (the dialog is cancelled: nothing changes).
  const offered = async () => {
    await page.goto('/deals/list');
    await page.getByTestId('deal-row').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Mark lost' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
    const options = await dialog.getByLabel('Reason').locator('option').allTextContents();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    return options;
  };
  expect(await offered()).toContain(reason);

  await page.goto('/settings/pipelines');
  await row.getByRole('button', { name: `Deactivate ${reason}` }).click();
  await expect(row).toContainText('Inactive');
  await expect(row.getByRole('button', { name: `Reactivate ${reason}` })).toBeVisible();
  const after = await offered();
  expect(after).not.toContain(reason);
  expect(after).toContain('Timing');
});

test('pipeline settings are for admins only', async ({ browser }) => {
  for (const user of [USERS.rep, USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user.email);
    const response = await page.goto('/settings/pipelines');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create a pipeline' })).toHaveCount(0);
    await context.close();
  }
});
