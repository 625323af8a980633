import { describe, expect, test } from 'vitest';
import { zodFieldErrors } from '@/lib/form-data';
import { LOGO_MAX_BYTES, LOGO_TOO_BIG, workspaceSettingsSchema } from './schemas';

const valid = {
  updatedAt: '1764000000000',
  name: 'Harbor & Pine Supply',
  address: '12 Quay Street\r\nPortland, ME 04101',
  taxId: 'US-84-1234567',
  currency: 'EUR',
  timezone: 'Europe/Paris',
  fiscalYearStartMonth: '4',
  defaultCountry: 'FR',
  defaultTaxRateBp: '20',
  defaultPaymentTerms: 'net_30',
  defaultPaymentTermsText: '',
  quoteValidityDays: '45',
  defaultRotDays: '21',
  repsSee: 'own',
};

const errorsFor = (overrides: Record<string, unknown>) => {
  const result = workspaceSettingsSchema.safeParse({ ...valid, ...overrides });
  return result.success ? {} : zodFieldErrors(result.error);
};

describe('workspace settings schema', () => {
  test('reads the form into stored values: basis points, whole numbers, one kind of line break', () => {
    expect(workspaceSettingsSchema.parse(valid)).toEqual({
      updatedAt: 1_764_000_000_000,
      name: 'Harbor & Pine Supply',
      address: '12 Quay Street\nPortland, ME 04101',
      taxId: 'US-84-1234567',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      fiscalYearStartMonth: 4,
      defaultCountry: 'FR',
      defaultTaxRateBp: 2000,
      defaultPaymentTerms: 'net_30',
      defaultPaymentTermsText: '',
      quoteValidityDays: 45,
      defaultRotDays: 21,
      repsSee: 'own',
    });
  });

  test.each([
    ['7.5', 750],
    ['12,5 %', 1250],
    ['0', 0],
    ['100', 10_000],
    ['19.99%', 1999],
  ])('a tax rate of %j is %i basis points', (typed, bp) => {
    expect(workspaceSettingsSchema.parse({ ...valid, defaultTaxRateBp: typed }).defaultTaxRateBp).toBe(bp);
  });

  test.each([
    ['UTC'],
    ['America/New_York'],
    ['Asia/Kolkata'],
    ['America/Argentina/Buenos_Aires'],
  ])('accepts the time zone %s', (zone) => {
    expect(errorsFor({ timezone: zone })).toEqual({});
  });

  test.each([
    ['name', '', 'Give the company a name'],
    ['name', '   ', 'Give the company a name'],
    ['name', 'x'.repeat(101), 'Keep the name under 100 characters'],
    ['address', 'a'.repeat(501), 'Keep the address under 500 characters'],
    ['taxId', 'VAT\nFR123', 'Keep this on one line, without tabs or line breaks'],
    ['currency', 'usd', 'Pick a currency from the list'],
    ['currency', 'XYZ', 'Pick a currency from the list'],
    ['currency', '', 'Pick a currency from the list'],
    ['timezone', 'Mars/Olympus_Mons', 'Pick a time zone from the list'],
    ['timezone', 'Europe/Paris; drop table', 'Pick a time zone from the list'],
    ['fiscalYearStartMonth', '13', 'Pick the month the fiscal year starts in'],
    ['fiscalYearStartMonth', '0', 'Pick the month the fiscal year starts in'],
    ['defaultCountry', 'EU', 'Pick a country from the list'],
    ['defaultCountry', 'us', 'Pick a country from the list'],
    ['defaultTaxRateBp', '101', 'Enter a tax rate from 0 to 100 with at most 2 decimals'],
    ['defaultTaxRateBp', '-5', 'Enter a tax rate from 0 to 100 with at most 2 decimals'],
    ['defaultTaxRateBp', '7.125', 'Enter a tax rate from 0 to 100 with at most 2 decimals'],
    ['defaultTaxRateBp', 'twenty', 'Enter a tax rate from 0 to 100 with at most 2 decimals'],
    ['defaultTaxRateBp', '', 'Enter a tax rate from 0 to 100 with at most 2 decimals'],
    ['defaultPaymentTerms', 'net_90', 'Pick payment terms'],
    ['quoteValidityDays', '0', 'Enter whole days from 1 to 365'],
    ['quoteValidityDays', '366', 'Enter whole days from 1 to 365'],
    ['quoteValidityDays', '30.5', 'Enter whole days from 1 to 365'],
    ['quoteValidityDays', '1e2', 'Enter whole days from 1 to 365'],
    ['defaultRotDays', '-1', 'Enter whole days, 0 or more'],
    ['defaultRotDays', '4000', 'At most 3650 days'],
    ['repsSee', 'nothing', 'Pick what reps see'],
  ])('%s = %j is refused beside the field: %s', (field, value, message) => {
    expect(errorsFor({ [field]: value })).toEqual({ [field]: message });
  });

  test('every message shows at once, the missing custom terms with the rest', () => {
    expect(errorsFor({ name: '', defaultTaxRateBp: '120', defaultPaymentTerms: 'custom', defaultPaymentTermsText: '' })).toEqual({
      name: 'Give the company a name',
      defaultTaxRateBp: 'Enter a tax rate from 0 to 100 with at most 2 decimals',
      defaultPaymentTermsText: 'Describe the payment terms',
    });
    expect(errorsFor({ defaultPaymentTerms: 'custom', defaultPaymentTermsText: '\u0000' })).toEqual({ defaultPaymentTermsText: 'Remove the control characters (such as NUL) from this text' });
  });

  test('custom payment terms need their text; other terms drop a leftover text', () => {
    expect(errorsFor({ defaultPaymentTerms: 'custom', defaultPaymentTermsText: ' ' })).toEqual({ defaultPaymentTermsText: 'Describe the payment terms' });
    expect(workspaceSettingsSchema.parse({ ...valid, defaultPaymentTerms: 'custom', defaultPaymentTermsText: '50 % upfront' }).defaultPaymentTermsText).toBe('50 % upfront');
    expect(workspaceSettingsSchema.parse({ ...valid, defaultPaymentTerms: 'net_15', defaultPaymentTermsText: '50 % upfront' }).defaultPaymentTermsText).toBe('');
  });

  test('a logo is an optional file of at most 1 MB (its type is checked from its bytes when stored)', () => {
    expect(workspaceSettingsSchema.parse(valid).logo).toBeUndefined();
    const small = new File([new Uint8Array(10)], 'logo.png');
    expect(workspaceSettingsSchema.parse({ ...valid, logo: small }).logo).toBe(small);
    expect(errorsFor({ logo: new File([new Uint8Array(LOGO_MAX_BYTES)], 'edge.png') })).toEqual({});
    expect(errorsFor({ logo: new File([new Uint8Array(LOGO_MAX_BYTES + 1)], 'big.png') })).toEqual({ logo: LOGO_TOO_BIG });
    expect(errorsFor({ logo: 'logo.png' })).toEqual({ logo: 'Choose an image file' });
  });
});
