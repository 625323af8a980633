import { expect, type Page } from '@playwright/test';

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
