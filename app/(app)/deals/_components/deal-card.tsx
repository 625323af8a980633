'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import type { BoardCard } from '@/db/queries/board';
import { daysInStage, rotState } from '@/lib/deals/rotting';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

export type CardContext = { currency: string; now: number; today: string; rotDays: number };

export function initials(name: string | null): string {
  if (!name) return '?';
  return name
    .split(/\s+/)
    .map((p) => p[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

export function DealCardBody({ card, ctx, overlay }: { card: BoardCard; ctx: CardContext; overlay?: boolean }) {
  const rot = rotState(card, ctx.rotDays, ctx.now);
  const inStage = daysInStage(card.stageChangedAt, ctx.now);
  const overdueTask = card.nextTaskDue !== null && card.nextTaskDue < ctx.today;
  const closePassed = card.expectedCloseDate !== null && card.expectedCloseDate < ctx.today;
  return (
    <div
      className={cx(
        'rounded-lg border bg-white p-3 text-left shadow-sm transition-shadow',
        rot.rotting ? 'border-amber-300 border-l-4 border-l-amber-500' : 'border-slate-200',
        overlay ? 'rotate-2 shadow-lg ring-2 ring-brand-500' : 'hover:shadow-md',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/deals/${card.id}`}
          prefetch={false}
          className="line-clamp-2 text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {card.title}
        </Link>
        <span
          className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-[10px] font-semibold text-slate-600"
          title={card.ownerName ?? 'No owner'}
        >
          {initials(card.ownerName)}
        </span>
      </div>
      <div className="mt-0.5 truncate text-xs text-slate-500">{card.companyName ?? card.contactName ?? 'No company or contact'}</div>
      <div className="mt-2 flex items-center justify-between gap-2 text-xs">
        <span className="font-semibold tabular-nums text-slate-900">{formatMoney(card.valueCents, ctx.currency)}</span>
        {card.expectedCloseDate ? (
          <span className={closePassed ? 'font-medium text-red-600' : 'text-slate-500'}>{formatDate(card.expectedCloseDate)}</span>
        ) : (
          <span className="text-slate-400">No close date</span>
        )}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-1.5 text-[11px]">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{inStage}d in stage</span>
        {rot.rotting ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800" data-testid="rotting">
            Rotting · {rot.idleDays}d idle
          </span>
        ) : null}
        {overdueTask ? (
          <span className="truncate rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-700" data-testid="overdue-task" title={card.nextTaskSubject ?? ''}>
            Overdue: {card.nextTaskSubject}
          </span>
        ) : null}
      </div>
    </div>
  );
}

export function SortableDealCard({ card, ctx, saving }: { card: BoardCard; ctx: CardContext; saving?: boolean }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { stageId: card.stageId },
    // A card whose move is still being saved cannot be picked up again until the server answers.
    disabled: saving,
  });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cx('touch-manipulation rounded-lg focus-visible:outline-2 focus-visible:outline-brand-500', isDragging && 'opacity-40', saving && 'animate-pulse')}
      aria-busy={saving || undefined}
      data-testid="deal-card"
      data-deal-id={card.id}
      data-value-cents={card.valueCents}
      aria-label={`${card.title}, ${formatMoney(card.valueCents, ctx.currency)}`}
      {...attributes}
      {...listeners}
    >
      <DealCardBody card={card} ctx={ctx} />
    </div>
  );
}
