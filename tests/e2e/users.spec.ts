import { expect, test } from '@playwright/test';
import { fillLogin, signIn, USERS } from './helpers';

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
  await other.close();
});

test('an admin cannot deactivate themselves', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/users');
  const me = page.locator(`[data-testid="user-row"][data-email="${USERS.admin.email}"]`);
  await expect(me).toContainText('You');
  await expect(me.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
});
