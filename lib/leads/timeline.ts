// A lead's history entry in words, without I/O: what the lead page's timeline says for each event.
import { FORM_FIELD_NAMES } from './forms';
import { LEAD_STATUS_LABELS } from './schemas';
import type { ScoreReason } from './scoring';

const FIELD_LABELS: Record<string, string> = {
  first_name: 'first name', last_name: 'last name', email: 'email', phone: 'phone', company_name: 'company', title: 'job title',
  website: 'website', country: 'country', source_id: 'source', notes: 'notes',
};

const VIA: Record<string, string> = { hand: 'Added by hand', form: 'Came in from a web form', import: 'Imported' };

type Event = { kind: string; fromValue: string | null; toValue: string | null; detail: string | null };

const statusLabel = (s: string | null) => (s && s in LEAD_STATUS_LABELS ? LEAD_STATUS_LABELS[s as keyof typeof LEAD_STATUS_LABELS] : (s ?? '—'));

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Title and lines for one history entry. `userName(id)` names an owner stored by id. */
export function describeLeadEvent(e: Event, userName: (id: number) => string): { title: string; lines: string[] } {
  switch (e.kind) {
    case 'created': {
      const detail = parse<{ spam?: string }>(e.detail);
      return { title: VIA[e.toValue ?? ''] ?? 'Added', lines: detail?.spam ? [`Held back as spam: ${detail.spam}`] : [] };
    }
    case 'status': {
      const detail = parse<{ reason?: string; because?: string }>(e.detail);
      return {
        title: `${statusLabel(e.fromValue)} → ${statusLabel(e.toValue)}`,
        lines: [detail?.reason ? `Reason: ${detail.reason}` : null, detail?.because ?? null].filter((l): l is string => !!l),
      };
    }
    case 'owner': {
      const name = (v: string | null) => (v ? userName(Number(v)) : 'nobody');
      return { title: `Owner: ${name(e.fromValue)} → ${name(e.toValue)}`, lines: [] };
    }
    case 'score': {
      const detail = parse<{ why?: string; reasons?: ScoreReason[] }>(e.detail);
      const reasons = (detail?.reasons ?? []).map((r) => `${r.points > 0 ? '+' : ''}${r.points} ${r.label}`);
      return { title: `Score ${e.fromValue ?? 0} → ${e.toValue ?? 0}${detail?.why ? ` (${detail.why.toLowerCase()})` : ''}`, lines: reasons.length ? reasons : ['No rule gives points now'] };
    }
    case 'update': {
      const detail = parse<{ before?: Record<string, unknown>; via?: string }>(e.detail);
      const before = Object.entries(detail?.before ?? {});
      return {
        title: detail?.via === 'form' ? 'Details filled in from a web form' : 'Details edited',
        lines: before.map(([field, value]) => `${FIELD_LABELS[field] ?? field.replace(/_/g, ' ')} was ${value === null || value === '' ? 'blank' : `“${String(value)}”`}`),
      };
    }
    case 'converted':
      return { title: 'Converted', lines: [] };
    case 'spam':
      return { title: 'Marked as spam', lines: e.toValue ? [e.toValue] : [] };
    case 'released':
      return { title: 'Released from spam', lines: [] };
    default:
      return { title: e.kind, lines: [] };
  }
}

/** A form submission's fields as "Label: value" lines (its data is the JSON of the values sent, by lead field). */
export function submissionLines(data: string | null): string[] {
  const parsed = parse<Record<string, unknown>>(data);
  if (!parsed || typeof parsed !== 'object') return [];
  return Object.entries(parsed)
    .filter(([, v]) => v !== null && v !== undefined && String(v).trim() !== '')
    .map(([k, v]) => `${FORM_FIELD_NAMES[k as keyof typeof FORM_FIELD_NAMES] ?? k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}
