// What the workspace settings offer to pick from, from the runtime's own Intl data: ISO 4217
// currencies, IANA time zones and ISO 3166-1 countries, each with its English name. Lists are built
// on the server and handed to the form, so the browser's Intl data never decides what is valid.

// ISO 3166-1 alpha-2, the 249 officially assigned codes. Intl has names for these but no list of
// them: enumerating every pair of letters would also yield regions that are not countries (EU, UN,
// QO…), reserved codes (AC, IC, TA…) and withdrawn ones (AN, CS, YU…).
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type Option = { value: string; label: string };

const COUNTRIES = new Set(COUNTRY_CODES);
let currencies: Set<string> | null = null;

export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

/** An ISO 4217 code this runtime can format amounts in. */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/**
 * A time zone Intl accepts by its IANA name ("Europe/Paris", "UTC"). Asked of Intl itself rather
 * than of its list, because that list holds one name per zone and not always the current one
 * (ICU lists "Asia/Calcutta", while "Asia/Kolkata" is the IANA name and works as well).
 */
export function isTimeZone(zone: string): boolean {
  if (!/^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "USD · US Dollar", by code. */
export function currencyOptions(): Option[] {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** UTC first, then every zone by name; the current one is kept even when Intl lists it by another name. */
export function timeZoneOptions(current: string): Option[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  if (!zones.includes(current)) zones.splice(1, 0, current);
  return zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

/** Countries by English name. */
export function countryOptions(): Option[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
