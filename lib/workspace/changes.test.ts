import { expect, test } from 'vitest';
import { currencyChangeProblem, describeSettingChange, settingChanges } from './changes';
import type { WorkspaceSettingsFields } from './schemas';

const before: WorkspaceSettingsFields = {
  name: 'Harbor',
  address: '',
  taxId: '',
  currency: 'USD',
  timezone: 'UTC',
  fiscalYearStartMonth: 1,
  defaultCountry: 'US',
  defaultTaxRateBp: 0,
  defaultPaymentTerms: 'net_30',
  defaultPaymentTermsText: '',
  quoteValidityDays: 30,
  defaultRotDays: 30,
  repsSee: 'everything',
};

test('only the settings that differ are changes, as their stored text', () => {
  expect(settingChanges(before, before)).toEqual([]);
  expect(settingChanges(before, { ...before, name: 'Harbor & Pine', defaultTaxRateBp: 2000, repsSee: 'own' })).toEqual([
    { field: 'name', fromValue: 'Harbor', toValue: 'Harbor & Pine' },
    { field: 'defaultTaxRateBp', fromValue: '0', toValue: '2000' },
    { field: 'repsSee', fromValue: 'everything', toValue: 'own' },
  ]);
});

test.each([
  [{ field: 'currency', fromValue: 'USD', toValue: 'EUR' }, 'Currency: USD → EUR'],
  [{ field: 'defaultTaxRateBp', fromValue: '0', toValue: '750' }, 'Default tax rate: 0% → 7.5%'],
  [{ field: 'fiscalYearStartMonth', fromValue: '1', toValue: '4' }, 'Fiscal year starts: January → April'],
  [{ field: 'defaultPaymentTerms', fromValue: 'net_30', toValue: 'custom' }, 'Payment terms: Net 30 → Custom'],
  [{ field: 'repsSee', fromValue: 'everything', toValue: 'own' }, 'Reps see: Everything → Only their own records'],
  [{ field: 'address', fromValue: '', toValue: '12 Quay St\nPortland' }, 'Address: (none) → 12 Quay St, Portland'],
  [{ field: 'logo', fromValue: null, toValue: 'image/png' }, 'Logo: a PNG image uploaded'],
  [{ field: 'logo', fromValue: 'image/png', toValue: 'image/svg+xml' }, 'Logo: an SVG image uploaded'],
  [{ field: 'logo', fromValue: 'image/jpeg', toValue: null }, 'Logo removed'],
] as const)('%j reads %j', (change, text) => expect(describeSettingChange(change)).toBe(text));

test.each([
  [{ quotes: 0, deals: 0 }, null],
  [{ quotes: 1203, deals: 4000 }, /^There are 1,203 quotes and 4,000 deals with a value in USD; changing the currency would relabel/],
  [{ quotes: 1, deals: 0 }, /^There is 1 quote in USD;/],
  [{ quotes: 0, deals: 1 }, /^There is 1 deal with a value in USD;/],
  [{ quotes: 0, deals: 2 }, /^There are 2 deals with a value in USD;/],
])('changing the currency with %j in use: %s', (inUse, message) => {
  const problem = currencyChangeProblem('USD', inUse);
  if (message === null) expect(problem).toBeNull();
  else expect(problem).toMatch(message);
});

test('lead scoring changes kept in the same history read as the lead scoring page writes them', () => {
  expect(describeSettingChange({ field: 'leadHotThreshold' as never, fromValue: '50', toValue: '65' })).toBe('Hot from score: 50 → 65');
  expect(describeSettingChange({ field: 'leadEngagementDecayPct' as never, fromValue: '0', toValue: '10' })).toBe('Engagement fades: never → 10% a month');
});
