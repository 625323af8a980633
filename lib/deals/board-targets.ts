/**
 * Where a card held on the board would land, and how the arrow keys move it. Keyboard moves go by
 * the board's order rather than by geometry: on a full board the nearest shape to the right of a card
 * is often a card of its own column, so a geometric guess never reaches the next stage.
 */

/** The board as it is loaded: its columns in stage order, each with its loaded cards' ids in order. */
export type BoardLayout = readonly { stageId: number; cardIds: readonly number[] }[];

/** A column by its place on the board, and the index the held card would take in it. */
export type Spot = { column: number; index: number };

/** What a drop lands on: a card (taking its place) or a column's end (after its loaded cards). */
export type DropTarget = { kind: 'card'; id: number } | { kind: 'end'; stageId: number };

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

export function isArrowKey(code: string): code is ArrowKey {
  return ARROWS.includes(code);
}

/** Where the card sits now; null when it is not on this board. */
export function spotOf(layout: BoardLayout, cardId: number): Spot | null {
  for (let column = 0; column < layout.length; column++) {
    const index = layout[column].cardIds.indexOf(cardId);
    if (index >= 0) return { column, index };
  }
  return null;
}

// The highest index the held card can take in a column: after every other loaded card. In its own
// column that is its last place; elsewhere it is the slot after the last card, the column's end.
function lastIndex(layout: BoardLayout, cardId: number, column: number): number {
  return layout[column].cardIds.filter((id) => id !== cardId).length;
}

/**
 * The spot an arrow key leads to from `from`, or null when the card is already at that edge. Up and
 * down move within the column; left and right go to the neighbouring column at the same index, or
 * its end when that column is shorter (only its loaded cards count: the rest are not on screen).
 */
export function moveSpot(layout: BoardLayout, cardId: number, from: Spot, key: ArrowKey): Spot | null {
  if (key === 'ArrowUp') return from.index > 0 ? { column: from.column, index: from.index - 1 } : null;
  if (key === 'ArrowDown') return from.index < lastIndex(layout, cardId, from.column) ? { column: from.column, index: from.index + 1 } : null;
  const column = from.column + (key === 'ArrowLeft' ? -1 : 1);
  if (column < 0 || column >= layout.length) return null;
  return { column, index: Math.min(from.index, lastIndex(layout, cardId, column)) };
}

/**
 * The drop target that puts the card at a spot. In its own column the card takes the place of the
 * card there (itself when it has not moved); in another it goes before the card at that index.
 */
export function targetOfSpot(layout: BoardLayout, cardId: number, spot: Spot): DropTarget {
  const { stageId, cardIds } = layout[spot.column];
  const own = cardIds.includes(cardId);
  const id = own ? cardIds[Math.min(spot.index, cardIds.length - 1)] : cardIds[spot.index];
  return id === undefined ? { kind: 'end', stageId } : { kind: 'card', id };
}

/** The spot a drop target means for the held card: the inverse of targetOfSpot. Null if it is not on this board. */
export function spotOfTarget(layout: BoardLayout, cardId: number, target: DropTarget): Spot | null {
  if (target.kind === 'end') {
    const column = layout.findIndex((c) => c.stageId === target.stageId);
    return column < 0 ? null : { column, index: lastIndex(layout, cardId, column) };
  }
  return spotOf(layout, target.id);
}
