'use client';

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardCard, ColumnSummary } from '@/db/queries/board';
import { applyMove, type Summary } from '@/lib/deals/board-summary';
import { reorder } from '@/lib/deals/board-order';
import { spotOf, spotOfTarget, type BoardLayout, type Spot } from '@/lib/deals/board-targets';
import { closeDealFromBoardAction, loadMoreCardsAction, moveDealAction } from '../actions';
import { BoardColumn } from './board-column';
import { DealCardBody } from './deal-card';
import { DropZones } from './drop-zones';
import { LostDialog } from './lost-dialog';
import { Toast, type ToastMessage } from './toast';
import { dropTargetOf, useKeyboardMoves } from './use-keyboard-moves';

type Stage = { id: number; name: string; probabilityBp: number; rotDays: number };
type Column = { cards: BoardCard[]; hasMore: boolean; loading: boolean };

type Props = {
  pipelineId: number;
  stages: Stage[];
  initialColumns: Record<number, { cards: BoardCard[]; hasMore: boolean }>;
  initialSummaries: ColumnSummary[];
  lostReasons: string[];
  currency: string;
  now: number;
  today: string;
  query: string;
  /** Under a pipeline's own heading (all pipelines shown), so the column headings are one level down. */
  nested?: boolean;
};

export function Board({ pipelineId, stages, initialColumns, initialSummaries, lostReasons, currency, now, today, query, nested }: Props) {
  const [columns, setColumns] = useState<Record<number, Column>>(() =>
    Object.fromEntries(stages.map((s) => [s.id, { ...(initialColumns[s.id] ?? { cards: [], hasMore: false }), loading: false }])),
  );
  const [summaries, setSummaries] = useState<Summary[]>(initialSummaries);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [losing, setLosing] = useState<BoardCard | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [saving, setSaving] = useState<ReadonlySet<number>>(new Set());
  const markSaving = (id: number, on: boolean) =>
    setSaving((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const columnsRef = useRef(columns);
  useEffect(() => {
    columnsRef.current = columns;
  }, [columns]);

  const layout: BoardLayout = useMemo(() => stages.map((s) => ({ stageId: s.id, cardIds: columns[s.id].cards.map((c) => c.id) })), [stages, columns]);
  const keyboard = useKeyboardMoves(layout);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard.coordinateGetter }),
  );

  const stageById = useMemo(() => new Map(stages.map((s) => [s.id, s])), [stages]);
  const findCard = (id: number) => {
    for (const [stageId, col] of Object.entries(columns)) {
      const index = col.cards.findIndex((c) => c.id === id);
      if (index >= 0) return { card: col.cards[index], stageId: Number(stageId), index };
    }
    return null;
  };
  const summaryOf = (stageId: number): Summary => summaries.find((s) => s.stageId === stageId) ?? { stageId, count: 0, sumCents: 0, weightedCents: 0 };

  const loadMore = useCallback(
    async (stageId: number) => {
      const col = columnsRef.current[stageId];
      const last = col?.cards[col.cards.length - 1];
      if (!col || !last || col.loading || !col.hasMore) return;
      setColumns((prev) => ({ ...prev, [stageId]: { ...prev[stageId], loading: true } }));
      const result = await loadMoreCardsAction({ stageId, afterPosition: last.position, afterId: last.id, query });
      setColumns((prev) => {
        const current = prev[stageId];
        if (!result.ok) return { ...prev, [stageId]: { ...current, loading: false } };
        const known = new Set(current.cards.map((c) => c.id));
        const fresh = result.data.cards.filter((c) => !known.has(c.id));
        return { ...prev, [stageId]: { cards: [...current.cards, ...fresh], hasMore: result.data.hasMore, loading: false } };
      });
      if (!result.ok) setToast({ tone: 'error', text: result.error });
    },
    [query],
  );

  function removeCard(dealId: number) {
    setColumns((prev) =>
      Object.fromEntries(Object.entries(prev).map(([k, col]) => [k, { ...col, cards: col.cards.filter((c) => c.id !== dealId) }])),
    );
  }

  async function close(card: BoardCard, status: 'won' | 'lost', lostReason?: string) {
    const snapshot = { columns, summaries };
    removeCard(card.id);
    setSummaries((s) => applyMove(s, { valueCents: card.valueCents, probabilityBp: card.probabilityBp, overridden: true }, card.stageId, null, null));
    const result = await closeDealFromBoardAction({ dealId: card.id, version: card.version, status, lostReason, query });
    if (!result.ok) {
      setColumns(snapshot.columns);
      setSummaries(snapshot.summaries);
      setToast({ tone: 'error', text: result.error });
      return;
    }
    setSummaries(result.data.summaries);
    setToast({ tone: 'success', text: `“${card.title}” marked ${status}.`, href: `/deals/${card.id}` });
  }

  // Where the held card would land: the keys' spot, or the place of what the pointer is over.
  function placeOf(cardId: number, overId: UniqueIdentifier): Spot | null {
    return keyboard.spot ?? spotOfTarget(layout, cardId, dropTargetOf(overId));
  }

  async function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const keyed = keyboard.finish();
    const found = findCard(Number(active.id));
    if (!found || (!keyed && !over)) return;
    const { card, stageId: fromStageId } = found;
    if (!keyed && over?.id === 'won') return void close(card, 'won');
    if (!keyed && over?.id === 'lost') return setLosing(card);

    const to = keyed ?? spotOfTarget(layout, card.id, dropTargetOf(over!.id));
    if (!to) return;
    const toStageId = layout[to.column].stageId;
    const toIndex = to.index;
    if (toStageId === fromStageId && toIndex === found.index) return;

    const snapshot = { columns, summaries };
    let aboveId: number | null;
    const moved = { ...card, stageId: toStageId };
    const targetStage = stageById.get(toStageId)!;
    if (card.overrideBp === null) moved.probabilityBp = targetStage.probabilityBp;
    if (toStageId === fromStageId) {
      const result = reorder(columns[fromStageId].cards, card.id, toIndex);
      aboveId = result.aboveId;
      setColumns({ ...columns, [fromStageId]: { ...columns[fromStageId], cards: result.items } });
    } else {
      const target = columns[toStageId].cards.slice();
      const at = Math.min(toIndex, target.length);
      target.splice(at, 0, moved);
      aboveId = at === 0 ? null : target[at - 1].id;
      setColumns({
        ...columns,
        [fromStageId]: { ...columns[fromStageId], cards: columns[fromStageId].cards.filter((c) => c.id !== card.id) },
        [toStageId]: { ...columns[toStageId], cards: target },
      });
      setSummaries(applyMove(summaries, { valueCents: card.valueCents, probabilityBp: card.probabilityBp, overridden: card.overrideBp !== null }, fromStageId, toStageId, targetStage.probabilityBp));
    }

    markSaving(card.id, true);
    const result = await moveDealAction({ dealId: card.id, toStageId, aboveId, version: card.version, query });
    markSaving(card.id, false);
    if (!result.ok) {
      setColumns(snapshot.columns);
      setSummaries(snapshot.summaries);
      setToast({ tone: 'error', text: result.error });
      return;
    }
    setColumns((prev) => ({
      ...prev,
      [toStageId]: {
        ...prev[toStageId],
        cards: prev[toStageId].cards.map((c) =>
          c.id === card.id ? { ...c, version: result.data.version, stageChangedAt: toStageId === fromStageId ? c.stageChangedAt : Date.now() } : c,
        ),
      },
    }));
    setSummaries(result.data.summaries);
  }

  const active = activeId === null ? null : findCard(activeId);
  // Screen-reader announcements name the deal, the stage and the place in it, never raw ids.
  const nameOf = (id: UniqueIdentifier) => {
    const hit = findCard(Number(id));
    return hit ? `“${hit.card.title}”` : 'the deal';
  };
  function where(cardId: number, overId: UniqueIdentifier, place: Spot | null = placeOf(cardId, overId)): string {
    if (overId === 'won' || overId === 'lost') return `the ${overId === 'won' ? 'Won' : 'Lost'} drop zone`;
    if (!place) return 'a column';
    const stage = stages[place.column];
    const joining = spotOf(layout, cardId)?.column !== place.column;
    return `the ${stage.name} column, position ${place.index + 1} of ${summaryOf(stage.id).count + (joining ? 1 : 0)}`;
  }
  const ctx = { currency, now, today };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={keyboard.collisionDetection}
      onDragStart={(event: DragStartEvent) => {
        setActiveId(Number(event.active.id));
        keyboard.begin(event);
      }}
      onDragCancel={() => {
        setActiveId(null);
        keyboard.finish();
      }}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active: a }) => `Picked up ${nameOf(a.id)} from ${where(Number(a.id), a.id, spotOf(layout, Number(a.id)))}.`,
          onDragOver: ({ active: a, over }) => (over ? `${nameOf(a.id)} is over ${where(Number(a.id), over.id)}.` : `${nameOf(a.id)} is no longer over a column.`),
          onDragEnd: ({ active: a, over }) => (over ? `Dropped ${nameOf(a.id)} ${over.id === 'won' || over.id === 'lost' ? 'on' : 'in'} ${where(Number(a.id), over.id)}.` : `Dropped ${nameOf(a.id)}; nothing changed.`),
          onDragCancel: ({ active: a }) => `Cancelled moving ${nameOf(a.id)}; it is back where it was.`,
        },
        screenReaderInstructions: {
          draggable:
            'To move a deal, press space or enter, use the arrow keys to choose a column and place, then press space or enter to drop, or escape to cancel. To mark it won or lost, drag it below the board or open the deal.',
        },
      }}
    >
      <div className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
        {stages.map((stage) => (
          <BoardColumn
            key={stage.id}
            stage={stage}
            pipelineId={pipelineId}
            cards={columns[stage.id].cards}
            hasMore={columns[stage.id].hasMore}
            loading={columns[stage.id].loading}
            summary={summaryOf(stage.id)}
            ctx={ctx}
            activeId={activeId}
            saving={saving}
            query={query}
            nested={nested}
            keepCardId={keyboard.keep?.stageId === stage.id ? keyboard.keep.cardId : null}
            targeted={keyboard.spot !== null && active !== null && layout[keyboard.spot.column].stageId === stage.id && active.stageId !== stage.id}
            onLoadMore={() => loadMore(stage.id)}
            onAdded={(card, next) => {
              setColumns((prev) => ({ ...prev, [card.stageId]: { ...prev[card.stageId], cards: [card, ...prev[card.stageId].cards] } }));
              setSummaries(next);
              setToast({ tone: 'success', text: `Added “${card.title}”.`, href: `/deals/${card.id}` });
            }}
          />
        ))}
      </div>
      <DropZones visible={activeId !== null} />
      <DragOverlay dropAnimation={null}>{active ? <DealCardBody card={active.card} ctx={{ ...ctx, rotDays: stageById.get(active.stageId)?.rotDays ?? 0 }} overlay /> : null}</DragOverlay>
      <LostDialog
        card={losing}
        reasons={lostReasons}
        onCancel={() => setLosing(null)}
        onConfirm={(reason) => {
          const card = losing;
          setLosing(null);
          if (card) void close(card, 'lost', reason);
        }}
      />
      <Toast message={toast} onDismiss={() => setToast(null)} />
    </DndContext>
  );
}
