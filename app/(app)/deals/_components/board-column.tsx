'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import type { BoardCard } from '@/db/queries/board';
import type { Summary } from '@/lib/deals/board-summary';
import { formatMoney } from '@/lib/money';
import { SortableDealCard, type CardContext } from './deal-card';
import { QuickAddForm } from './quick-add-form';

type Props = {
  stage: { id: number; name: string; probabilityBp: number; rotDays: number };
  pipelineId: number;
  cards: BoardCard[];
  hasMore: boolean;
  loading: boolean;
  summary: Summary;
  ctx: Omit<CardContext, 'rotDays'>;
  activeId: number | null;
  saving: ReadonlySet<number>;
  query: string;
  /** Under a pipeline's heading, so this column's heading is an h3. */
  nested?: boolean;
  /** The card a keyboard move is heading for in this column: kept mounted and scrolled into view. */
  keepCardId: number | null;
  /** A keyboard move is heading into this column from another. */
  targeted: boolean;
  onLoadMore: () => void;
  onAdded: (card: BoardCard, summaries: Summary[]) => void;
};

export function BoardColumn({ stage, pipelineId, cards, hasMore, loading, summary, ctx, activeId, saving, query, nested, keepCardId, targeted, onLoadMore, onAdded }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stageId: stage.id } });
  const scrollRef = useRef<HTMLDivElement>(null);
  const [adding, setAdding] = useState(false);
  const activeIndex = activeId === null ? -1 : cards.findIndex((c) => c.id === activeId);
  const keepIndex = keepCardId === null ? -1 : cards.findIndex((c) => c.id === keepCardId);
  const Heading = nested ? 'h3' : 'h2';

  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 124,
    overscan: 6,
    getItemKey: (i) => cards[i].id,
    // Keep the dragged card, and the card a keyboard move is heading for, mounted even when they
    // scroll out of view: dnd-kit only knows the cards that are in the DOM.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        for (const i of [activeIndex, keepIndex]) if (i >= 0 && !indexes.includes(i)) indexes.push(i);
        return indexes.sort((a, b) => a - b);
      },
      [activeIndex, keepIndex],
    ),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (keepIndex >= 0) virtualizer.scrollToIndex(keepIndex, { align: 'auto' });
  }, [keepIndex, virtualizer]);

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= cards.length - 5) onLoadMore();
  }, [hasMore, loading, lastIndex, cards.length, onLoadMore]);

  const cardCtx = { ...ctx, rotDays: stage.rotDays };
  return (
    <section
      ref={setNodeRef}
      aria-label={`${stage.name} column`}
      data-testid="stage-column"
      data-stage-id={stage.id}
      data-count={summary.count}
      data-sum-cents={summary.sumCents}
      data-weighted-cents={summary.weightedCents}
      className={cx(
        'flex w-[82vw] max-w-[20rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100 sm:w-72',
        (isOver || targeted) && 'ring-2 ring-brand-500 ring-inset',
      )}
    >
      <header className="px-3 pt-3 pb-2">
        <div className="flex items-center justify-between gap-2">
          <Heading className="truncate text-sm font-semibold text-slate-800">
            {stage.name} <span className="font-normal text-slate-500">· {stage.probabilityBp / 100}%</span>
          </Heading>
          <div className="flex items-center gap-1">
            <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-600 tabular-nums ring-1 ring-slate-200">{summary.count}</span>
            <button
              type="button"
              onClick={() => setAdding((a) => !a)}
              className="rounded-md p-1 text-slate-500 hover:bg-white hover:text-slate-900"
              aria-label={`Add a deal to ${stage.name}`}
              aria-expanded={adding}
            >
              <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
                <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1" />
              </svg>
            </button>
          </div>
        </div>
        <div className="mt-1 flex justify-between text-xs text-slate-500 tabular-nums">
          <span title="Total value of open deals">{formatMoney(summary.sumCents, ctx.currency, { whole: true })}</span>
          <span title="Value × probability">Weighted {formatMoney(summary.weightedCents, ctx.currency, { whole: true })}</span>
        </div>
      </header>
      {adding ? (
        <QuickAddForm
          pipelineId={pipelineId}
          stageId={stage.id}
          stageName={stage.name}
          query={query}
          onCancel={() => setAdding(false)}
          onAdded={(card, summaries) => {
            setAdding(false);
            onAdded(card, summaries);
            scrollRef.current?.scrollTo({ top: 0 });
          }}
        />
      ) : null}
      <div
        ref={scrollRef}
        data-column-cards
        className={cx(
          'overflow-y-auto px-2 pb-2',
          // One board fills the screen. Stacked boards grow with their cards up to that height, and let
          // the wheel carry on to the page at a column's end, so the next pipeline can be reached.
          nested ? 'max-h-[calc(100dvh-17rem)] flex-1' : 'h-[calc(100dvh-17rem)] min-h-72 overscroll-contain',
        )}
      >
        {cards.length === 0 ? (
          <p className="mx-1 mt-1 rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500">
            No deals here. Drag one in or add one with +.
          </p>
        ) : (
          <SortableContext items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute left-0 top-0 w-full pb-2"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <SortableDealCard card={cards[item.index]} ctx={cardCtx} saving={saving.has(cards[item.index].id)} />
                </div>
              ))}
            </div>
          </SortableContext>
        )}
        {loading ? <p className="py-2 text-center text-xs text-slate-500">Loading more deals…</p> : null}
      </div>
    </section>
  );
}
