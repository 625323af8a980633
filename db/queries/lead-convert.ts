import 'server-only';
import type { Db } from '@/db/client';
import { describeReason } from '@/lib/customers/similarity';
import { normaliseEmail } from '@/lib/customers/normalise';
import { AppError } from '@/lib/errors';
import { leadDomain, type ConversionDetail, type ConvertibleLead, type ConvertLeadInput, type ExistingCompany, type ExistingContact } from '@/lib/leads/convert';
import { createCompany } from './companies';
import { createContact } from './contacts';
import { createDeal } from './deals';
import { findLikelyDuplicates } from './duplicates';
import { leadEvent } from './leads';
import { refreshMatchKeys } from './match-keys';
import { REF_MESSAGES } from './refs';
import type { SessionUser } from './users';
import { andScope, canSee, companyScope, contactScope, dealScope, leadScope, type Viewer } from './visibility';

// Converting a lead (issue 14): what already exists for it, and the conversion itself, in one
// transaction with a version check. The contact, company and deal are written by their own writers
// (createContact, createCompany, createDeal), so match keys, tags and deal history are the same as
// for records made by hand. The lead's activities move onto the contact and keep lead_id, so the
// lead's page still shows them; its submissions and the conversion show on the contact's timeline
// through the lead (db/queries/timeline.ts).

export const LEAD_STALE_MESSAGE = 'Someone else changed this lead meanwhile. Reload to see their change, then try again.';
export const LEAD_GONE_MESSAGE = 'This lead no longer exists.';
export const ALREADY_CONVERTED_MESSAGE = 'This lead has already been converted. Open its contact instead.';

export type ConvertLead = ConvertibleLead & {
  id: number;
  name: string;
  status: string;
  spam: boolean;
  version: number;
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  dealId: number | null;
  convertedAt: number | null;
};

/** The lead as the wizard needs it; null when it does not exist or the viewer may not see it. */
export function getLeadForConversion(db: Db, leadId: number, viewer: Viewer): ConvertLead | null {
  const row = db.$client
    .prepare(
      `select l.id, l.first_name as firstName, l.last_name as lastName, l.email, l.phone, l.title, l.company_name as companyName, l.website,
              l.owner_id as ownerId, s.name as sourceName, l.status, l.spam, l.version, l.contact_id as contactId,
              trim(c.first_name || ' ' || c.last_name) as contactName, l.company_id as companyId, l.deal_id as dealId, l.converted_at as convertedAt
       from leads l left join lead_sources s on s.id = l.source_id left join contacts c on c.id = l.contact_id
       where l.id = ? ${andScope(leadScope(db, viewer, 'l'))}`,
    )
    .get(leadId) as (Omit<ConvertLead, 'spam' | 'name'> & { spam: number }) | undefined;
  if (!row) return null;
  const name = `${row.firstName} ${row.lastName}`.trim() || row.email || row.companyName || 'Unnamed lead';
  return { ...row, spam: Boolean(row.spam), name };
}

export type OpenDeal = { id: number; title: string; valueCents: number; stageName: string; ownerName: string | null };
export type Existing = { contacts: ExistingContact[]; companies: (ExistingCompany & { openDeals: OpenDeal[]; openDealCount: number })[] };

/**
 * What already exists for a lead, among the records the viewer may see: the contact it is linked to
 * already (a form submission matched it), contacts with its email as
 * their primary or another address (found through the email match key, an index lookup), companies
 * with its domain or a same or similar name (the duplicates rule, through the company match keys),
 * the companies of those contacts, and each company's open deals.
 */
export function findExistingForLead(db: Db, lead: ConvertibleLead & { contactId?: number | null }, viewer: Viewer): Existing {
  const email = normaliseEmail(lead.email);
  const contacts =
    email || lead.contactId
      ? (db.$client
          .prepare(
            `select c.id, trim(c.first_name || ' ' || c.last_name) as name, c.email, co.id as companyId, co.name as companyName,
                    c.email = @email as "primary", c.id = @linked as linked
             from contacts c left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co', { one: true }))}
             where c.id in (select contact_id from contact_match_keys where type = 'email' and key = @email union select id from contacts where email = @email union select @linked)
               ${andScope(contactScope(db, viewer, 'c'))}
             order by linked desc, "primary" desc, c.id limit 10`,
          )
          .all({ email, linked: lead.contactId ?? null }) as (Omit<ExistingContact, 'primary' | 'linked'> & { primary: number | null; linked: number | null })[]).map((c) => ({
          ...c,
          primary: Boolean(c.primary),
          linked: Boolean(c.linked),
        }))
      : [];
  const byId = new Map<number, ExistingCompany>();
  for (const c of contacts) {
    if (c.companyId && c.companyName) byId.set(c.companyId, { id: c.companyId, name: c.companyName, domain: null, reasons: [`Company of ${c.name}`], score: 1 });
  }
  const domain = leadDomain(lead);
  if (lead.companyName?.trim() || domain) {
    for (const m of findLikelyDuplicates(db, 'company', { name: lead.companyName, domain }, { viewer, limit: 5 })) {
      const seen = byId.get(m.id);
      const reasons = m.reasons.map(describeReason);
      if (seen) seen.reasons.push(...reasons);
      else byId.set(m.id, { id: m.id, name: m.name, domain: m.detail, reasons, score: m.score });
    }
  }
  const companies = [...byId.values()];
  const deals = companies.length
    ? (db.$client
        .prepare(
          `select d.id, d.title, d.value_cents as valueCents, s.name as stageName, u.name as ownerName, d.company_id as companyId
           from deals d join stages s on s.id = d.stage_id left join users u on u.id = d.owner_id
           where d.company_id in (select value from json_each(?)) and d.status = 'open' ${andScope(dealScope(db, viewer, 'd'))}
           order by d.value_cents desc, d.id`,
        )
        .all(JSON.stringify(companies.map((c) => c.id))) as (OpenDeal & { companyId: number })[])
    : [];
  return {
    contacts,
    companies: companies.map((c) => {
      const mine = deals.filter((d) => d.companyId === c.id);
      return { ...c, openDeals: mine.slice(0, 5).map((d) => ({ id: d.id, title: d.title, valueCents: d.valueCents, stageName: d.stageName, ownerName: d.ownerName })), openDealCount: mine.length };
    }),
  };
}

/**
 * Converts a lead, all or nothing: links or creates the contact and company, optionally creates a
 * deal (with the lead's source name as its source, so reports see it), moves the lead's activities
 * onto the contact (their dates and lead_id kept), marks the lead converted with its links and who
 * did it, and writes a 'converted' history row saying what was created and what linked.
 */
export function convertLead(db: Db, input: ConvertLeadInput, actor: SessionUser, now = Date.now()): { contactId: number; companyId: number | null; dealId: number | null } {
  return db.transaction(() => {
    const lead = getLeadForConversion(db, input.leadId, actor);
    if (!lead || !canSee(db, actor, 'lead', input.leadId)) throw new AppError(LEAD_GONE_MESSAGE);
    if (lead.status === 'converted') throw new AppError(ALREADY_CONVERTED_MESSAGE);
    if (lead.spam) throw new AppError('This lead is marked as spam. Release it before converting it.');
    if (lead.version !== input.version) throw new AppError(LEAD_STALE_MESSAGE);
    const ownerId = actor.role === 'rep' ? actor.id : (input.ownerId ?? lead.ownerId ?? actor.id);
    const nameOf = (table: 'contacts' | 'companies', id: number) =>
      (db.$client.prepare(table === 'contacts' ? `select trim(first_name || ' ' || last_name) as name from contacts where id = ?` : 'select name from companies where id = ?').get(id) as { name: string }).name;

    let company: ConversionDetail['company'] = null;
    if (input.company && 'id' in input.company) {
      if (!canSee(db, actor, 'company', input.company.id)) throw new AppError(REF_MESSAGES.companyId, { company: REF_MESSAGES.companyId });
      company = { id: input.company.id, name: nameOf('companies', input.company.id), created: false };
    } else if (input.company) {
      const created = createCompany(db, { ...input.company.input, ownerId, tags: [] }, actor);
      company = { id: created.id, name: input.company.input.name, created: true };
    }

    let contact: ConversionDetail['contact'];
    if ('id' in input.contact) {
      if (!canSee(db, actor, 'contact', input.contact.id)) throw new AppError(REF_MESSAGES.contactId, { contact: REF_MESSAGES.contactId });
      // A linked contact without a company joins the one chosen; one with a company keeps it.
      if (company && db.$client.prepare('update contacts set company_id = ?, updated_at = ? where id = ? and company_id is null').run(company.id, now, input.contact.id).changes) {
        refreshMatchKeys(db, 'contact', [input.contact.id]);
      }
      contact = { id: input.contact.id, name: nameOf('contacts', input.contact.id), created: false };
    } else {
      const c = input.contact.input;
      const created = createContact(db, { ...c, companyId: company?.id ?? null, ownerId, source: lead.sourceName ? lead.sourceName.slice(0, 100) : null, tags: [] }, actor);
      contact = { id: created.id, name: `${c.firstName} ${c.lastName}`.trim(), created: true };
    }

    let deal: ConversionDetail['deal'] = null;
    if (input.deal) {
      const d = input.deal;
      const created = createDeal(
        db,
        { ...d, companyId: company?.id ?? null, contactId: contact.id, ownerId, source: lead.sourceName ? lead.sourceName.slice(0, 100) : null },
        actor,
        now,
      );
      deal = { id: created.id, name: created.title, created: true };
    }

    // The lead's calls, notes and tasks join the contact's story with their own dates.
    db.$client.prepare('update activities set contact_id = @contact, company_id = coalesce(company_id, @company) where lead_id = @lead').run({ contact: contact.id, company: company?.id ?? null, lead: lead.id });
    const marked = db.$client
      .prepare(
        `update leads set status = 'converted', contact_id = @contact, company_id = @company, deal_id = @deal, converted_at = @now, converted_by = @by, updated_at = @now, version = version + 1
         where id = @id and version = @version`,
      )
      .run({ contact: contact.id, company: company?.id ?? null, deal: deal?.id ?? null, now, by: actor.id, id: lead.id, version: input.version });
    if (marked.changes !== 1) throw new AppError(LEAD_STALE_MESSAGE);
    const detail: ConversionDetail = { contact, company, deal };
    leadEvent(db, lead.id, 'converted', { from: lead.status, to: 'converted', detail }, actor.id, now);
    return { contactId: contact.id, companyId: company?.id ?? null, dealId: deal?.id ?? null };
  });
}
