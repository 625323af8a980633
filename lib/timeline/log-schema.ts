import { z } from 'zod';
import { CALL_OUTCOMES } from '@/db/schema';
import { isIsoDate, middayInZone } from '@/lib/dates';
import { optionalText, requiredText } from '@/lib/validation/text';

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const isoDate = (message: string) => z.string().refine(isIsoDate, message);

const subject = requiredText({ max: 200, required: 'Say what it was about', tooLong: 'Keep the subject under 200 characters' });
const body = optionalText({ max: 10_000, multiline: true, tooLong: 'Keep notes under 10,000 characters' });

/** Logging a call, email, meeting or note, optionally with a follow-up task, in one step. */
export const logActivitySchema = z
  .object({
    type: z.enum(['call', 'email', 'meeting', 'note'], { message: 'Choose what happened' }),
    subject,
    body,
    date: isoDate('Use a date like 2026-11-22'),
    outcome: z.preprocess(blankToNull, z.enum(CALL_OUTCOMES, { message: 'Choose an outcome' }).nullable().optional()),
    contactId: optionalId,
    companyId: optionalId,
    dealId: optionalId,
    leadId: optionalId.optional(),
    followUp: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
    followUpSubject: optionalText({ max: 200, tooLong: 'Keep the subject under 200 characters' }),
    followUpDue: z.preprocess(blankToNull, isoDate('Use a date like 2026-11-29').nullable().optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.contactId && !v.companyId && !v.dealId && !v.leadId) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'Log it on a contact, a company, a deal or a lead' });
    if (v.type !== 'call' && v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Only calls have an outcome' });
    if (v.followUp && !v.followUpSubject) ctx.addIssue({ code: 'custom', path: ['followUpSubject'], message: 'Name the follow-up task' });
    if (v.followUp && !v.followUpDue) ctx.addIssue({ code: 'custom', path: ['followUpDue'], message: 'Pick a due date' });
  });

export type LogActivityInput = z.infer<typeof logActivitySchema>;

export const editActivitySchema = z.object({
  activityId: z.coerce.number().int().positive(),
  subject,
  body,
});

export const activityIdSchema = z.object({ activityId: z.coerce.number().int().positive() });

/**
 * When a logged activity happened: now if it was today, else midday of that date in the workspace's
 * zone, so that its timeline shows the date that was picked (midday UTC is already tomorrow in Auckland).
 */
export function activityInstant(date: string, now: number, today: string, timeZone: string): number {
  return date === today ? now : middayInZone(date, timeZone);
}
