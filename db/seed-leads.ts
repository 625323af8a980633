import type { Faker } from '@faker-js/faker';
import { DEFAULT_FORM_FIELDS } from '@/lib/leads/forms';
import { scoreLead, type LeadEngagement, type ScoringRule } from '@/lib/leads/scoring';
import type { Db } from './client';
import { loadScoringRules } from './scoring-rules';

// Demo and benchmark leads: an inbox a rep would recognise. Most are open (new, contacted,
// qualified), some disqualified; a share came from a web form (a submission each); and earlier
// leads were converted into the seed's closed deals, more often won for referrals and trade shows,
// so the predicted likelihood has a history to learn from. Scores come from the workspace's rules.

const TITLES = ['Head of Operations', 'Purchasing Manager', 'Director of Facilities', 'Owner', 'Project Manager', 'Office Manager', 'VP Construction', 'Site Lead', 'Architect', 'Buyer'];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com'];
const NOTES = ['Asked about decking for a new office terrace.', 'Wants a quote before spring.', 'Met at the builders’ fair.', 'Referred by an existing customer.', null, null];
const DAY = 86_400_000;

type Seeded = { faker: Faker; today: number; users: number[]; count: number };

export function seedLeads(db: Db, { faker, today, users, count }: Seeded): void {
  if (count <= 0) return;
  const sqlite = db.$client;
  const sources = sqlite.prepare('select id, name from lead_sources order by position').all() as { id: number; name: string }[];
  const reasons = (sqlite.prepare('select id from disqualify_reasons').all() as { id: number }[]).map((r) => r.id);
  const rules: ScoringRule[] = loadScoringRules(db);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  // Closed deals to hang converted leads on: the likelihood learns from their outcomes.
  const closed = sqlite.prepare(`select id, status, contact_id as contactId, company_id as companyId, closed_at as closedAt from deals where status != 'open' order by id`).all() as {
    id: number;
    status: 'won' | 'lost';
    contactId: number | null;
    companyId: number | null;
    closedAt: number;
  }[];
  const insert = sqlite.prepare(
    `insert into leads (first_name, last_name, email, phone, company_name, title, website, country, source_id, owner_id, status, disqualify_reason_id, score,
       fit_points, engagement_points, notes, contact_id, company_id, deal_id, converted_at, converted_by, first_contacted_at, created_at, updated_at,
       utm_source, utm_medium, utm_campaign)
     values (@first, @last, @email, @phone, @company, @title, @website, @country, @source, @owner, @status, @reason, @score, @fit, @engagement, @notes,
       @contact, @companyId, @deal, @convertedAt, @convertedBy, @firstContacted, @created, @created, @utmSource, @utmMedium, @utmCampaign)`,
  );
  // The website's contact form, its leads shared between the two reps in turn.
  const websiteForm = sources.find((s) => s.name === 'Website form')?.id ?? null;
  const formId = Number(
    sqlite
      .prepare(
        `insert into web_forms (name, slug, fields, consent_enabled, consent_text, thank_you_message, owner_mode, round_robin_user_ids, source_id, tags, allowed_origins, created_by, created_at, updated_at)
         values ('Contact us', 'contact-us', ?, 1, ?, ?, 'round_robin', ?, ?, '["website"]', 'https://harborpine.example', 1, ?, ?)`,
      )
      .run(
        JSON.stringify(DEFAULT_FORM_FIELDS),
        'I agree that Harbor & Pine Supply may contact me about my enquiry.',
        'Thank you! One of our team will call you within a working day.',
        JSON.stringify(users.slice(-2)),
        websiteForm,
        today - 200 * DAY,
        today - 200 * DAY,
      ).lastInsertRowid,
  );
  const submission = sqlite.prepare(
    `insert into form_submissions (form_id, lead_id, data, page_url, utm_source, utm_medium, utm_campaign, created_at) values (${formId}, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare('insert into lead_events (lead_id, kind, from_value, to_value, detail, at, user_id) values (?, ?, ?, ?, ?, ?, ?)');
  const activity = sqlite.prepare('insert into activities (type, subject, done_at, owner_id, lead_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const converted = Math.min(closed.length, Math.floor(count * 0.2));

  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        const company = faker.number.float() < 0.85 ? faker.company.name() : null;
        const domain = company ? `${company.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example` : null;
        const free = !company || faker.number.float() < 0.25;
        const email = `${first}.${last}${i}@${free ? faker.helpers.arrayElement(FREE_MAIL) : domain}`.toLowerCase();
        const deal = i < converted ? closed[i] : null;
        // Referrals and trade shows win more often in this demo: something for the likelihood to learn.
        const warm = sources.filter((s) => s.name === 'Referral' || s.name === 'Trade show');
        const source = deal?.status === 'won' && warm.length && faker.number.float() < 0.6 ? faker.helpers.arrayElement(warm) : faker.helpers.arrayElement(sources);
        const fromForm = source.name === 'Website form';
        const created = today - faker.number.int({ min: 0, max: 120 }) * DAY - faker.number.int({ min: 0, max: 8 * 3_600_000 });
        const roll = faker.number.float();
        const status = deal ? 'converted' : roll < 0.35 ? 'new' : roll < 0.65 ? 'contacted' : roll < 0.85 ? 'qualified' : 'disqualified';
        const owner = faker.number.float() < 0.92 ? faker.helpers.arrayElement(users) : null;
        const lead = {
          title: faker.helpers.arrayElement(TITLES),
          email,
          company_name: company,
          country: faker.helpers.arrayElement(['US', 'US', 'US', 'CA', 'GB']),
          source: sourceName.get(source.id) ?? null,
          website: domain,
          phone: null,
          utm_source: fromForm ? 'newsletter' : null,
          utm_medium: fromForm ? 'email' : null,
          utm_campaign: fromForm ? 'spring-decks' : null,
        };
        const engagements: LeadEngagement[] = fromForm ? [{ event: 'submission', at: created }] : [];
        // A lead being worked has had a call, and a qualified one a meeting too.
        const firstContacted = status === 'new' ? null : created + faker.number.int({ min: 1, max: 48 }) * 3_600_000;
        const worked: { type: 'call' | 'meeting'; subject: string; at: number }[] = [];
        if (firstContacted !== null && status !== 'converted') worked.push({ type: 'call', subject: 'Intro call', at: firstContacted });
        if (firstContacted !== null && status === 'qualified') worked.push({ type: 'meeting', subject: 'Discovery meeting', at: firstContacted + 3 * DAY });
        for (const w of worked) if (w.at <= today) engagements.push({ event: w.type, at: w.at });
        const score = scoreLead(lead, engagements, rules, { now: today, decayPct: 0 });
        const id = Number(
          insert.run({
            first, last, email, phone: faker.number.float() < 0.7 ? faker.phone.number({ style: 'national' }) : null, company, title: lead.title,
            website: domain, country: lead.country, source: source.id, owner, status, reason: status === 'disqualified' ? faker.helpers.arrayElement(reasons) : null,
            score: score.total, fit: score.fit, engagement: score.engagement, notes: faker.helpers.arrayElement(NOTES),
            contact: deal?.contactId ?? null, companyId: deal?.companyId ?? null, deal: deal?.id ?? null,
            convertedAt: deal ? deal.closedAt - 30 * DAY : null, convertedBy: deal ? owner : null,
            firstContacted,
            created, utmSource: lead.utm_source, utmMedium: lead.utm_medium, utmCampaign: lead.utm_campaign,
          }).lastInsertRowid,
        );
        event.run(id, 'created', null, fromForm ? 'form' : 'hand', null, created, fromForm ? null : owner);
        for (const w of worked) if (w.at <= today) activity.run(w.type, w.subject, w.at, owner, id, w.at, w.at);
        if (score.total !== 0) event.run(id, 'score', '0', String(score.total), JSON.stringify({ why: 'Created', reasons: score.reasons }), created, null);
        if (fromForm) {
          submission.run(id, JSON.stringify({ fullName: `${first} ${last}`, email, ...(company ? { companyName: company } : {}), notes: 'Please get in touch about a quote.' }), 'https://harborpine.example/contact', 'newsletter', 'email', 'spring-decks', created);
        }
      }
    })();
  }
  // Deals that came from a lead carry its source, as converting records it.
  sqlite.prepare(`update deals set source = (select s.name from leads l join lead_sources s on s.id = l.source_id where l.deal_id = deals.id) where id in (select deal_id from leads where deal_id is not null)`).run();
}
