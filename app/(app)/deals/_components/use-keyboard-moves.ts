'use client';

import { closestCorners, type CollisionDetection, type DragStartEvent, type KeyboardCoordinateGetter, type SensorContext, type UniqueIdentifier } from '@dnd-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isArrowKey, moveSpot, spotOf, targetOfSpot, type BoardLayout, type DropTarget, type Spot } from '@/lib/deals/board-targets';

/** dnd-kit's id for a drop target: a card by its id, a column's end by the column's droppable. */
function droppableId(target: DropTarget): UniqueIdentifier {
  return target.kind === 'card' ? target.id : `stage-${target.stageId}`;
}

/** The drop target behind a dnd-kit id (not for the Won and Lost zones). */
export function dropTargetOf(id: UniqueIdentifier): DropTarget {
  return typeof id === 'string' && id.startsWith('stage-') ? { kind: 'end', stageId: Number(id.slice(6)) } : { kind: 'card', id: Number(id) };
}

type Held = { cardId: number; spot: Spot };

// Cards sit 0.5rem apart (the pb-2 of each row in board-column.tsx).
const CARD_GAP = 8;

/**
 * Keyboard moves by column order (lib/deals/board-targets): the arrow keys move a spot, the spot
 * decides what the held card is over, and the drop goes to the spot. Pointer drags keep dnd-kit's
 * geometry. The coordinates returned only move the drag overlay to where the card would land.
 */
export function useKeyboardMoves(layout: BoardLayout) {
  const [held, setHeldState] = useState<Held | null>(null);
  // The sensor keeps the options it started with, so its coordinate getter reads the latest values here.
  const heldRef = useRef<Held | null>(null);
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  }, [layout]);

  const setHeld = (next: Held | null) => {
    heldRef.current = next;
    setHeldState(next);
  };

  /** On drag start: a drag begun with a key is steered by the keys. */
  function begin(event: DragStartEvent) {
    const cardId = Number(event.active.id);
    const spot = event.activatorEvent instanceof KeyboardEvent ? spotOf(layoutRef.current, cardId) : null;
    setHeld(spot ? { cardId, spot } : null);
  }

  /** On drop or cancel: where the keys left the card (null after a pointer drag). */
  function finish(): Spot | null {
    const last = heldRef.current;
    setHeld(null);
    return last?.spot ?? null;
  }

  const coordinateGetter: KeyboardCoordinateGetter = (event, { active, context }) => {
    if (!isArrowKey(event.code)) return undefined;
    event.preventDefault();
    const cardId = Number(active);
    const board = layoutRef.current;
    const from = heldRef.current?.spot ?? spotOf(board, cardId);
    const spot = from && moveSpot(board, cardId, from, event.code);
    if (!spot) return undefined;
    setHeld({ cardId, spot });
    return overlayPosition(board, cardId, spot, context);
  };

  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      if (!held) return closestCorners(args);
      const id = droppableId(targetOfSpot(layout, held.cardId, held.spot));
      // A card scrolled out of its column is not mounted yet: until it is, the card is over its column.
      if (args.droppableContainers.some((c) => c.id === id)) return [{ id }];
      return [{ id: `stage-${layout[held.spot.column].stageId}` }];
    },
    [layout, held],
  );

  // The card the spot's column must keep mounted and in view: the one whose place the spot takes, or
  // its last one when the spot is the column's end.
  let keep: { stageId: number; cardId: number | null } | null = null;
  if (held && layout[held.spot.column]) {
    const column = layout[held.spot.column];
    const target = targetOfSpot(layout, held.cardId, held.spot);
    keep = { stageId: column.stageId, cardId: target.kind === 'card' ? target.id : (column.cardIds.at(-1) ?? null) };
  }

  return { spot: held?.spot ?? null, keep, begin, finish, coordinateGetter, collisionDetection };
}

// Where the drag overlay goes for a spot: on the card whose place it takes, or under a column's last card.
function overlayPosition(board: BoardLayout, cardId: number, spot: Spot, context: SensorContext) {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect) return undefined;
  const target = targetOfSpot(board, cardId, spot);
  if (target.kind === 'card') {
    const rect = droppableRects.get(target.id);
    if (!rect) return undefined;
    // Further down its own column the cards in between close up, so the card ends where the target's bottom is.
    const own = board[spot.column].cardIds.indexOf(cardId);
    const below = own >= 0 && spot.index > own;
    return { x: rect.left, y: below ? rect.bottom - collisionRect.height : rect.top };
  }
  const lastId = board[spot.column].cardIds.at(-1);
  const last = lastId === undefined ? undefined : droppableRects.get(lastId);
  if (last) return { x: last.left, y: last.bottom + CARD_GAP };
  const list = context.droppableContainers.get(`stage-${target.stageId}`)?.node.current?.querySelector('[data-column-cards]');
  if (!list) return undefined;
  const rect = list.getBoundingClientRect();
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: rect.top + CARD_GAP };
}
