import { generateKeyBetween } from 'fractional-indexing';

/**
 * The position key for a card placed between two neighbours (null = the column's edge). Keys sort as
 * text, so a move rewrites only the moved card. Equal neighbours (two cards that landed on the same key
 * concurrently) get a key after both.
 */
export function positionBetween(above: string | null, below: string | null): string {
  if (above !== null && below !== null && above >= below) return generateKeyBetween(above, null);
  return generateKeyBetween(above, below);
}

/**
 * Moves an item within a client-side list, as the board does optimistically: returns the new order
 * and the id of the card now directly above the moved one (null when it is first).
 */
export function reorder<T extends { id: number }>(items: T[], movedId: number, toIndex: number): { items: T[]; aboveId: number | null } {
  const from = items.findIndex((i) => i.id === movedId);
  if (from === -1) return { items, aboveId: null };
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  const index = Math.max(0, Math.min(toIndex, next.length));
  next.splice(index, 0, moved);
  return { items: next, aboveId: index === 0 ? null : next[index - 1].id };
}
