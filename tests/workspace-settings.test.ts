import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import type { WorkspaceSettingsFields } from '@/lib/workspace/schemas';
import { createTestDb } from './support/db';

// Only the session and Next's cache are mocked; the database is real, with the real migrations.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { currencyInUse, getWorkspace, getWorkspaceLogo, getWorkspaceVersion, listWorkspaceEvents, removeWorkspaceLogo, updateWorkspace } = await import('@/db/queries/workspace');
const { createDeal } = await import('@/db/queries/deals');
const { createQuote, getQuote } = await import('@/db/queries/quotes');
const { reviseQuote, sendQuote } = await import('@/db/queries/quote-status');
const { createPipeline } = await import('@/db/queries/pipeline-settings');
const { listPipelinesWithStages } = await import('@/db/queries/pipelines');
const { loadQuotePdf } = await import('@/db/queries/quote-pdf');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { createQuoteSchema } = await import('@/lib/quotes/schemas');
const { quotePdfCacheKey } = await import('@/lib/pdf/cache-key');
const { describeSettingChange } = await import('@/lib/workspace/changes');
const { LOGO_WRONG_TYPE } = await import('@/lib/workspace/logo');
const { LOGO_TOO_BIG } = await import('@/lib/workspace/schemas');
const actions = await import('@/app/(app)/settings/workspace/actions');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
const rep: SessionUser = { id: 2, name: 'Ana Rep', email: 'ana@example.test', role: 'rep' };
const NOW = Date.UTC(2026, 10, 25, 9, 0);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>');

/** The settings as stored now, ready to change and save. */
const fields = () => Object.fromEntries(Object.entries(getWorkspace(db)).filter(([k]) => k !== 'logoUpdatedAt')) as WorkspaceSettingsFields;
const save = (change: Partial<WorkspaceSettingsFields>, options: { logo?: Uint8Array; at?: number } = {}) =>
  updateWorkspace(db, { version: getWorkspaceVersion(db), settings: { ...fields(), ...change }, logo: options.logo }, admin, options.at ?? NOW);

const form = (values: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};
const formOf = (change: Record<string, string | Blob> = {}) => {
  const ws = getWorkspace(db);
  return form({
    updatedAt: String(getWorkspaceVersion(db)),
    name: ws.name,
    address: ws.address,
    taxId: ws.taxId,
    currency: ws.currency,
    timezone: ws.timezone,
    fiscalYearStartMonth: String(ws.fiscalYearStartMonth),
    defaultCountry: ws.defaultCountry,
    defaultTaxRateBp: '0',
    defaultPaymentTerms: ws.defaultPaymentTerms,
    defaultPaymentTermsText: ws.defaultPaymentTermsText,
    quoteValidityDays: String(ws.quoteValidityDays),
    defaultRotDays: String(ws.defaultRotDays),
    repsSee: ws.repsSee,
    // What a server action receives for a file input left empty.
    logo: new File([], 'blob'),
    ...change,
  });
};

function newQuote(title = 'Fit-out') {
  const input = createQuoteSchema.parse({ dealId: null, title, validUntil: '2026-12-25', paymentTerms: 'net_30', lines: JSON.stringify([{ description: 'Boards', unitPrice: '45' }]) });
  return createQuote(db, input, admin, { currency: getWorkspace(db).currency, today: '2026-11-25', now: NOW });
}
function newDeal(valueCents: number) {
  return createDeal(db, { title: 'Deal', valueCents, pipelineId: 1, stageId: 1, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null }, admin, NOW);
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'password1' });
  db.$client.prepare(`insert into users (name, email, password_hash, role) values ('Ana Rep', 'ana@example.test', 'x', 'rep')`).run();
  session.user = admin;
});

describe('saving the settings', () => {
  test('every setting is stored, and each change leaves a history row with who and when', () => {
    const result = save({ name: 'Harbor & Pine', address: '12 Quay St\nPortland', taxId: 'EIN 84-1', timezone: 'Europe/Paris', fiscalYearStartMonth: 4, defaultTaxRateBp: 2000, quoteValidityDays: 45, repsSee: 'own' });
    expect(result).toEqual({ changed: 8 });
    expect(getWorkspace(db)).toMatchObject({ name: 'Harbor & Pine', address: '12 Quay St\nPortland', taxId: 'EIN 84-1', timezone: 'Europe/Paris', fiscalYearStartMonth: 4, defaultTaxRateBp: 2000, quoteValidityDays: 45, repsSee: 'own' });
    const history = listWorkspaceEvents(db);
    expect(history).toHaveLength(8);
    expect(history.every((e) => e.userName === admin.name && e.at === NOW)).toBe(true);
    expect(history.map(describeSettingChange)).toContain('Default tax rate: 0% → 20%');
    expect(history.map(describeSettingChange)).toContain('Reps see: Everything → Only their own records');
    expect(getWorkspaceVersion(db)).toBe(NOW);
  });

  test('saving what is there already changes nothing and writes no history', () => {
    const before = getWorkspaceVersion(db);
    expect(save({})).toEqual({ changed: 0 });
    expect(listWorkspaceEvents(db)).toEqual([]);
    expect(getWorkspaceVersion(db)).toBe(before);
  });

  test('a save over someone else’s newer save is refused, and nothing of it is kept', () => {
    const version = getWorkspaceVersion(db);
    save({ name: 'First' }, { at: NOW });
    expect(() => updateWorkspace(db, { version, settings: { ...fields(), name: 'Second', taxId: 'X' } }, admin, NOW + 1000)).toThrow(/Someone else saved the settings/);
    expect(getWorkspace(db)).toMatchObject({ name: 'First', taxId: '' });
  });
});

describe('currency', () => {
  test('changes freely while nothing holds an amount', () => {
    newDeal(0);
    expect(currencyInUse(db, 'USD')).toEqual({ quotes: 0, deals: 0 });
    save({ currency: 'EUR' });
    expect(getWorkspace(db).currency).toBe('EUR');
    expect(listWorkspaceEvents(db).map(describeSettingChange)).toEqual(['Currency: USD → EUR']);
  });

  test('is refused beside the field while quotes or deals with a value exist, with how many; the rest of the save too', () => {
    newQuote();
    newQuote('Second');
    newDeal(4000_00);
    expect(currencyInUse(db, 'USD')).toEqual({ quotes: 2, deals: 1 });
    let error: unknown;
    try {
      save({ currency: 'EUR', name: 'Renamed' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ fieldErrors: { currency: expect.stringMatching(/^There are 2 quotes and 1 deal with a value in USD; changing the currency would relabel/) } });
    expect(getWorkspace(db)).toMatchObject({ currency: 'USD', name: 'Keel' });
    expect(listWorkspaceEvents(db)).toEqual([]);
  });

  test('a deal alone is enough to refuse it', () => {
    newDeal(1);
    expect(() => save({ currency: 'JPY' })).toThrow(/^There is 1 deal with a value in USD/);
  });
});

describe('logo', () => {
  test.each([
    ['a PNG', PNG, 'image/png'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['an SVG', SVG, 'image/svg+xml'],
  ])('%s is stored with the type its bytes say, and a new version', (_what, bytes, type) => {
    save({}, { logo: bytes });
    const logo = getWorkspaceLogo(db)!;
    expect(logo.mimeType).toBe(type);
    expect(new Uint8Array(logo.data)).toEqual(bytes);
    expect(logo.version).toBe(NOW);
    expect(getWorkspace(db).logoUpdatedAt).toBe(NOW);
    expect(listWorkspaceEvents(db).map((e) => [e.field, e.fromValue, e.toValue])).toEqual([['logo', null, type]]);
  });

  test.each([
    ['HTML named logo.png', new TextEncoder().encode('<html><script>alert(1)</script></html>'), LOGO_WRONG_TYPE],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), LOGO_WRONG_TYPE],
    ['an SVG behind a DOCTYPE', new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY x "x">]><svg/>'), LOGO_WRONG_TYPE],
    ['an empty file', new Uint8Array(0), 'That file is empty'],
    ['a PNG over 1 MB', new Uint8Array([...PNG, ...new Uint8Array(1024 * 1024)]), LOGO_TOO_BIG],
  ])('%s is refused beside the Logo field, with the settings saved alongside', (_what, bytes, message) => {
    expect(() => save({ name: 'Renamed' }, { logo: bytes })).toThrow(message);
    try {
      save({ name: 'Renamed' }, { logo: bytes });
    } catch (e) {
      expect(e).toMatchObject({ fieldErrors: { logo: message } });
    }
    expect(getWorkspaceLogo(db)).toBeNull();
    expect(getWorkspace(db).name).toBe('Keel');
  });

  test('a new logo replaces the old; removing it leaves history and the Keel mark', () => {
    save({}, { logo: PNG, at: NOW });
    save({}, { logo: SVG, at: NOW + 1000 });
    expect(getWorkspaceLogo(db)).toMatchObject({ mimeType: 'image/svg+xml', version: NOW + 1000 });
    removeWorkspaceLogo(db, admin, NOW + 2000);
    expect(getWorkspaceLogo(db)).toBeNull();
    expect(getWorkspace(db).logoUpdatedAt).toBeNull();
    expect(listWorkspaceEvents(db).map(describeSettingChange)).toEqual(['Logo removed', 'Logo: an SVG image uploaded', 'Logo: a PNG image uploaded']);
    expect(listWorkspaceEvents(db).map((e) => [e.fromValue, e.toValue])).toEqual([
      ['image/svg+xml', null],
      ['image/png', 'image/svg+xml'],
      [null, 'image/png'],
    ]);
    // Removing nothing is nothing.
    removeWorkspaceLogo(db, admin, NOW + 3000);
    expect(listWorkspaceEvents(db)).toHaveLength(3);
  });
});

describe('the settings are what new records start from', () => {
  test('a revision is valid for the workspace’s quote validity from today', () => {
    save({ quoteValidityDays: 10 });
    const { id } = newQuote();
    sendQuote(db, id, 1, admin, NOW);
    const version = (db.$client.prepare('select version from quotes where id = ?').get(id) as { version: number }).version;
    const revised = reviseQuote(db, id, version, admin, '2026-11-25', NOW);
    expect((db.$client.prepare('select valid_until as v from quotes where id = ?').get(revised.id) as { v: string }).v).toBe('2026-12-05');
  });

  test('a new pipeline’s stages rot after the workspace’s default days', () => {
    save({ defaultRotDays: 12 });
    const { id } = createPipeline(db, 'Renewals');
    expect(listPipelinesWithStages(db).find((p) => p.id === id)!.stages.map((s) => s.rotDays)).toEqual([12, 12, 12, 12]);
  });

  test('a quote’s PDF prints the company’s details, and its cache key changes with them and with the logo', () => {
    const { id } = newQuote();
    const pdf = () => loadQuotePdf(db, getQuote(db, id)!);
    const first = quotePdfCacheKey(pdf().stamp, pdf().data);
    save({ address: '12 Quay St', taxId: 'EIN 84-1' }, { at: NOW + 1 });
    expect(pdf().data.company).toEqual({ name: 'Keel', address: '12 Quay St', taxId: 'EIN 84-1', logo: null });
    const withDetails = quotePdfCacheKey(pdf().stamp, pdf().data);
    expect(withDetails).not.toBe(first);
    save({}, { logo: PNG, at: NOW + 2 });
    expect(pdf().data.company.logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const withLogo = quotePdfCacheKey(pdf().stamp, pdf().data);
    expect(withLogo).not.toBe(withDetails);
    // An SVG logo is not drawn on a PDF: the company's name stands there alone.
    save({}, { logo: SVG, at: NOW + 3 });
    expect(pdf().data.company.logo).toBeNull();
  });
});

describe('the server action', () => {
  test('an admin saves the form, a file included; an empty file input is no logo', async () => {
    const saved = await actions.updateWorkspaceAction(formOf({ name: 'Harbor & Pine', defaultTaxRateBp: '7.5', logo: new File([PNG], 'logo.png', { type: 'image/png' }) }));
    expect(saved).toEqual({ ok: true, data: { changed: 3 } });
    expect(getWorkspace(db)).toMatchObject({ name: 'Harbor & Pine', defaultTaxRateBp: 750 });
    expect(getWorkspaceLogo(db)?.mimeType).toBe('image/png');
    expect(await actions.updateWorkspaceAction(formOf({ defaultTaxRateBp: '7.5' }))).toEqual({ ok: true, data: { changed: 0 } });
  });

  test('bad input comes back per field and saves nothing', async () => {
    const result = await actions.updateWorkspaceAction(formOf({ name: ' ', defaultTaxRateBp: '120', quoteValidityDays: '0', timezone: 'Mars/Base', defaultPaymentTerms: 'custom', defaultPaymentTermsText: '' }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: 'Give the company a name',
        defaultTaxRateBp: 'Enter a tax rate from 0 to 100 with at most 2 decimals',
        quoteValidityDays: 'Enter whole days from 1 to 365',
        timezone: 'Pick a time zone from the list',
      },
    });
    expect(getWorkspace(db).name).toBe('Keel');
  });

  test('a file whose bytes are not an image is refused beside the Logo field, whatever its name and type say', async () => {
    const fake = new File(['<html><script>alert(1)</script></html>'], 'logo.png', { type: 'image/png' });
    expect(await actions.updateWorkspaceAction(formOf({ logo: fake }))).toEqual({ ok: false, error: LOGO_WRONG_TYPE, fieldErrors: { logo: LOGO_WRONG_TYPE } });
  });

  test('the currency refusal comes back beside the Currency field', async () => {
    newQuote();
    const result = await actions.updateWorkspaceAction(formOf({ currency: 'EUR' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { currency: expect.stringMatching(/^There is 1 quote in USD;/) } });
  });

  test('only an admin may save or remove the logo', async () => {
    session.user = rep;
    expect(await actions.updateWorkspaceAction(formOf({ name: 'Mine now' }))).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    save({}, { logo: PNG });
    expect(await actions.removeLogoAction({})).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    expect(getWorkspaceLogo(db)).not.toBeNull();
    session.user = admin;
    expect(await actions.removeLogoAction({})).toEqual({ ok: true, data: undefined });
    expect(getWorkspaceLogo(db)).toBeNull();
  });
});
