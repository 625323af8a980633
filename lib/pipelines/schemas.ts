import { z } from 'zod';
import { parseScaled } from '@/lib/numbers';
import { requiredText } from '@/lib/validation/text';

// Written once; used by the settings forms, their server actions and the tests.

const id = z.coerce.number().int().positive();
const name = (what: string) => requiredText({ max: 60, required: `Give the ${what} a name`, tooLong: 'Keep it under 60 characters' });

/** What was typed, as text: numbers (from code) print as themselves, anything else is nothing. */
const typed = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '');

const PROBABILITY_MESSAGE = 'Enter a probability from 0 to 100';
/**
 * A percentage as typed (0–100, up to two decimals) to integer basis points: '12.5' → 1250. It may
 * end with a % sign and use a decimal comma (' 12,5 %'); otherwise it follows the one number grammar
 * (lib/numbers.ts), so '1e1' or '0x10' is refused rather than read as 10 or 16.
 */
export const probabilityBp = z.unknown().transform((v, ctx): number => {
  const text = typed(v).replace(/^(\d*),(\d{1,2})(\s?%)?$/, '$1.$2$3');
  const bp = parseScaled(text, 2);
  if (bp === null && parseScaled(text, 12) !== null) {
    ctx.addIssue({ code: 'custom', message: 'Use at most two decimals' });
    return z.NEVER;
  }
  if (bp === null || bp < 0 || bp > 10_000) {
    ctx.addIssue({ code: 'custom', message: PROBABILITY_MESSAGE });
    return z.NEVER;
  }
  return bp;
});

const ROT_MESSAGE = 'Enter whole days, 0 or more';
export const rotDays = z.unknown().transform((v, ctx): number => {
  const text = typed(v);
  if (!/^\d{1,9}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: ROT_MESSAGE });
    return z.NEVER;
  }
  if (Number(text) > 3650) {
    ctx.addIssue({ code: 'custom', message: 'At most 3650 days' });
    return z.NEVER;
  }
  return Number(text);
});

export const createPipelineSchema = z.object({ name: name('pipeline') });
export const renamePipelineSchema = z.object({ pipelineId: id, name: name('pipeline') });
export const deletePipelineSchema = z.object({ pipelineId: id });

export const stageFieldsSchema = z.object({ name: name('stage'), probability: probabilityBp, rotDays });
export const addStageSchema = stageFieldsSchema.extend({ pipelineId: id });
export const updateStageSchema = stageFieldsSchema.extend({ stageId: id });
export const moveStageSchema = z.object({ stageId: id, direction: z.enum(['up', 'down']) });
export const deleteStageSchema = z.object({
  stageId: id,
  // Required only when the stage holds deals; the query says so with a field error.
  moveTo: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), id.nullable()),
});

const label = requiredText({ max: 80, required: 'Type a reason', tooLong: 'Keep it under 80 characters' });
export const lostReasonSchema = z.object({ label });
export const renameLostReasonSchema = z.object({ reasonId: id, label });
export const moveLostReasonSchema = z.object({ reasonId: id, direction: z.enum(['up', 'down']) });
export const lostReasonActiveSchema = z.object({ reasonId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export type StageFields = z.output<typeof stageFieldsSchema>;
export type AddStageInput = z.output<typeof addStageSchema>;
export type UpdateStageInput = z.output<typeof updateStageSchema>;
