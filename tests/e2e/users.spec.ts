import { expect, test } from '@playwright/test';
import { addUser, contextFrom, fillLogin, signIn, USERS } from './helpers';

test('an admin adds a user who can then sign in, and deactivating them stops that', async ({ page, browser }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/users');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add user' }) });

  // Bad input is explained beside the fields and nothing is created.
  await form.getByLabel('Name').fill('Carla Diaz');
  await form.getByLabel('Email').fill('carla@');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByText('Enter a valid email address')).toBeVisible();
  await expect(form.getByText('Use at least 8 characters')).toBeVisible();

  await form.getByLabel('Email').fill('carla@demo.local');
  await form.getByLabel('Initial password').fill('welcome-carla');
  await form.getByLabel('Role').selectOption('manager');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Carla Diaz can now sign in.')).toBeVisible();
  const row = page.locator('[data-testid="user-row"][data-email="carla@demo.local"]');
  await expect(row).toContainText('Carla Diaz');

  // The same email cannot be used twice.
  await form.getByLabel('Name').fill('Carla Again');
  await form.getByLabel('Email').fill('Carla@Demo.local');
  await form.getByLabel('Initial password').fill('welcome-carla');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByText('That email already has an account')).toBeVisible();

  const other = await browser.newContext();
  const carla = await other.newPage();
  await signIn(carla, 'carla@demo.local', 'welcome-carla');
  await expect(carla.getByTestId('current-user')).toContainText('Manager');

  // The admin changes her role to rep; she sees it on her next page.
  await row.getByLabel('Role for Carla Diaz').selectOption('rep');
  await expect(row.getByLabel('Role for Carla Diaz')).toHaveValue('rep');
  await carla.reload();
  await expect(carla.getByTestId('current-user')).toContainText('Sales rep');

  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Deactivated');
  // Her open session ends and she can no longer sign in.
  await carla.goto('/');
  await expect(carla).toHaveURL(/\/login/);
  await fillLogin(carla, 'carla@demo.local', 'welcome-carla');
  await expect(carla.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');

  // Reactivating her does not bring her old session back: she signs in again.
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row).not.toContainText('Deactivated');
  await carla.goto('/');
  await expect(carla).toHaveURL(/\/login/);
  await other.close();
});

test('an admin resets a password: the user is signed out at once and sets a new one from a one-time link', async ({ page, browser }) => {
  const eve = { name: 'Eve Stone', email: 'eve@demo.local', password: 'eve-first-pass' };
  await addUser(browser, eve);
  const eveContext = await browser.newContext();
  const evePage = await eveContext.newPage();
  await signIn(evePage, eve.email, eve.password);

  await signIn(page, USERS.admin.email, undefined, '/settings/users');
  const row = page.locator(`[data-testid="user-row"][data-email="${eve.email}"]`);
  await row.getByRole('button', { name: 'Reset password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the password of Eve Stone' });
  await expect(dialog).toContainText('signed out everywhere at once');
  await dialog.getByRole('button', { name: 'Make reset link' }).click();
  const link = await dialog.getByTestId('reset-link').inputValue();
  expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await evePage.reload();
  await expect(evePage).toHaveURL(/\/login/);

  // The link, opened anywhere (here from an address of its own), sets the new password once.
  const stranger = await contextFrom(browser, '203.0.113.50');
  const resetPage = await stranger.newPage();
  await resetPage.goto(link);
  await expect(resetPage.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(resetPage.getByText(`For ${eve.email}.`, { exact: false })).toBeVisible();
  await resetPage.getByLabel('New password', { exact: true }).fill('qwertyuiop');
  await resetPage.getByLabel('Repeat the new password').fill('qwertyuiop');
  await resetPage.getByRole('button', { name: 'Set new password' }).click();
  await expect(resetPage.getByText('This is one of the most common passwords: choose one that is harder to guess')).toBeVisible();
  await resetPage.getByLabel('New password', { exact: true }).fill('eve-second-pass');
  await resetPage.getByLabel('Repeat the new password').fill('eve-second-pass');
  await resetPage.getByRole('button', { name: 'Set new password' }).click();
  await expect(resetPage).toHaveURL(/\/login\?reset=done$/);
  await expect(resetPage.getByRole('status')).toHaveText('Your password is changed. Sign in with the new one.');
  await fillLogin(resetPage, eve.email, 'eve-second-pass');
  await expect(resetPage.getByTestId('current-user')).toContainText(eve.name);

  // Used up: it answers like any unknown link, with a 404 and without the email.
  const again = await resetPage.goto(link);
  expect(again?.status()).toBe(404);
  await expect(resetPage.getByRole('heading', { name: 'This link is not valid or has expired' })).toBeVisible();
  await expect(resetPage.locator('body')).not.toContainText(eve.email);
  const unknown = await resetPage.goto(`/reset/${'A'.repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  await expect(resetPage.getByRole('heading', { name: 'This link is not valid or has expired' })).toBeVisible();
  await stranger.close();
  await eveContext.close();
});

test('an admin cannot deactivate themselves', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/users');
  const me = page.locator(`[data-testid="user-row"][data-email="${USERS.admin.email}"]`);
  await expect(me).toContainText('You');
  await expect(me.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
});
