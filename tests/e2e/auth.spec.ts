import { expect, test } from '@playwright/test';
import { fillLogin, signIn, USERS } from './helpers';

test('a signed-out visitor is sent to sign in and comes back to the page they asked for', async ({ page }) => {
  await page.goto('/settings/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fusers$/);
  await fillLogin(page, USERS.admin.email);
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
});

for (const key of ['admin', 'manager', 'rep'] as const) {
  test(`${key} signs in and sees their name and role in the shell`, async ({ page }) => {
    const user = USERS[key];
    await signIn(page, user.email);
    const me = page.getByTestId('current-user');
    await expect(me).toContainText(user.name);
    await expect(me).toContainText(user.role);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(key === 'admin' ? 1 : 0);
  });
}

test('a wrong password is refused without telling whether the email exists', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, USERS.manager.email, 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await fillLogin(page, 'nobody@demo.local', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
});

test('five failed attempts lock the email for a while', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await fillLogin(page, 'guesswork@demo.local', `wrong-${i}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  }
  await fillLogin(page, 'guesswork@demo.local', 'one-more-guess');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many failed attempts for this email. Try again in 15 minutes.');
  await expect(page).toHaveURL(/\/login/);
});

test('a rep opening an admin page is told it is not allowed, with a 403', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  const response = await page.goto('/settings/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
});

test('health answers ok without a session', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

test('the shell works on a 390 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await fillLogin(page, USERS.admin.email);
  await expect(page.getByRole('heading', { name: /Good to see you/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(nav).toBeHidden();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
});
