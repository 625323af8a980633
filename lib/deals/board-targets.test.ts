import { describe, expect, test } from 'vitest';
import { isArrowKey, moveSpot, spotOf, spotOfTarget, targetOfSpot, type ArrowKey, type BoardLayout, type DropTarget, type Spot } from './board-targets';

// Four columns as a board loads them: Lead is full, Qualified is shorter, Proposal is empty, and
// Negotiation shows the first page of a longer column (only loaded cards are on the board).
const board: BoardLayout = [
  { stageId: 10, cardIds: [1, 2, 3, 4] },
  { stageId: 20, cardIds: [5, 6] },
  { stageId: 30, cardIds: [] },
  { stageId: 40, cardIds: [7, 8, 9, 10, 11] },
];

const spot = (column: number, index: number): Spot => ({ column, index });
const card = (id: number): DropTarget => ({ kind: 'card', id });
const end = (stageId: number): DropTarget => ({ kind: 'end', stageId });

describe('moveSpot: card 2 (second in Lead) held', () => {
  test.each<[string, Spot, ArrowKey, Spot | null]>([
    ['right goes to the next column at the same index', spot(0, 1), 'ArrowRight', spot(1, 1)],
    ['right from below a shorter column’s length goes to its end', spot(0, 3), 'ArrowRight', spot(1, 2)],
    ['right into an empty column goes to its only slot', spot(1, 2), 'ArrowRight', spot(2, 0)],
    ['right out of an empty column starts at the top', spot(2, 0), 'ArrowRight', spot(3, 0)],
    ['right from the last column stays', spot(3, 2), 'ArrowRight', null],
    ['left from the first column stays', spot(0, 1), 'ArrowLeft', null],
    ['left back into its own column keeps the index', spot(1, 2), 'ArrowLeft', spot(0, 2)],
    ['left from a long column to a shorter one is clamped to its end', spot(3, 4), 'ArrowLeft', spot(2, 0)],
    ['up moves one place up', spot(0, 1), 'ArrowUp', spot(0, 0)],
    ['up at the top stays', spot(1, 0), 'ArrowUp', null],
    ['down moves one place down in its own column', spot(0, 1), 'ArrowDown', spot(0, 2)],
    ['down stops at its own column’s last place', spot(0, 3), 'ArrowDown', null],
    ['down in another column reaches the slot after its last card', spot(1, 1), 'ArrowDown', spot(1, 2)],
    ['down past another column’s end stays', spot(1, 2), 'ArrowDown', null],
    ['down in an empty column stays', spot(2, 0), 'ArrowDown', null],
    ['down past the last loaded card of a paged column stays at its loaded end', spot(3, 5), 'ArrowDown', null],
  ])('%s', (_, from, key, expected) => {
    expect(moveSpot(board, 2, from, key)).toEqual(expected);
  });

  test('the last card of its column can still go right, to the same index or the end', () => {
    expect(moveSpot(board, 4, spot(0, 3), 'ArrowRight')).toEqual(spot(1, 2));
    expect(moveSpot(board, 4, spot(1, 2), 'ArrowRight')).toEqual(spot(2, 0));
  });

  test('a board of one column has nowhere left or right to go', () => {
    const single: BoardLayout = [{ stageId: 10, cardIds: [1, 2] }];
    expect(moveSpot(single, 1, spot(0, 0), 'ArrowRight')).toBeNull();
    expect(moveSpot(single, 1, spot(0, 0), 'ArrowLeft')).toBeNull();
    expect(moveSpot(single, 1, spot(0, 0), 'ArrowDown')).toEqual(spot(0, 1));
  });
});

describe('targetOfSpot', () => {
  test.each<[string, Spot, DropTarget]>([
    ['its own place is itself', spot(0, 1), card(2)],
    ['above in its own column takes that card’s place', spot(0, 0), card(1)],
    ['below in its own column takes that card’s place', spot(0, 3), card(4)],
    ['in another column it goes before the card at that index', spot(1, 1), card(6)],
    ['after the last card of another column is its end', spot(1, 2), end(20)],
    ['an empty column’s only slot is its end', spot(2, 0), end(30)],
    ['after the loaded cards of a paged column is its end', spot(3, 5), end(40)],
  ])('%s', (_, at, expected) => {
    expect(targetOfSpot(board, 2, at)).toEqual(expected);
  });
});

describe('spotOfTarget', () => {
  test.each<[string, DropTarget, Spot | null]>([
    ['a card of its own column: that card’s index', card(4), spot(0, 3)],
    ['itself: where it is', card(2), spot(0, 1)],
    ['a card of another column: that card’s index', card(6), spot(1, 1)],
    ['a column: after its loaded cards', end(40), spot(3, 5)],
    ['its own column: its last place', end(10), spot(0, 3)],
    ['an empty column: the top', end(30), spot(2, 0)],
    ['a card not on this board (another pipeline): nowhere', card(99), null],
    ['a column not on this board: nowhere', end(99), null],
  ])('%s', (_, target, expected) => {
    expect(spotOfTarget(board, 2, target)).toEqual(expected);
  });

  test('every spot a key can reach maps to a target and back to the same spot', () => {
    for (const held of [1, 2, 4, 7, 11]) {
      const start = spotOf(board, held)!;
      const seen = [start];
      for (let i = 0; i < seen.length; i++) {
        for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const) {
          const next = moveSpot(board, held, seen[i], key);
          if (next && !seen.some((s) => s.column === next.column && s.index === next.index)) seen.push(next);
        }
      }
      // Own column: one place per card; each other column: one per card plus its end.
      const own = board.findIndex((c) => c.cardIds.includes(held));
      expect(seen).toHaveLength(board.reduce((n, c, i) => n + c.cardIds.length + (i === own ? 0 : 1), 0));
      for (const s of seen) expect(spotOfTarget(board, held, targetOfSpot(board, held, s))).toEqual(s);
    }
  });
});

test('spotOf finds a card, or nothing', () => {
  expect(spotOf(board, 9)).toEqual(spot(3, 2));
  expect(spotOf(board, 99)).toBeNull();
});

test.each([
  ['ArrowUp', true],
  ['ArrowRight', true],
  ['Space', false],
  ['Escape', false],
  ['KeyA', false],
])('isArrowKey(%s) is %s', (code, expected) => {
  expect(isArrowKey(code)).toBe(expected);
});
