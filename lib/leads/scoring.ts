// A lead's rule score, without I/O: fit points from what the lead is (its fields against the admin's
// fit rules) plus engagement points from what it did (submissions, calls, meetings, emails, notes,
// each worth its rule's points), engagement fading by the workspace's monthly decay. The result
// carries the rules that gave it, so the timeline can say why a score changed.
import { z } from 'zod';
import { emailDomain, foldText, isFreeMailDomain, normaliseDomain } from '@/lib/customers/normalise';
import { asText, optionalText } from '@/lib/validation/text';

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
      // An email's domain, or a website's (https://www.gmail.com/ is gmail.com).
      const domain = rule.field === 'email' ? emailDomain(raw ?? null) : normaliseDomain(raw ?? null);
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
    engagement += points;
    // Points that have faded to nothing give no reason ("+0" would only puzzle the timeline).
    if (Math.round(points) === 0) continue;
    reasons.push({ ruleId: rule.id, label: describeRule(rule), points: Math.round(points) });
  }
  const rounded = Math.round(engagement);
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.ruleId - b.ruleId);
  return { fit, engagement: rounded, total: fit + rounded, reasons };
}

// ─── The settings screen's forms (/settings/lead-scoring), written once for the form, its actions and tests ───

export const MAX_RULE_POINTS = 100;
export const POINTS_MESSAGE = `Whole points from −${MAX_RULE_POINTS} to ${MAX_RULE_POINTS}, not 0`;
export const VALUE_MESSAGE = 'Enter the text to compare with';
export const FIELD_MESSAGE = 'Pick a lead field';
export const OPERATOR_MESSAGE = 'Pick a condition';
export const EVENT_MESSAGE = 'Pick what the lead does';

const typed = z.preprocess(asText, z.string());

/** Points as typed: "20", "+20", "-10", "−10" (a typographic minus); whole, non-zero, within ±100. */
const points = typed.transform((v, ctx): number => {
  const text = v.trim().replace(/^[−–]/, '-');
  const n = /^[+-]?\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(Number.isInteger(n) && n !== 0 && Math.abs(n) <= MAX_RULE_POINTS)) {
    ctx.addIssue({ code: 'custom', message: POINTS_MESSAGE });
    return z.NEVER;
  }
  return n;
});

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const fitRuleFields = z
  .object({
    kind: z.literal('fit'),
    field: z.enum(keys(FIT_FIELDS), { message: FIELD_MESSAGE }),
    operator: z.enum(keys(FIT_OPERATORS), { message: OPERATOR_MESSAGE }),
    value: optionalText({ max: 100, tooLong: 'Keep the value under 100 characters' }),
    points,
  })
  .superRefine((r, ctx) => {
    if (OPERATORS_WITH_VALUE.includes(r.operator) && !r.value) ctx.addIssue({ code: 'custom', path: ['value'], message: VALUE_MESSAGE });
  })
  // A value is kept only where the condition reads one, so "is blank" never carries a stale "director".
  .transform((r): Omit<FitRule, 'id'> => ({ ...r, value: OPERATORS_WITH_VALUE.includes(r.operator) ? (r.value ?? null) : null }));

const engagementRuleFields = z
  .object({ kind: z.literal('engagement'), event: z.enum(keys(ENGAGEMENT_EVENTS), { message: EVENT_MESSAGE }), points })
  .transform((r): Omit<EngagementRule, 'id'> => r);

/** A rule as the add and edit forms send it; `kind` says which fields it has. */
export const scoringRuleInputSchema = z.discriminatedUnion('kind', [fitRuleFields, engagementRuleFields], { message: 'Pick a kind of rule' });
export type ScoringRuleInput = z.output<typeof scoringRuleInputSchema>;

const ruleId = z.coerce.number().int().positive();
export const addRuleSchema = scoringRuleInputSchema;
export const updateRuleSchema = z.intersection(z.object({ ruleId }), scoringRuleInputSchema);
export const ruleIdSchema = z.object({ ruleId });
export const moveRuleSchema = z.object({ ruleId, direction: z.enum(['up', 'down']) });
export const ruleActiveSchema = z.object({ ruleId, active: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()) });

const wholeNumber = (min: number, max: number, message: string) =>
  typed.transform((v, ctx): number => {
    const n = /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });

export const MAX_HOT_THRESHOLD = 1000;
export const MAX_FIRST_CONTACT_HOURS = 200;

/** The workspace's lead settings; `updatedAt` is the settings row's version when the form was opened. */
export const leadSettingsSchema = z.object({
  updatedAt: z.coerce.number().int().nonnegative(),
  leadHotThreshold: wholeNumber(1, MAX_HOT_THRESHOLD, `Enter a whole score from 1 to ${MAX_HOT_THRESHOLD.toLocaleString('en-US')}`),
  leadFirstContactHours: wholeNumber(1, MAX_FIRST_CONTACT_HOURS, `Enter whole working hours from 1 to ${MAX_FIRST_CONTACT_HOURS}`),
  leadEngagementDecayPct: wholeNumber(0, 100, 'Enter a whole percentage from 0 (never) to 100'),
});
export type LeadSettingsInput = z.output<typeof leadSettingsSchema>;
export type LeadSettings = Omit<LeadSettingsInput, 'updatedAt'>;

// ─── History ─────────────────────────────────────────────────────────────────────────────────────
// Changes to the rules and the lead settings are kept with the workspace's history (workspace_events):
// a setting by its name with its old and new value, a rule as `leadScoringRule` with the rule in words
// before and after ("Job title contains “vp” +20"; null before when added, after when deleted).

export const LEAD_SETTING_LABELS: Record<keyof LeadSettings, string> = {
  leadHotThreshold: 'Hot from score',
  leadFirstContactHours: 'First contact due within',
  leadEngagementDecayPct: 'Engagement fades',
};
export const RULE_HISTORY_FIELD = 'leadScoringRule';
/** A rule moved in the list: the rule in words before, 'up' or 'down' after. */
export const RULE_MOVED_FIELD = 'leadScoringRuleMoved';
export const LEAD_HISTORY_FIELDS = [...Object.keys(LEAD_SETTING_LABELS), RULE_HISTORY_FIELD, RULE_MOVED_FIELD, 'leadSource', 'disqualifyReason'];

/** A rule with its points, for history and confirmations: "Job title contains “vp” +20". */
export function describeRuleWithPoints(rule: ScoringRule): string {
  return `${describeRule(rule)} ${formatPoints(rule.points)}`;
}

/** "+20", "−10" (a typographic minus), "0". */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0';
}

/** The admin's lead lists, and the history field each one's changes are kept under. */
export type LeadListKind = 'sources' | 'reasons';
export const LEAD_LIST_FIELDS: Record<LeadListKind, string> = { sources: 'leadSource', reasons: 'disqualifyReason' };
const LEAD_LIST_NOUNS: Record<string, string> = { leadSource: 'Lead source', disqualifyReason: 'Disqualify reason' };

/** One line of the lead-scoring history. */
export function describeLeadHistory(change: { field: string; fromValue: string | null; toValue: string | null }): string {
  const noun = LEAD_LIST_NOUNS[change.field];
  if (noun) {
    if (change.fromValue === null) return `${noun} added: ${change.toValue}`;
    return `${noun}: ${change.fromValue} → ${change.toValue}`;
  }
  if (change.field === RULE_MOVED_FIELD) return `Rule moved ${change.toValue === 'up' ? 'up' : 'down'}: ${change.fromValue}`;
  if (change.field === RULE_HISTORY_FIELD) {
    if (change.fromValue === null) return `Rule added: ${change.toValue}`;
    if (change.toValue === null) return `Rule deleted: ${change.fromValue}`;
    return `Rule changed: ${change.fromValue} → ${change.toValue}`;
  }
  const label = LEAD_SETTING_LABELS[change.field as keyof LeadSettings] ?? change.field;
  const value = (v: string | null) => {
    if (v === null) return '(none)';
    if (change.field === 'leadEngagementDecayPct') return v === '0' ? 'never' : `${v}% a month`;
    return change.field === 'leadFirstContactHours' ? `${v} working ${v === '1' ? 'hour' : 'hours'}` : v;
  };
  return `${label}: ${value(change.fromValue)} → ${value(change.toValue)}`;
}
