import { describeLeadHistory } from '@/lib/leads/scoring';
import type { PaymentTerms, RepsSee } from '@/db/schema';
import { formatScaled } from '@/lib/numbers';
import { PAYMENT_TERM_LABELS } from '@/lib/quotes/status';
import { MONTH_NAMES } from './options';
import type { WorkspaceSettingsFields } from './schemas';

// The history of the workspace settings: one row per setting that changed, holding the stored
// values as text (what was and what became), described in words only when shown.

export type SettingField = keyof WorkspaceSettingsFields | 'logo';
export type SettingChange = { field: SettingField; fromValue: string | null; toValue: string | null };

export const SETTING_LABELS: Record<SettingField, string> = {
  name: 'Company name',
  address: 'Address',
  taxId: 'Tax ID',
  logo: 'Logo',
  currency: 'Currency',
  timezone: 'Time zone',
  fiscalYearStartMonth: 'Fiscal year starts',
  defaultCountry: 'Default country',
  defaultTaxRateBp: 'Default tax rate',
  defaultPaymentTerms: 'Payment terms',
  defaultPaymentTermsText: 'Custom payment terms',
  quoteValidityDays: 'Quote validity (days)',
  defaultRotDays: 'Days before a deal rots',
  repsSee: 'Reps see',
};

export const REPS_SEE_LABELS: Record<RepsSee, string> = { everything: 'Everything', own: 'Only their own records' };

const FIELDS = Object.keys(SETTING_LABELS).filter((f): f is keyof WorkspaceSettingsFields => f !== 'logo');

/** The settings that differ between the stored row and the saved form, in the form's order. */
export function settingChanges(before: WorkspaceSettingsFields, after: WorkspaceSettingsFields): SettingChange[] {
  return FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({ field, fromValue: String(before[field]), toValue: String(after[field]) }));
}

/** A stored value in words: "20%", "April", "Net 30", "Only their own records"; blank is "(none)". */
export function describeSettingValue(field: SettingField, value: string | null): string {
  if (value === null || value === '') return '(none)';
  switch (field) {
    case 'defaultTaxRateBp':
      return `${formatScaled(Number(value), 2)}%`;
    case 'fiscalYearStartMonth':
      return MONTH_NAMES[Number(value) - 1] ?? value;
    case 'defaultPaymentTerms':
      return PAYMENT_TERM_LABELS[value as PaymentTerms] ?? value;
    case 'repsSee':
      return REPS_SEE_LABELS[value as RepsSee] ?? value;
    case 'logo':
      return value === 'image/svg+xml' ? 'an SVG image' : value === 'image/png' ? 'a PNG image' : 'a JPEG image';
    default:
      return value.replace(/\s*\n\s*/g, ', ');
  }
}

/** One line of the history: "Currency: USD → EUR", "Logo: a PNG image uploaded", "Logo removed". */
export function describeSettingChange(change: SettingChange): string {
  // The lead scoring page keeps its rules' and settings' history in the same table.
  if (!(change.field in SETTING_LABELS)) return describeLeadHistory(change);
  const label = SETTING_LABELS[change.field];
  if (change.field === 'logo') return change.toValue === null ? 'Logo removed' : `Logo: ${describeSettingValue('logo', change.toValue)} uploaded`;
  return `${label}: ${describeSettingValue(change.field, change.fromValue)} → ${describeSettingValue(change.field, change.toValue)}`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Why the currency cannot change, or null when it can. Amounts are stored as plain integers in the
 * workspace's currency, so while any quote or any deal with a value exists a change would relabel
 * them (a $4,000 deal would read €4,000); there is no exchange rate to convert them by.
 */
export function currencyChangeProblem(current: string, inUse: { quotes: number; deals: number }): string | null {
  if (inUse.quotes === 0 && inUse.deals === 0) return null;
  const what = [inUse.quotes ? count(inUse.quotes, 'quote', 'quotes') : null, inUse.deals ? count(inUse.deals, 'deal with a value', 'deals with a value') : null]
    .filter(Boolean)
    .join(' and ');
  const verb = inUse.quotes + inUse.deals === 1 ? 'There is' : 'There are';
  return `${verb} ${what} in ${current}; changing the currency would relabel their amounts without converting them. It can change only while there are no quotes and no deals with a value.`;
}
