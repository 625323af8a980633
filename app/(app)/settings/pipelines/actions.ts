'use server';

import { revalidatePath } from 'next/cache';
import {
  addLostReason,
  addStage,
  createPipeline,
  deleteStage,
  moveLostReason,
  moveStage,
  renameLostReason,
  renamePipeline,
  setLostReasonActive,
  updateStage,
} from '@/db/queries/pipeline-settings';
import { defineAction } from '@/lib/actions';
import {
  addStageSchema,
  createPipelineSchema,
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
const done = () => revalidatePath('/', 'layout');

export const createPipelineAction = defineAction({ schema: createPipelineSchema, roles: ADMIN }, ({ name }, { db }) => {
  const result = createPipeline(db, name);
  done();
  return result;
});
export const renamePipelineAction = defineAction({ schema: renamePipelineSchema, roles: ADMIN }, ({ pipelineId, name }, { db }) => {
  renamePipeline(db, pipelineId, name);
  done();
});
export const addStageAction = defineAction({ schema: addStageSchema, roles: ADMIN }, (input, { db }) => {
  const result = addStage(db, input);
  done();
  return result;
});
export const updateStageAction = defineAction({ schema: updateStageSchema, roles: ADMIN }, (input, { db }) => {
  updateStage(db, input);
  done();
});
export const moveStageAction = defineAction({ schema: moveStageSchema, roles: ADMIN }, ({ stageId, direction }, { db }) => {
  moveStage(db, stageId, direction);
  done();
});
export const deleteStageAction = defineAction({ schema: deleteStageSchema, roles: ADMIN }, ({ stageId, moveTo }, { db, user }) => {
  const result = deleteStage(db, stageId, moveTo, user);
  done();
  return result;
});
export const addLostReasonAction = defineAction({ schema: lostReasonSchema, roles: ADMIN }, ({ label }, { db }) => {
  addLostReason(db, label);
  done();
});
export const renameLostReasonAction = defineAction({ schema: renameLostReasonSchema, roles: ADMIN }, ({ reasonId, label }, { db }) => {
  renameLostReason(db, reasonId, label);
  done();
});
export const moveLostReasonAction = defineAction({ schema: moveLostReasonSchema, roles: ADMIN }, ({ reasonId, direction }, { db }) => {
  moveLostReason(db, reasonId, direction);
  done();
});
export const setLostReasonActiveAction = defineAction({ schema: lostReasonActiveSchema, roles: ADMIN }, ({ reasonId, active }, { db }) => {
  setLostReasonActive(db, reasonId, active);
  done();
});
