'use client';

import { useDroppable } from '@dnd-kit/core';
import { cx } from '@/components/ui/cx';

function Zone({ id, label, tone }: { id: 'won' | 'lost'; label: string; tone: 'won' | 'lost' }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      data-testid={`drop-${id}`}
      className={cx(
        'flex h-20 flex-1 items-center justify-center rounded-xl border-2 border-dashed text-base font-semibold transition-colors',
        tone === 'won' ? 'border-emerald-400 bg-emerald-50 text-emerald-800' : 'border-red-300 bg-red-50 text-red-800',
        isOver && (tone === 'won' ? 'bg-emerald-200' : 'bg-red-200'),
      )}
    >
      {label}
    </div>
  );
}

/** "Won" and "Lost" targets at the bottom of the screen, shown only while a card is being dragged. */
export function DropZones({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-40 flex gap-3 border-t border-slate-200 bg-white/95 p-3 shadow-[0_-4px_16px_rgba(15,23,42,0.08)] backdrop-blur lg:left-64">
      <Zone id="won" label="Won" tone="won" />
      <Zone id="lost" label="Lost" tone="lost" />
    </div>
  );
}
