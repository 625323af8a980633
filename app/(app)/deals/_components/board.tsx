'use client';

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardCard, ColumnSummary } from '@/db/queries/board';
import { applyMove, type Summary } from '@/lib/deals/board-summary';
import { reorder } from '@/lib/deals/board-order';
import { closeDealFromBoardAction, loadMoreCardsAction, moveDealAction } from '../actions';
import { BoardColumn } from './board-column';
import { DealCardBody } from './deal-card';
import { DropZones } from './drop-zones';
import { LostDialog } from './lost-dialog';
import { Toast, type ToastMessage } from './toast';

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
};

export function Board({ pipelineId, stages, initialColumns, initialSummaries, lostReasons, currency, now, today, query }: Props) {
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

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
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

  async function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    if (!over) return;
    const found = findCard(Number(active.id));
    if (!found) return;
    const { card, stageId: fromStageId } = found;
    if (over.id === 'won') return void close(card, 'won');
    if (over.id === 'lost') return setLosing(card);

    let toStageId: number;
    let toIndex: number;
    if (typeof over.id === 'string' && over.id.startsWith('stage-')) {
      toStageId = Number(over.id.slice(6));
      const target = columns[toStageId].cards.filter((c) => c.id !== card.id);
      toIndex = target.length;
    } else {
      const overCard = findCard(Number(over.id));
      if (!overCard) return;
      toStageId = overCard.stageId;
      toIndex = overCard.index;
    }
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
      target.splice(toIndex, 0, moved);
      aboveId = toIndex === 0 ? null : target[toIndex - 1].id;
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
  // Names for screen-reader announcements instead of raw ids.
  function describe(id: string | number): string {
    if (id === 'won' || id === 'lost') return `the ${id === 'won' ? 'Won' : 'Lost'} drop zone`;
    if (typeof id === 'string' && id.startsWith('stage-')) return `the ${stageById.get(Number(id.slice(6)))?.name ?? ''} column`;
    const hit = findCard(Number(id));
    return hit ? `“${hit.card.title}” in ${stageById.get(hit.stageId)?.name ?? 'a column'}` : 'a deal';
  }
  const ctx = { currency, now, today };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={({ active: a }: DragStartEvent) => setActiveId(Number(a.id))}
      onDragCancel={() => setActiveId(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active: a }) => `Picked up ${describe(a.id)}.`,
          onDragOver: ({ active: a, over }) => (over ? `${describe(a.id)} is over ${describe(over.id)}.` : `${describe(a.id)} is no longer over a column.`),
          onDragEnd: ({ active: a, over }) => (over ? `Dropped ${describe(a.id)} on ${describe(over.id)}.` : `Dropped ${describe(a.id)}; nothing changed.`),
          onDragCancel: ({ active: a }) => `Cancelled moving ${describe(a.id)}; it is back where it was.`,
        },
        screenReaderInstructions: {
          draggable: 'To move a deal, press space or enter, use the arrow keys to choose a column and place, then press space or enter to drop, or escape to cancel. Drop below the board to mark it won or lost.',
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
