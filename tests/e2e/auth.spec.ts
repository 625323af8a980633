import { expect, test } from '@playwright/test';
import { addUser, contextFrom, fillLogin, PASSWORD, signIn, USERS } from './helpers';

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

test('a wrong password is refused without telling whether the email exists', async ({ browser }) => {
  // From an address of its own, so these failures count against no other test's address.
  const context = await contextFrom(browser, '203.0.113.40');
  const page = await context.newPage();
  await page.goto('/login');
  await fillLogin(page, USERS.manager.email, 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await fillLogin(page, 'nobody@demo.local', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('five failures from one address lock that address out of the email, not the real user elsewhere, and say the same for unknown emails', async ({ browser }) => {
  const attacker = await contextFrom(browser, '203.0.113.30');
  const page = await attacker.newPage();
  await page.goto('/login');
  const locked = 'Too many failed sign-in attempts. Try again in 15 minutes.';
  for (const email of [USERS.rep2.email, 'guesswork@demo.local']) {
    for (let i = 0; i < 5; i++) {
      await fillLogin(page, email, `wrong-${i}`);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
    }
    await fillLogin(page, email, PASSWORD);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(locked);
    await expect(page).toHaveURL(/\/login/);
  }
  await attacker.close();

  // Ben, at another address, signs in as usual.
  const ben = await contextFrom(browser, '203.0.113.31');
  const benPage = await ben.newPage();
  await signIn(benPage, USERS.rep2.email);
  await expect(benPage.getByTestId('current-user')).toContainText(USERS.rep2.name);
  await ben.close();
});

test('next never leads off the site, after the form or when already signed in, and never fails', async ({ page, baseURL }) => {
  await page.goto('/login?next=%2F%09%2Fevil.example');
  await fillLogin(page, USERS.admin.email);
  await expect(page.getByRole('heading', { name: /Good to see you/ })).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/`);
  // Signed in, the login page sends the user on at once: the target must be just as safe.
  for (const next of ['%2F%0A%2Fevil.example', '%2F%09%2Fevil.example', '%2F%5C%5Cevil.example', '%2F%252F%2Fevil.example', '%2F.%2F%2Fevil.example', 'https%3Aevil.example', '%2F%0D%0ASet-Cookie%3Ax%3D1', '%2F%EF%BC%8Fevil.example']) {
    const response = await page.goto(`/login?next=${next}`);
    expect(response?.status(), next).toBe(200);
    expect(page.url(), next).toBe(`${baseURL}/`);
  }
  await page.goto('/login?next=%2Fdeals%3Fowner%3Dme');
  await expect(page).toHaveURL(/\/deals\?owner=me$/);
});

test('a rep opening an admin page is told it is not allowed, with a 403', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  const response = await page.goto('/settings/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});

test('signing out ends the session on the server: a copy of the old cookie no longer works', async ({ page, browser, context }) => {
  await signIn(page, USERS.manager.email);
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto('/');
  await expect(stolen).toHaveURL(/\/login\?next=%2F$/);
  await replay.close();
});

test('a user changes their password: other browsers are signed out, this one stays; then signs out everywhere', async ({ page, browser }) => {
  const dora = { name: 'Dora Diaz', email: 'dora@demo.local', password: 'dora-first-pass' };
  await addUser(browser, dora);
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, dora.email, dora.password);
  await signIn(page, dora.email, dora.password, '/settings/profile');

  const form = page.getByTestId('change-password');
  await expect(page.getByTestId('sessions')).toContainText('You are signed in on 2 browsers or devices, this one included.');
  const fill = async (current: string, next: string) => {
    await form.getByLabel('Current password').fill(current);
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('Repeat the new password').fill(next);
    await form.getByRole('button', { name: 'Change password' }).click();
  };
  await fill(dora.password, 'Password1');
  await expect(form.getByText('This is one of the most common passwords: choose one that is harder to guess')).toBeVisible();
  await fill('not-it-at-all', 'dora-second-pass');
  await expect(form.getByText('That is not your current password')).toBeVisible();
  await fill(dora.password, 'dora-second-pass');
  await expect(form.getByRole('status')).toHaveText('Your password is changed, and 1 other browser was signed out.');

  await laptopPage.reload();
  await expect(laptopPage).toHaveURL(/\/login/);
  await page.reload();
  await expect(page.getByTestId('sessions')).toContainText('You are signed in on this browser only.');

  await signIn(laptopPage, dora.email, 'dora-second-pass');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login/);
  await laptopPage.goto('/');
  await expect(laptopPage).toHaveURL(/\/login/);
  await laptop.close();
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
