import { z } from 'zod';

const id = z.coerce.number().int().positive();
const name = (what: string) => z.string().trim().min(1, `Give the ${what} a name`).max(60, 'Keep it under 60 characters');

/** A percentage as typed (0–100, up to 2 decimals) to basis points. */
export const probabilityBp = z.coerce
  .number({ message: 'Enter a probability from 0 to 100' })
  .min(0, 'Enter a probability from 0 to 100')
  .max(100, 'Enter a probability from 0 to 100')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'Use at most two decimals')
  .transform((p) => Math.round(p * 100));

const rotDays = z.coerce.number({ message: 'Enter whole days (0 for never)' }).int('Enter whole days (0 for never)').min(0, 'Enter whole days (0 for never)').max(3650, 'At most 3650 days');

export const createPipelineSchema = z.object({ name: name('pipeline') });
export const renamePipelineSchema = z.object({ pipelineId: id, name: name('pipeline') });
export const stageFieldsSchema = z.object({ name: name('stage'), probability: probabilityBp, rotDays });
export const addStageSchema = stageFieldsSchema.extend({ pipelineId: id });
export const updateStageSchema = stageFieldsSchema.extend({ stageId: id });
export const moveStageSchema = z.object({ stageId: id, direction: z.enum(['up', 'down']) });
export const deleteStageSchema = z.object({
  stageId: id,
  moveTo: z.preprocess((v) => (v === '' || v === undefined ? null : v), id.nullable()),
});

export const lostReasonSchema = z.object({ label: z.string().trim().min(1, 'Type a reason').max(80, 'Keep it under 80 characters') });
export const renameLostReasonSchema = lostReasonSchema.extend({ reasonId: id });
export const moveLostReasonSchema = z.object({ reasonId: id, direction: z.enum(['up', 'down']) });
export const lostReasonActiveSchema = z.object({ reasonId: id, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** The stages a new pipeline starts with; admins rename or change them afterwards. */
export const DEFAULT_STAGES = [
  { name: 'Lead', probabilityBp: 1000, rotDays: 14 },
  { name: 'Qualified', probabilityBp: 2500, rotDays: 21 },
  { name: 'Proposal', probabilityBp: 5000, rotDays: 21 },
  { name: 'Negotiation', probabilityBp: 7500, rotDays: 30 },
];
