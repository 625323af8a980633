import 'server-only';
import { databasePath, type Db } from '@/db/client';
import { loadAuthSecret } from '@/lib/auth/secret';
import { AppError } from '@/lib/errors';
import { normaliseEmail } from '@/lib/customers/normalise';
import { pickRoundRobin, type FormField, type Submission, type WebFormInput } from '@/lib/leads/forms';
import { assignFirstContactTask, insertLead, leadEvent, recomputeLeadScore } from './leads';
import { assertRefs } from './refs';
import { setTags, tagsFor } from './tags';
import type { SessionUser } from './users';

// Web forms (issue 14), the database side: the admin's forms, a submission turned into a lead (or
// added to the lead with the same email) in one transaction, and the release of a lead kept as spam.
// The pure rules (fields, spam, round-robin, origins) are lib/leads/forms.ts.

export type WebForm = {
  id: number;
  name: string;
  slug: string;
  fields: FormField[];
  consentEnabled: boolean;
  consentText: string | null;
  thankYouMessage: string | null;
  redirectUrl: string | null;
  ownerMode: 'user' | 'round_robin';
  ownerId: number | null;
  roundRobinUserIds: number[];
  sourceId: number | null;
  tags: string[];
  allowedOrigins: string;
  turnstileSiteKey: string | null;
  turnstileSecret: string | null;
  active: boolean;
  version: number;
};

type FormRow = Omit<WebForm, 'fields' | 'roundRobinUserIds' | 'tags' | 'consentEnabled' | 'active'> & {
  fields: string;
  roundRobinUserIds: string;
  tags: string;
  consentEnabled: number;
  active: number;
};

const FORM_COLUMNS = `id, name, slug, fields, consent_enabled as consentEnabled, consent_text as consentText, thank_you_message as thankYouMessage,
  redirect_url as redirectUrl, owner_mode as ownerMode, owner_id as ownerId, round_robin_user_ids as roundRobinUserIds, source_id as sourceId, tags,
  allowed_origins as allowedOrigins, turnstile_site_key as turnstileSiteKey, turnstile_secret as turnstileSecret, active, version`;

function toForm(r: FormRow): WebForm {
  return { ...r, fields: JSON.parse(r.fields), roundRobinUserIds: JSON.parse(r.roundRobinUserIds), tags: JSON.parse(r.tags), consentEnabled: Boolean(r.consentEnabled), active: Boolean(r.active) };
}

export function getWebForm(db: Db, id: number): WebForm | null {
  const row = db.$client.prepare(`select ${FORM_COLUMNS} from web_forms where id = ?`).get(id) as FormRow | undefined;
  return row ? toForm(row) : null;
}

/** The form behind a public slug, active or not (callers answer "not found" for an inactive one). */
export function getWebFormBySlug(db: Db, slug: string): WebForm | null {
  const row = db.$client.prepare(`select ${FORM_COLUMNS} from web_forms where slug = ?`).get(slug) as FormRow | undefined;
  return row ? toForm(row) : null;
}

export type WebFormListRow = {
  id: number;
  name: string;
  slug: string;
  active: boolean;
  ownerMode: 'user' | 'round_robin';
  ownerName: string | null;
  rotation: number;
  sourceName: string | null;
  submissions: number;
  spam: number;
  lastSubmissionAt: number | null;
};

export function listWebForms(db: Db): WebFormListRow[] {
  const rows = db.$client
    .prepare(
      `select f.id, f.name, f.slug, f.active, f.owner_mode as ownerMode, u.name as ownerName, json_array_length(f.round_robin_user_ids) as rotation,
              s.name as sourceName,
              (select count(*) from form_submissions x where x.form_id = f.id) as submissions,
              (select count(*) from form_submissions x where x.form_id = f.id and x.spam = 1) as spam,
              (select max(created_at) from form_submissions x where x.form_id = f.id) as lastSubmissionAt
       from web_forms f left join users u on u.id = f.owner_id left join lead_sources s on s.id = f.source_id
       order by f.active desc, f.name collate nocase, f.id`,
    )
    .all() as (Omit<WebFormListRow, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: Boolean(r.active) }));
}

function formValues(input: WebFormInput) {
  return {
    name: input.name,
    slug: input.slug,
    fields: JSON.stringify(input.fields),
    consent_enabled: input.consentEnabled ? 1 : 0,
    consent_text: input.consentText,
    thank_you_message: input.thankYouMessage,
    redirect_url: input.redirectUrl,
    owner_mode: input.ownerMode,
    owner_id: input.ownerId,
    round_robin_user_ids: JSON.stringify(input.roundRobinUserIds),
    source_id: input.sourceId,
    tags: JSON.stringify(input.tags),
    allowed_origins: input.allowedOrigins,
    turnstile_site_key: input.turnstileSiteKey,
    turnstile_secret: input.turnstileSecret,
    active: input.active ? 1 : 0,
  };
}

function checkFormRefs(db: Db, input: WebFormInput): void {
  assertRefs(db, { sourceId: input.sourceId });
  const ids = input.ownerMode === 'user' ? [input.ownerId] : input.roundRobinUserIds;
  const active = new Set(
    (db.$client.prepare('select id from users where active = 1 and id in (select value from json_each(?))').all(JSON.stringify(ids)) as { id: number }[]).map((u) => u.id),
  );
  const missing = ids.filter((id) => id !== null && !active.has(id));
  if (missing.length)
    throw new AppError('Choose active users only.', { [input.ownerMode === 'user' ? 'ownerId' : 'roundRobinUserIds']: 'Choose active users only' });
}

function slugTaken(db: Db, slug: string, except: number | null): boolean {
  return Boolean(db.$client.prepare('select 1 from web_forms where slug = ? and id is not ?').get(slug, except));
}

const SLUG_TAKEN = () => new AppError('Another form uses this address.', { slug: 'Another form uses this address; choose another' });

export function createWebForm(db: Db, input: WebFormInput, actor: SessionUser, now = Date.now()): { id: number } {
  return db.transaction(() => {
    checkFormRefs(db, input);
    if (slugTaken(db, input.slug, null)) throw SLUG_TAKEN();
    const values = { ...formValues(input), created_by: actor.id };
    const cols = Object.keys(values);
    const id = db.$client
      .prepare(`insert into web_forms (${cols.join(', ')}, created_at, updated_at) values (${cols.map((c) => `@${c}`).join(', ')}, @now, @now)`)
      .run({ ...values, now }).lastInsertRowid;
    return { id: Number(id) };
  });
}

/** Saves the editor's form over the stored one, unless someone saved it meanwhile (version). */
export function updateWebForm(db: Db, id: number, version: number, input: WebFormInput, now = Date.now()): void {
  db.transaction(() => {
    const current = db.$client.prepare('select version, round_robin_user_ids as rr from web_forms where id = ?').get(id) as { version: number; rr: string } | undefined;
    if (!current) throw new AppError('This form no longer exists.');
    if (current.version !== version) throw new AppError('Someone else changed this form meanwhile. Reload to see their change, then try again.');
    checkFormRefs(db, input);
    if (slugTaken(db, input.slug, id)) throw SLUG_TAKEN();
    const values = formValues(input);
    // A new rotation starts from its first user; the same rotation keeps its place.
    const keepCursor = current.rr === values.round_robin_user_ids;
    db.$client
      .prepare(
        `update web_forms set ${Object.keys(values).map((c) => `${c} = @${c}`).join(', ')}, ${keepCursor ? '' : 'round_robin_next = 0, '}updated_at = @now, version = version + 1 where id = @id`,
      )
      .run({ ...values, now, id });
  });
}

export function setWebFormActive(db: Db, id: number, active: boolean, now = Date.now()): void {
  const changed = db.$client.prepare('update web_forms set active = ?, updated_at = ?, version = version + 1 where id = ?').run(active ? 1 : 0, now, id).changes;
  if (!changed) throw new AppError('This form no longer exists.');
}

/** Active users, for the owner pickers. */
export function listActiveUsers(db: Db): { id: number; name: string; role: string }[] {
  return db.$client.prepare('select id, name, role from users where active = 1 order by name collate nocase').all() as { id: number; name: string; role: string }[];
}

// ─── Submissions ─────────────────────────────────────────────────────────────────────────────────

export type SubmissionMeta = { now: number; ip: string | null; userAgent: string | null; spamReason: string | null };
export type SubmissionOutcome = { leadId: number; submissionId: number; created: boolean; spam: boolean; taskId: number | null };

/** Who gets a new lead from this form: its user, or the next active user in its rotation (which then moves on). */
function ownerFor(db: Db, form: WebForm, advance: boolean): number | null {
  if (form.ownerMode === 'user') {
    const ok = db.$client.prepare('select 1 from users where id = ? and active = 1').get(form.ownerId);
    return ok ? form.ownerId : null;
  }
  const row = db.$client.prepare('select round_robin_user_ids as ids, round_robin_next as next from web_forms where id = ?').get(form.id) as { ids: string; next: number };
  const ids = JSON.parse(row.ids) as number[];
  const active = new Set((db.$client.prepare('select id from users where active = 1 and id in (select value from json_each(?))').all(row.ids) as { id: number }[]).map((u) => u.id));
  const pick = pickRoundRobin(ids, row.next, active);
  if (pick && advance) db.$client.prepare('update web_forms set round_robin_next = ? where id = ?').run(pick.next, form.id);
  return pick?.userId ?? null;
}

/** The contact this email belongs to, by its main email or any email key (other emails, any case). */
function contactByEmail(db: Db, email: string | null): number | null {
  const key = normaliseEmail(email);
  if (!key) return null;
  const row = db.$client
    .prepare(
      `select contact_id as id from contact_match_keys where type = 'email' and key = @key
       union select id from contacts where email = @key
       order by id limit 1`,
    )
    .get({ key }) as { id: number } | undefined;
  return row?.id ?? null;
}

const FILLABLE: [keyof Submission['lead'], string][] = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['phone', 'phone'],
  ['companyName', 'company_name'],
  ['title', 'title'],
  ['website', 'website'],
  ['country', 'country'],
  ['notes', 'notes'],
];
const FILLABLE_META: [keyof Pick<Submission, 'utmSource' | 'utmMedium' | 'utmCampaign' | 'referrer'>, string][] = [
  ['utmSource', 'utm_source'],
  ['utmMedium', 'utm_medium'],
  ['utmCampaign', 'utm_campaign'],
  ['referrer', 'referrer'],
];

/**
 * A checked submission, in one transaction. Spam becomes a lead of its own marked spam (no task, no
 * turn taken from the rotation). Otherwise the open, non-spam lead with the same email is updated:
 * blank fields filled, the values it had kept in its history, the form's tags added; or else a new
 * lead is made with the form's source, tags and owner rule, the UTM parameters and consent, and its
 * owner's First contact task. Either way it is linked to a contact with that email, the submission
 * joins its timeline and its score is computed again.
 */
export function recordSubmission(db: Db, form: WebForm, s: Submission, m: SubmissionMeta): SubmissionOutcome {
  // BEGIN IMMEDIATE: it reads (the lead with this email, whose turn it is) before it writes, and
  // concurrent submissions (several web processes) must wait for the write lock rather than fail
  // with SQLITE_BUSY when a read transaction cannot be upgraded.
  return db.$client.transaction((): SubmissionOutcome => {
    const spam = m.spamReason !== null;
    const consent = s.consent ? { consentText: form.consentText, consentAt: m.now, consentIp: m.ip } : null;
    const contactId = contactByEmail(db, s.lead.email);
    const existing =
      !spam && s.lead.email
        ? (db.$client
            .prepare(`select * from leads where email = ? and spam = 0 and status != 'converted' order by id desc limit 1`)
            .get(s.lead.email) as Record<string, unknown> | undefined)
        : undefined;

    let leadId: number;
    let taskId: number | null = null;
    if (existing) {
      leadId = existing.id as number;
      const next: Record<string, unknown> = {};
      const blank = (v: unknown) => v === null || v === undefined || v === '';
      for (const [key, column] of FILLABLE) if (blank(existing[column]) && s.lead[key]) next[column] = s.lead[key];
      for (const [key, column] of FILLABLE_META) if (blank(existing[column]) && s[key]) next[column] = s[key];
      if (blank(existing.source_id) && form.sourceId) next.source_id = form.sourceId;
      if (blank(existing.contact_id) && contactId) next.contact_id = contactId;
      if (consent && blank(existing.consent_at)) Object.assign(next, { consent_text: consent.consentText, consent_at: consent.consentAt, consent_ip: consent.consentIp });
      const cols = Object.keys(next);
      db.$client
        .prepare(`update leads set ${cols.map((c) => `${c} = @${c}, `).join('')}updated_at = @now, version = version + 1 where id = @id`)
        .run({ ...next, now: m.now, id: leadId });
      if (cols.length) leadEvent(db, leadId, 'update', { detail: { before: Object.fromEntries(cols.map((c) => [c, existing[c] ?? null])), via: 'form', form: form.name } }, null, m.now);
      if (form.tags.length) {
        const had = tagsFor(db, 'lead', [leadId]).get(leadId) ?? [];
        const missing = form.tags.filter((t) => !had.some((h) => h.toLowerCase() === t.toLowerCase()));
        if (missing.length) setTags(db, { leadId }, [...had, ...missing]);
      }
    } else {
      const ownerId = ownerFor(db, form, !spam);
      const created = insertLead(
        db,
        {
          ...s.lead,
          sourceId: form.sourceId,
          ownerId,
          tags: form.tags,
          utmSource: s.utmSource,
          utmMedium: s.utmMedium,
          utmCampaign: s.utmCampaign,
          referrer: s.referrer,
        },
        null,
        {
          now: m.now,
          via: 'form',
          task: true,
          extras: { ...(consent ?? {}), spam, spamReason: m.spamReason, contactId },
        },
      );
      leadId = created.id;
      taskId = created.taskId;
    }

    const submissionId = Number(
      db.$client
        .prepare(
          `insert into form_submissions (form_id, lead_id, data, ip, user_agent, page_url, referrer, utm_source, utm_medium, utm_campaign, spam, spam_reason, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(form.id, leadId, JSON.stringify(s.values), m.ip, m.userAgent, s.pageUrl, s.referrer, s.utmSource, s.utmMedium, s.utmCampaign, spam ? 1 : 0, m.spamReason, m.now).lastInsertRowid,
    );
    recomputeLeadScore(db, leadId, { now: m.now, userId: null, why: 'A form was sent' });
    return { leadId, submissionId, created: !existing, spam, taskId };
  }).immediate();
}

// ─── Spam review ─────────────────────────────────────────────────────────────────────────────────

/**
 * An admin takes a lead out of spam: it joins the inbox (its submissions count for its score), its
 * history says who released it from what, and its owner (the releasing admin when it has no active
 * owner) gets the First contact task.
 */
export function releaseSpamLead(db: Db, leadId: number, actor: SessionUser, now = Date.now()): { taskId: number | null } {
  if (actor.role !== 'admin') throw new AppError('Only an admin can release spam.');
  return db.transaction(() => {
    const lead = db.$client
      .prepare('select l.spam, l.spam_reason as reason, l.status, l.owner_id as ownerId, u.active as ownerActive from leads l left join users u on u.id = l.owner_id where l.id = ?')
      .get(leadId) as { spam: number; reason: string | null; status: string; ownerId: number | null; ownerActive: number | null } | undefined;
    if (!lead) throw new AppError('This lead no longer exists.');
    if (!lead.spam) throw new AppError('This lead is not in spam.');
    const ownerId = lead.ownerId !== null && lead.ownerActive ? lead.ownerId : actor.id;
    db.$client.prepare('update leads set spam = 0, spam_reason = null, owner_id = ?, updated_at = ?, version = version + 1 where id = ?').run(ownerId, now, leadId);
    db.$client.prepare('update form_submissions set spam = 0 where lead_id = ?').run(leadId);
    leadEvent(db, leadId, 'released', { from: lead.reason }, actor.id, now);
    if (ownerId !== lead.ownerId) leadEvent(db, leadId, 'owner', { from: lead.ownerId, to: ownerId }, actor.id, now);
    const taskId = lead.status === 'new' ? assignFirstContactTask(db, leadId, ownerId, now) : null;
    recomputeLeadScore(db, leadId, { now, userId: actor.id, why: 'Released from spam' });
    return { taskId };
  });
}

// ─── The signing secret ──────────────────────────────────────────────────────────────────────────

/** The secret that signs a form's render time: the sessions' own (AUTH_SECRET or the file beside the database). */
export function formSigningSecret(): string {
  const secret = loadAuthSecret(databasePath());
  if (!secret) throw new Error('No AUTH_SECRET: start Keel with `npm start`, which creates one.');
  return secret;
}
