import { expect, test } from 'vitest';
import { COUNTRY_CODES, countryOptions, currencyOptions, isCountryCode, isCurrencyCode, isTimeZone, timeZoneOptions } from './options';

test('the 249 ISO 3166-1 countries, each once and each with a name', () => {
  expect(COUNTRY_CODES).toHaveLength(249);
  expect(new Set(COUNTRY_CODES).size).toBe(249);
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  expect(COUNTRY_CODES.filter((c) => !names.of(c))).toEqual([]);
  expect(countryOptions().find((o) => o.value === 'DE')?.label).toBe('Germany');
});

test.each([
  ['US', true],
  ['XK', false],
  ['EU', false],
  ['UK', false],
])('%s is a country code: %s', (code, yes) => expect(isCountryCode(code)).toBe(yes));

test.each([
  ['EUR', true],
  ['JPY', true],
  ['eur', false],
  ['EURO', false],
  ['ABC', false],
])('%s is a currency: %s', (code, yes) => expect(isCurrencyCode(code)).toBe(yes));

test.each([
  ['UTC', true],
  ['Europe/Berlin', true],
  ['Asia/Kolkata', true],
  ['Asia/Calcutta', true],
  ['America/Indiana/Indianapolis', true],
  ['Europe/Atlantis', false],
  ['+02:00', false],
  ['../etc/passwd', false],
  ['', false],
])('%s is a time zone: %s', (zone, yes) => expect(isTimeZone(zone)).toBe(yes));

test('the options name what they are and keep the current zone even when Intl lists it otherwise', () => {
  expect(currencyOptions().find((o) => o.value === 'EUR')?.label).toBe('EUR · Euro');
  const zones = timeZoneOptions('Asia/Kolkata').map((o) => o.value);
  expect(zones[0]).toBe('UTC');
  expect(zones).toContain('Asia/Kolkata');
  expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
  expect(timeZoneOptions('UTC').find((o) => o.value === 'America/New_York')?.label).toBe('America/New York');
});
