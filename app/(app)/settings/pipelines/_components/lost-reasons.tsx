'use client';

import { OrderedListEditor, type ListWords } from '@/components/settings/ordered-list-editor';
import { addLostReasonAction, moveLostReasonAction, renameLostReasonAction, setLostReasonActiveAction } from '../actions';

const WORDS: ListWords = {
  list: 'Lost reasons',
  addForm: 'Add a lost reason',
  newField: 'New reason',
  addButton: 'Add reason',
  placeholder: 'e.g. Went with an in-house tool',
  itemField: 'Reason',
  renameHint: 'Deals already lost for this reason take the new name too.',
  empty: 'No reasons yet: reps type their own when a deal is lost.',
  testId: 'lost-reason',
};

const ACTIONS = { add: addLostReasonAction, rename: renameLostReasonAction, move: moveLostReasonAction, setActive: setLostReasonActiveAction };

/** The reasons reps pick from when a deal is lost. */
export function LostReasons({ reasons }: { reasons: { id: number; label: string; active: boolean }[] }) {
  return <OrderedListEditor items={reasons} words={WORDS} actions={ACTIONS} />;
}
