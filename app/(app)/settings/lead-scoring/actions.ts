'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  addScoringRule, deleteScoringRule, moveScoringRule, setScoringRuleActive, updateLeadSettings, updateScoringRule,
} from '@/db/queries/lead-scoring';
import { addLeadListItem, moveLeadListItem, renameLeadListItem, setLeadListItemActive } from '@/db/queries/lead-lists';
import { defineAction } from '@/lib/actions';
import { lostReasonActiveSchema, lostReasonSchema, moveLostReasonSchema, renameLostReasonSchema } from '@/lib/pipelines/schemas';
import { addRuleSchema, leadSettingsSchema, moveRuleSchema, ruleActiveSchema, ruleIdSchema, updateRuleSchema } from '@/lib/leads/scoring';

const ADMIN = ['admin'] as const;

// Scores show on the leads list and pages, and the hot threshold colours the list and the dashboard.
const refresh = () => {
  revalidatePath('/settings/lead-scoring');
  revalidatePath('/leads', 'layout');
  revalidatePath('/');
};

export const addScoringRuleAction = defineAction({ schema: addRuleSchema, roles: ADMIN }, (input, { db, user }) => {
  const result = addScoringRule(db, input, user);
  refresh();
  return result;
});

export const updateScoringRuleAction = defineAction({ schema: updateRuleSchema, roles: ADMIN }, ({ ruleId, ...input }, { db, user }) => {
  const result = updateScoringRule(db, ruleId, input, user);
  refresh();
  return result;
});

export const setScoringRuleActiveAction = defineAction({ schema: ruleActiveSchema, roles: ADMIN }, ({ ruleId, active }, { db, user }) => {
  setScoringRuleActive(db, ruleId, active, user);
  refresh();
});

export const deleteScoringRuleAction = defineAction({ schema: ruleIdSchema, roles: ADMIN }, ({ ruleId }, { db, user }) => {
  deleteScoringRule(db, ruleId, user);
  refresh();
});

export const moveScoringRuleAction = defineAction({ schema: moveRuleSchema, roles: ADMIN }, ({ ruleId, direction }, { db, user }) => {
  moveScoringRule(db, ruleId, direction, user);
  revalidatePath('/settings/lead-scoring');
});

export const updateLeadSettingsAction = defineAction({ schema: leadSettingsSchema, roles: ADMIN }, ({ updatedAt, ...settings }, { db, user }) => {
  const result = updateLeadSettings(db, { version: updatedAt, settings }, user);
  refresh();
  return result;
});

// The lead lists (sources, disqualify reasons): items come as { reasonId, label }, as the shared list
// editor sends them (components/settings/ordered-list-editor.tsx).
const listKind = z.enum(['sources', 'reasons']);
const refreshLists = () => {
  revalidatePath('/settings/lead-scoring');
  revalidatePath('/leads', 'layout');
};

export const addLeadListItemAction = defineAction({ schema: lostReasonSchema.extend({ kind: listKind }), roles: ADMIN }, ({ kind, label }, { db, user }) => {
  const result = addLeadListItem(db, kind, label, user);
  refreshLists();
  return result;
});

export const renameLeadListItemAction = defineAction({ schema: renameLostReasonSchema.extend({ kind: listKind }), roles: ADMIN }, ({ kind, reasonId, label }, { db, user }) => {
  renameLeadListItem(db, kind, reasonId, label, user);
  refreshLists();
});

export const moveLeadListItemAction = defineAction({ schema: moveLostReasonSchema.extend({ kind: listKind }), roles: ADMIN }, ({ kind, reasonId, direction }, { db }) => {
  moveLeadListItem(db, kind, reasonId, direction);
  refreshLists();
});

export const setLeadListItemActiveAction = defineAction({ schema: lostReasonActiveSchema.extend({ kind: listKind }), roles: ADMIN }, ({ kind, reasonId, active }, { db, user }) => {
  setLeadListItemActive(db, kind, reasonId, active, user);
  refreshLists();
});
