// A lead's rule score, without I/O: fit points from what the lead is (its fields against the admin's
// fit rules) plus engagement points from what it did (submissions, calls, meetings, emails, notes,
// each worth its rule's points), engagement fading by the workspace's monthly decay. The result
// carries the rules that gave it, so the timeline can say why a score changed.
import { emailDomain, foldText, isFreeMailDomain } from '@/lib/customers/normalise';

export const FIT_FIELDS = {
  title: 'Job title',
  email: 'Email',
  company_name: 'Company',
  country: 'Country',
  source: 'Source',
  website: 'Website',
  phone: 'Phone',
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'UTM campaign',
} as const;
export type FitField = keyof typeof FIT_FIELDS;

export const FIT_OPERATORS = {
  contains: 'contains',
  equals: 'is',
  not_equals: 'is not',
  is_set: 'is filled in',
  is_not_set: 'is blank',
  is_free_mail: 'is a free mail address',
} as const;
export type FitOperator = keyof typeof FIT_OPERATORS;
/** Operators that compare with a value (the others look at the field alone). */
export const OPERATORS_WITH_VALUE: readonly FitOperator[] = ['contains', 'equals', 'not_equals'];

export const ENGAGEMENT_EVENTS = {
  submission: 'Each form submission',
  call: 'Each logged call',
  meeting: 'Each logged meeting',
  email: 'Each logged email',
  note: 'Each note',
} as const;
export type EngagementEvent = keyof typeof ENGAGEMENT_EVENTS;

export type FitRule = { id: number; kind: 'fit'; field: FitField; operator: FitOperator; value: string | null; points: number };
export type EngagementRule = { id: number; kind: 'engagement'; event: EngagementEvent; points: number };
export type ScoringRule = FitRule | EngagementRule;

export type ScoredLead = Partial<Record<FitField, string | null>>;
/** Something the lead did, and when (Unix ms). */
export type LeadEngagement = { event: EngagementEvent; at: number };

export type ScoreReason = { ruleId: number; label: string; points: number };
export type Score = { fit: number; engagement: number; total: number; reasons: ScoreReason[] };

const MONTH_MS = 30 * 24 * 3_600_000;

/** The rule in words, as the settings list and the timeline show it: "Job title contains director". */
export function describeRule(rule: ScoringRule): string {
  if (rule.kind === 'engagement') return ENGAGEMENT_EVENTS[rule.event] ?? rule.event;
  const field = FIT_FIELDS[rule.field] ?? rule.field;
  const op = FIT_OPERATORS[rule.operator] ?? rule.operator;
  return OPERATORS_WITH_VALUE.includes(rule.operator) ? `${field} ${op} “${rule.value ?? ''}”` : `${field} ${op}`;
}

const fold = (s: string) => foldText(s).trim();

/** Whether a fit rule holds for a lead. Text is compared without case or accents. */
export function fitMatches(rule: FitRule, lead: ScoredLead): boolean {
  const raw = lead[rule.field];
  const value = raw ? fold(raw) : '';
  const wanted = fold(rule.value ?? '');
  switch (rule.operator) {
    case 'contains':
      return wanted !== '' && value.includes(wanted);
    case 'equals':
      return value !== '' && value === wanted;
    case 'not_equals':
      return value !== wanted;
    case 'is_set':
      return value !== '';
    case 'is_not_set':
      return value === '';
    case 'is_free_mail': {
      const domain = rule.field === 'email' ? emailDomain(raw ?? null) : raw;
      return isFreeMailDomain(domain ?? null);
    }
    default:
      return false;
  }
}

/**
 * The score of a lead now: each fit rule that holds gives its points once; each engagement gives
 * its event's points, times (1 − decay) for every whole month since it happened. Rounded to whole
 * points; reasons list every rule that gave something, biggest first.
 */
export function scoreLead(lead: ScoredLead, engagements: LeadEngagement[], rules: ScoringRule[], options: { now: number; decayPct: number }): Score {
  const reasons: ScoreReason[] = [];
  let fit = 0;
  for (const rule of rules) {
    if (rule.kind !== 'fit' || !fitMatches(rule, lead)) continue;
    fit += rule.points;
    reasons.push({ ruleId: rule.id, label: describeRule(rule), points: rule.points });
  }
  const keep = 1 - Math.min(100, Math.max(0, options.decayPct)) / 100;
  let engagement = 0;
  for (const rule of rules) {
    if (rule.kind !== 'engagement') continue;
    let points = 0;
    for (const e of engagements) {
      if (e.event !== rule.event) continue;
      const months = Math.max(0, Math.floor((options.now - e.at) / MONTH_MS));
      points += rule.points * keep ** months;
    }
    if (points === 0) continue;
    engagement += points;
    reasons.push({ ruleId: rule.id, label: describeRule(rule), points: Math.round(points) });
  }
  const rounded = Math.round(engagement);
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.ruleId - b.ruleId);
  return { fit, engagement: rounded, total: fit + rounded, reasons };
}
