import { z } from 'zod';

export const TIMELINE_TYPES = ['call', 'email', 'meeting', 'note', 'task', 'reassigned', 'stage', 'deal', 'won', 'lost', 'quote', 'merge', 'lead'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export const TIMELINE_LABELS: Record<TimelineType, string> = {
  call: 'Calls',
  email: 'Emails',
  meeting: 'Meetings',
  note: 'Notes',
  task: 'Tasks',
  reassigned: 'Reassigned tasks',
  stage: 'Stage changes',
  deal: 'New deals',
  won: 'Won',
  lost: 'Lost',
  quote: 'Quotes',
  merge: 'Merges',
  lead: 'From leads',
};

/** A page position in a newest-first timeline: entries strictly older than (at, key). */
export type TimelineCursor = { at: number; key: string };

export function encodeCursor(c: TimelineCursor): string {
  return `${c.at}_${c.key}`;
}

export function decodeCursor(value: string | undefined | null): TimelineCursor | null {
  const m = /^(\d{1,15})_([a-z]+-\d{1,12})$/.exec(value ?? '');
  return m ? { at: Number(m[1]), key: m[2] } : null;
}

/** `?type=call&type=note` or `?type=call,note` → the valid types; none means all. */
export const timelineTypesSchema = z
  .preprocess((v) => (Array.isArray(v) ? v.join(',') : (v ?? '')), z.string())
  .transform((s) => s.split(',').filter((t): t is TimelineType => (TIMELINE_TYPES as readonly string[]).includes(t)));

/** The timeline's type filter and page position, from a record page's URL. */
export function parseTimelineParams(params: Record<string, string | string[] | undefined>): { types: TimelineType[]; before: TimelineCursor | null } {
  return { types: timelineTypesSchema.parse(params.type), before: decodeCursor(typeof params.before === 'string' ? params.before : null) };
}
