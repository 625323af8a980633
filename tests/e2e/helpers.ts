import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PASSWORD = 'demo1234';
export const USERS = {
  admin: { email: 'owner@demo.local', name: 'Olivia Owner', role: 'Admin' },
  manager: { email: 'mia@demo.local', name: 'Mia Manager', role: 'Manager' },
  rep: { email: 'ana@demo.local', name: 'Ana Rivera', role: 'Sales rep' },
  rep2: { email: 'ben@demo.local', name: 'Ben Carter', role: 'Sales rep' },
} as const;

export async function fillLogin(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in from the login page and waits for the shell. */
export async function signIn(page: Page, email: string, password = PASSWORD, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillLogin(page, email, password);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** A fresh browser context whose requests come from another address (the e2e server trusts one proxy hop). */
export async function contextFrom(browser: Browser, ip: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ip } });
}

/** Adds a user through the admin's form, in a context of its own, so a test can change their password freely. */
export async function addUser(browser: Browser, user: { name: string; email: string; password: string; role?: 'rep' | 'manager' | 'admin' }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, USERS.admin.email, undefined, '/settings/users');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add user' }) });
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Role').selectOption(user.role ?? 'rep');
  await form.getByLabel('Initial password').fill(user.password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`${user.name} can now sign in.`)).toBeVisible();
  await context.close();
}
