import { z } from 'zod';
import { DEAL_EVENT_KINDS } from '@/db/schema';

/**
 * What a deal's timeline shows, one type per entry: its activities, its stage moves and each kind
 * of recorded change (deal_events kinds: created, won, lost, reopened, owner, value, close_date,
 * probability), and its tasks' reassignments. The type is also the entry's data-type in the page.
 */
export const DEAL_ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note', 'task'] as const;
export const DEAL_TIMELINE_TYPES = [...DEAL_ACTIVITY_TYPES, 'reassigned', 'stage', ...DEAL_EVENT_KINDS, 'quote'] as const;
export type DealTimelineType = (typeof DEAL_TIMELINE_TYPES)[number];

/** Entries per "page": the timeline shows this many, and each "Show more" adds as many again. */
export const DEAL_TIMELINE_PAGE = 50;
const MAX_PAGES = 40;

/** `?timeline=3` → show 150 entries; anything unreadable shows the first page. */
export function timelineLimit(value: string | string[] | undefined): { pages: number; limit: number } {
  const pages = z.coerce.number().int().min(1).max(MAX_PAGES).catch(1).parse(Array.isArray(value) ? value[0] : (value ?? 1));
  return { pages, limit: pages * DEAL_TIMELINE_PAGE };
}

export const CALL_OUTCOME_LABELS: Record<string, string> = { connected: 'Connected', no_answer: 'No answer', left_voicemail: 'Left voicemail' };

/** The small grey line under an entry: who, the call's outcome, and a task's state. */
export function timelineMeta(e: { type: DealTimelineType; userName: string | null; outcome: string | null; dueDate: string | null; done: boolean }, formatDate: (iso: string) => string): string {
  return [
    e.userName ? `by ${e.userName}` : null,
    e.type === 'call' && e.outcome ? (CALL_OUTCOME_LABELS[e.outcome] ?? null) : null,
    e.type === 'task' ? (e.done ? 'Done' : e.dueDate ? `Open, due ${formatDate(e.dueDate)}` : 'Open, no due date') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
