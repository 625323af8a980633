import { expect, test } from 'vitest';
import { ownerAfterEdit } from './owner';

const rep = { id: 3, role: 'rep' as const };
const manager = { id: 2, role: 'manager' as const };

test.each([
  ['a rep keeps their own contact', 'contact', 3, undefined, rep, 3],
  ['a rep may name themselves', 'company', 3, 3, rep, 3],
  ['a manager reassigns', 'contact', 3, 4, manager, 4],
  ['a manager leaves the owner alone', 'company', 3, null, manager, 3],
  ['an unowned record goes to the manager who edits it', 'contact', null, undefined, manager, 2],
] as const)('%s', (_, kind, current, requested, actor, expected) => {
  expect(ownerAfterEdit(kind, current, requested, actor)).toBe(expected);
});

test.each([
  ['someone else’s contact', 'contact', 4, undefined, 'You can only edit your own contacts.'],
  ['an unowned company', 'company', null, undefined, 'You can only edit your own companies.'],
  ['handing a contact on', 'contact', 3, 4, 'Only a manager or an admin can reassign a contact.'],
  ['handing a company on', 'company', 3, 4, 'Only a manager or an admin can reassign a company.'],
] as const)('a rep is refused %s', (_, kind, current, requested, message) => {
  expect(() => ownerAfterEdit(kind, current, requested, rep)).toThrow(message);
});
