import { z } from 'zod';

// Written once; used by the settings forms, their server actions and the tests.

const id = z.coerce.number().int().positive();
const name = (what: string) => z.string().trim().min(1, `Give the ${what} a name`).max(60, 'Keep it under 60 characters');

/** What was typed, ready for z.coerce: '' (an emptied field) must fail rather than become 0. */
const typed = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A percentage may be typed with a % sign and a decimal comma: ' 12,5 %' → '12.5'. */
const typedPercent = (v: unknown) => typed(typeof v === 'string' ? v.trim().replace(/\s*%$/, '').replace(/^(\d*),(\d+)$/, '$1.$2') : v);

const PROBABILITY_MESSAGE = 'Enter a probability from 0 to 100';
/** A percentage as typed (0–100, up to two decimals) to integer basis points: '12.5' → 1250. */
export const probabilityBp = z.preprocess(
  typedPercent,
  z.coerce
    .number({ message: PROBABILITY_MESSAGE })
    .min(0, PROBABILITY_MESSAGE)
    .max(100, PROBABILITY_MESSAGE)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'Use at most two decimals')
    .transform((p) => Math.round(p * 100)),
);

const ROT_MESSAGE = 'Enter whole days, 0 or more';
export const rotDays = z.preprocess(
  typed,
  z.coerce.number({ message: ROT_MESSAGE }).int(ROT_MESSAGE).min(0, ROT_MESSAGE).max(3650, 'At most 3650 days'),
);

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

const label = z.string().trim().min(1, 'Type a reason').max(80, 'Keep it under 80 characters');
export const lostReasonSchema = z.object({ label });
export const renameLostReasonSchema = z.object({ reasonId: id, label });
export const moveLostReasonSchema = z.object({ reasonId: id, direction: z.enum(['up', 'down']) });
export const lostReasonActiveSchema = z.object({ reasonId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export type StageFields = z.output<typeof stageFieldsSchema>;
export type AddStageInput = z.output<typeof addStageSchema>;
export type UpdateStageInput = z.output<typeof updateStageSchema>;
