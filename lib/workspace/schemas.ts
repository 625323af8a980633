import { z } from 'zod';
import { PAYMENT_TERMS, REPS_SEE } from '@/db/schema';
import { parseScaled } from '@/lib/numbers';
import { rotDays } from '@/lib/pipelines/schemas';
import { asText, optionalText, requiredText } from '@/lib/validation/text';
import { isCountryCode, isCurrencyCode, isTimeZone } from './options';

// The workspace settings form, written once: the settings page, its server action and the tests.

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TOO_BIG = 'The logo can be at most 1 MB: export it smaller or as an SVG';

const typed = z.preprocess(asText, z.string());
const code = (valid: (v: string) => boolean, message: string) => typed.refine(valid, message);

const TAX_MESSAGE = 'Enter a tax rate from 0 to 100 with at most 2 decimals';
/** A percentage as typed ("20", "7.5", "12,5 %") to basis points. */
const taxRateBp = typed.transform((v, ctx): number => {
  const bp = parseScaled(v.replace(/^(\d*),(\d{1,2})(\s?%)?$/, '$1.$2$3'), 2);
  if (bp === null || bp < 0 || bp > 10_000) {
    ctx.addIssue({ code: 'custom', message: TAX_MESSAGE });
    return z.NEVER;
  }
  return bp;
});

const wholeNumber = (min: number, max: number, message: string) =>
  typed.transform((v, ctx): number => {
    const n = /^\d{1,6}$/.test(v.trim()) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });

/**
 * The logo as the form sends it: a file, or nothing when none was chosen (an empty file input sends
 * a nameless empty file, which lib/form-data turns into nothing). Only the size is known here; what
 * the bytes are is checked by their first bytes when they are stored (lib/workspace/logo.ts).
 */
const logoFile = z
  .instanceof(File, { message: 'Choose an image file' })
  .refine((f) => f.size <= LOGO_MAX_BYTES, LOGO_TOO_BIG)
  .optional();

export const workspaceSettingsSchema = z
  .object({
    /** The row's updated_at when the form was opened: a save over someone else's is refused. */
    updatedAt: z.coerce.number().int().nonnegative(),
    name: requiredText({ max: 100, required: 'Give the company a name', tooLong: 'Keep the name under 100 characters' }),
    address: optionalText({ max: 500, multiline: true, tooLong: 'Keep the address under 500 characters' }).transform((v) => v ?? ''),
    taxId: optionalText({ max: 50, tooLong: 'Keep the tax ID under 50 characters' }).transform((v) => v ?? ''),
    currency: code(isCurrencyCode, 'Pick a currency from the list'),
    timezone: code(isTimeZone, 'Pick a time zone from the list'),
    fiscalYearStartMonth: wholeNumber(1, 12, 'Pick the month the fiscal year starts in'),
    defaultCountry: code(isCountryCode, 'Pick a country from the list'),
    defaultTaxRateBp: taxRateBp,
    defaultPaymentTerms: z.enum(PAYMENT_TERMS, { message: 'Pick payment terms' }),
    defaultPaymentTermsText: optionalText({ max: 200, tooLong: 'Keep the payment terms under 200 characters' }).transform((v) => v ?? ''),
    quoteValidityDays: wholeNumber(1, 365, 'Enter whole days from 1 to 365'),
    defaultRotDays: rotDays,
    repsSee: z.enum(REPS_SEE, { message: 'Pick what reps see' }),
    logo: logoFile,
  })
  .refine((s) => s.defaultPaymentTerms !== 'custom' || s.defaultPaymentTermsText !== '', {
    path: ['defaultPaymentTermsText'],
    message: 'Describe the payment terms',
    // Checked even when other fields are wrong, so every message shows at once; only the two fields
    // it reads must have parsed.
    when: ({ issues }) => !issues.some((i) => i.path?.[0] === 'defaultPaymentTerms' || i.path?.[0] === 'defaultPaymentTermsText'),
  })
  // Custom text is kept only with custom terms, so a later switch to "Net 30" leaves nothing stale behind.
  .transform((s) => ({ ...s, defaultPaymentTermsText: s.defaultPaymentTerms === 'custom' ? s.defaultPaymentTermsText : '' }));

export type WorkspaceSettingsInput = z.output<typeof workspaceSettingsSchema>;
export type WorkspaceSettingsFields = Omit<WorkspaceSettingsInput, 'updatedAt' | 'logo'>;

export const removeLogoSchema = z.object({});
