import type { Role } from '@/db/schema';
import { AppError } from '@/lib/errors';

type Kind = 'contact' | 'company';
const PLURAL: Record<Kind, string> = { contact: 'contacts', company: 'companies' };

/**
 * Who owns a contact or company after an edit. A rep edits only their own records and cannot hand
 * them to someone else; a manager or admin may reassign. Without an owner in the form, it stays.
 */
export function ownerAfterEdit(kind: Kind, currentOwnerId: number | null, requested: number | null | undefined, actor: { id: number; role: Role }): number {
  if (actor.role === 'rep' && currentOwnerId !== actor.id) throw new AppError(`You can only edit your own ${PLURAL[kind]}.`);
  const ownerId = requested ?? currentOwnerId ?? actor.id;
  if (actor.role === 'rep' && ownerId !== currentOwnerId) throw new AppError(`Only a manager or an admin can reassign a ${kind}.`);
  return ownerId;
}
