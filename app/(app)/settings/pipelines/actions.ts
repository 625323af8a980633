'use server';

import { revalidatePath } from 'next/cache';
import { addLostReason, moveLostReason, renameLostReason, setLostReasonActive } from '@/db/queries/lost-reasons';
import { addStage, createPipeline, deletePipeline, deleteStage, moveStage, renamePipeline, updateStage } from '@/db/queries/pipeline-settings';
import { defineAction } from '@/lib/actions';
import {
  addStageSchema,
  createPipelineSchema,
  deletePipelineSchema,
  deleteStageSchema,
  lostReasonActiveSchema,
  lostReasonSchema,
  moveLostReasonSchema,
  moveStageSchema,
  renameLostReasonSchema,
  renamePipelineSchema,
  updateStageSchema,
} from '@/lib/pipelines/schemas';

const ADMIN = ['admin'] as const;

// Stages and lost reasons show up on the board, deal pages, forecasts and reports: refresh them all.
const refresh = () => revalidatePath('/', 'layout');

export const createPipelineAction = defineAction({ schema: createPipelineSchema, roles: ADMIN }, ({ name }, { db }) => {
  const created = createPipeline(db, name);
  refresh();
  return created;
});

export const renamePipelineAction = defineAction({ schema: renamePipelineSchema, roles: ADMIN }, ({ pipelineId, name }, { db }) => {
  renamePipeline(db, pipelineId, name);
  refresh();
});

export const deletePipelineAction = defineAction({ schema: deletePipelineSchema, roles: ADMIN }, ({ pipelineId }, { db }) => {
  deletePipeline(db, pipelineId);
  refresh();
});

export const addStageAction = defineAction({ schema: addStageSchema, roles: ADMIN }, (input, { db }) => {
  const added = addStage(db, input);
  refresh();
  return added;
});

export const updateStageAction = defineAction({ schema: updateStageSchema, roles: ADMIN }, (input, { db }) => {
  updateStage(db, input);
  refresh();
});

export const moveStageAction = defineAction({ schema: moveStageSchema, roles: ADMIN }, ({ stageId, direction }, { db }) => {
  moveStage(db, stageId, direction);
  refresh();
});

export const deleteStageAction = defineAction({ schema: deleteStageSchema, roles: ADMIN }, ({ stageId, moveTo }, { db, user }) => {
  const result = deleteStage(db, stageId, moveTo, user);
  refresh();
  return result;
});

export const addLostReasonAction = defineAction({ schema: lostReasonSchema, roles: ADMIN }, ({ label }, { db }) => {
  const added = addLostReason(db, label);
  refresh();
  return added;
});

export const renameLostReasonAction = defineAction({ schema: renameLostReasonSchema, roles: ADMIN }, ({ reasonId, label }, { db }) => {
  const result = renameLostReason(db, reasonId, label);
  refresh();
  return result;
});

export const moveLostReasonAction = defineAction({ schema: moveLostReasonSchema, roles: ADMIN }, ({ reasonId, direction }, { db }) => {
  moveLostReason(db, reasonId, direction);
  refresh();
});

export const setLostReasonActiveAction = defineAction({ schema: lostReasonActiveSchema, roles: ADMIN }, ({ reasonId, active }, { db }) => {
  setLostReasonActive(db, reasonId, active);
  refresh();
});
