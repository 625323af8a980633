'use client';

import { OrderedListEditor, type ListWords } from '@/components/settings/ordered-list-editor';
import type { LeadListKind } from '@/lib/leads/scoring';
import { addLeadListItemAction, moveLeadListItemAction, renameLeadListItemAction, setLeadListItemActiveAction } from '../actions';

const WORDS: Record<LeadListKind, ListWords> = {
  sources: {
    list: 'Lead sources',
    addForm: 'Add a lead source',
    newField: 'New source',
    addButton: 'Add source',
    placeholder: 'e.g. Podcast',
    itemField: 'Source',
    renameHint: 'Leads from this source show the new name.',
    empty: 'No sources yet: add where your leads come from.',
    testId: 'lead-source',
  },
  reasons: {
    list: 'Disqualify reasons',
    addForm: 'Add a disqualify reason',
    newField: 'New reason',
    addButton: 'Add reason',
    placeholder: 'e.g. Too small',
    itemField: 'Reason',
    renameHint: 'Leads disqualified for this reason show the new name.',
    empty: 'No reasons yet: reps need one to disqualify a lead.',
    testId: 'disqualify-reason',
  },
};

/** One of the admin's lead lists, edited with the same editor as lost reasons. */
export function LeadList({ kind, items }: { kind: LeadListKind; items: { id: number; label: string; active: boolean }[] }) {
  const withKind = (form: FormData) => {
    form.set('kind', kind);
    return form;
  };
  const actions = {
    add: (form: FormData) => addLeadListItemAction(withKind(form)),
    rename: (form: FormData) => renameLeadListItemAction(withKind(form)),
    move: (input: { reasonId: number; direction: 'up' | 'down' }) => moveLeadListItemAction({ ...input, kind }),
    setActive: (input: { reasonId: number; active: 'true' | 'false' }) => setLeadListItemActiveAction({ ...input, kind }),
  };
  return <OrderedListEditor items={items} words={WORDS[kind]} actions={actions} />;
}
