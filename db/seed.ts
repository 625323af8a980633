import { Faker, en } from '@faker-js/faker';
import { generateNKeysBetween } from 'fractional-indexing';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_STAGES } from '@/lib/pipelines/stages';
import { addDays, dateInZone, isoDateToMs } from '@/lib/dates';
import type { Db } from './client';
import { seedCatalogue, seedQuotes } from './seed-catalogue';
import { seedLeads } from './seed-leads';

export type SeedOptions = {
  companies: number;
  contacts: number;
  deals: number;
  /** Defaults to five per deal. */
  activities?: number;
  seed: number;
  /** 'YYYY-MM-DD'; everything is dated relative to it. Defaults to today (UTC). */
  today?: string;
  /** Share of deals still open (the rest closed over the last year); 0.6 by default. */
  openShare?: number;
  /** Leads in the inbox (a fifth of them converted into closed deals, as far as there are some); none by default. */
  leads?: number;
};

export const DEMO_SIZE = { companies: 150, contacts: 500, deals: 300, leads: 120, seed: 42 } as const;
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS = [
  { name: 'Olivia Owner', email: 'owner@demo.local', role: 'admin' },
  { name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' },
  { name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' },
  { name: 'Ben Carter', email: 'ben@demo.local', role: 'rep' },
] as const;

const DAY = 86_400_000;
const BATCH = 5_000;
const INDUSTRIES = ['Software', 'Manufacturing', 'Healthcare', 'Retail', 'Logistics', 'Finance', 'Education', 'Hospitality', 'Construction', 'Media'];
const SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1000+'];
const SOURCES = ['Website', 'Referral', 'Event', 'Outbound', 'Partner', 'Inbound call'];
const OFFERS = ['Annual licence', 'Pilot', 'Expansion', 'Onboarding package', 'Support renewal', 'Team plan', 'Hardware bundle', 'Consulting block'];
const LOST_REASONS = ['Price too high', 'Chose a competitor', 'No budget', 'No decision', 'Timing'];
const CALL_SUBJECTS = ['Discovery call', 'Follow-up call', 'Pricing discussion', 'Check-in call', 'Demo debrief'];
const EMAIL_SUBJECTS = ['Sent proposal', 'Shared case study', 'Answered security questions', 'Sent pricing', 'Intro email'];
const MEETING_SUBJECTS = ['Product demo', 'On-site visit', 'Kick-off meeting', 'Negotiation meeting', 'Technical review'];
const NOTE_SUBJECTS = ['Budget confirmed', 'Decision maker identified', 'Competitor in play', 'Needs legal review', 'Champion is enthusiastic'];
const TAGS = ['VIP', 'Decision maker', 'Partner', 'Newsletter', 'Churn risk', 'Champion'];
const TASK_SUBJECTS = ['Send proposal', 'Call back', 'Prepare demo', 'Follow up on quote', 'Book meeting', 'Check in after trial'];

/** Fills an empty database with a deterministic workspace: the same seed and day give the same rows. */
export function seedWorkspace(db: Db, options: SeedOptions): void {
  const sqlite = db.$client;
  const existing = sqlite.prepare('select count(*) as n from users').get() as { n: number };
  if (existing.n > 0) throw new Error('The database already has users: seed only fills an empty database.');

  // Bulk loading: a large page cache keeps index updates in memory, and the generator only ever
  // writes references it has just created, so per-row foreign-key lookups are skipped until the end.
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('foreign_keys = OFF');
  try {
    fill(db, options);
  } finally {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`Seeding left ${broken.length} broken references`);
  sqlite.pragma('optimize');
}

function fill(db: Db, options: SeedOptions): void {
  const sqlite = db.$client;
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed);
  const today = options.today ?? dateInZone(Date.now());
  const dayStart = isoDateToMs(today);
  const at = (daysAgo: number) => dayStart - Math.round(daysAgo * DAY) + faker.number.int({ min: 8, max: 17 }) * 3_600_000;
  const pick = <T,>(items: readonly T[]) => faker.helpers.arrayElement(items);
  const inBatches = (count: number, row: (i: number) => void) => {
    for (let start = 0; start < count; start += BATCH) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(count, start + BATCH); i++) row(i);
      })();
    }
  };

  // Workspace, users, pipeline.
  sqlite.transaction(() => {
    // The company's own details, so the demo's quotes and PDFs read like real ones.
    sqlite
      .prepare(`insert or replace into workspace (id, name, currency, address, tax_id) values (1, 'Harbor & Pine Supply', 'USD', ?, ?)`)
      .run('418 Commercial Street\nPortland, ME 04101\nUnited States', 'EIN 84-2719305');
    const hash = hashPassword(DEMO_PASSWORD);
    const insertUser = sqlite.prepare('insert into users (name, email, password_hash, role) values (?, ?, ?, ?)');
    for (const u of DEMO_USERS) insertUser.run(u.name, u.email, hash, u.role);
    sqlite.prepare(`insert into pipelines (id, name, position) values (1, 'Sales', 0)`).run();
    const insertStage = sqlite.prepare('insert into stages (id, pipeline_id, position, name, probability_bp, rot_days) values (?, 1, ?, ?, ?, ?)');
    DEFAULT_STAGES.forEach((s, i) => insertStage.run(i + 1, i, s.name, s.probabilityBp, s.rotDays));
  })();
  const sellerIds = [2, 3, 3, 4, 4]; // reps carry most of the book, the manager some
  const stageIds = DEFAULT_STAGES.map((_, i) => i + 1);

  // Companies.
  const companyNames: string[] = [];
  const companyDomains: string[] = [];
  const insertCompany = sqlite.prepare(
    'insert into companies (id, name, domain, industry, size, address, owner_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  inBatches(options.companies, (i) => {
    const name = faker.company.name();
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}${i > 500 ? i : ''}.example`;
    companyNames.push(name);
    companyDomains.push(domain);
    const created = at(faker.number.int({ min: 30, max: 730 }));
    insertCompany.run(i + 1, name, domain, pick(INDUSTRIES), pick(SIZES), `${faker.location.streetAddress()}, ${faker.location.city()}`, pick(sellerIds), created, created);
  });

  const insertTag = sqlite.prepare('insert into tags (id, name) values (?, ?)');
  sqlite.transaction(() => TAGS.forEach((name, i) => insertTag.run(i + 1, name)))();
  const insertContactTag = sqlite.prepare('insert or ignore into contact_tags (contact_id, tag_id) values (?, ?)');
  const insertCompanyTag = sqlite.prepare('insert or ignore into company_tags (company_id, tag_id) values (?, ?)');
  sqlite.transaction(() => {
    for (let id = 1; id <= options.companies; id++) if (faker.number.float() < 0.25) insertCompanyTag.run(id, faker.number.int({ min: 1, max: TAGS.length }));
  })();

  // Contacts: most work at a company; emails are unique.
  const contactCompany: (number | null)[] = [];
  const insertContact = sqlite.prepare(
    'insert into contacts (id, first_name, last_name, email, phone, title, company_id, owner_id, source, address, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  inBatches(options.contacts, (i) => {
    const id = i + 1;
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const companyId = options.companies > 0 && (i < options.companies || faker.number.float() < 0.9) ? (i % options.companies) + 1 : null;
    const domain = companyId ? companyDomains[companyId - 1] : pick(['gmail.example', 'outlook.example', 'proton.example']);
    const email = `${first}.${last}.${id}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
    contactCompany.push(companyId);
    const created = at(faker.number.int({ min: 20, max: 700 }));
    insertContact.run(id, first, last, email, faker.phone.number({ style: 'international' }), faker.person.jobTitle(), companyId, pick(sellerIds), pick(SOURCES), `${faker.location.city()}, ${faker.location.country()}`, created, created);
    if (faker.number.float() < 0.3) insertContactTag.run(id, faker.number.int({ min: 1, max: TAGS.length }));
  });

  // Deals, with their stage history: 60 % open, closing over the next six months (some overdue);
  // 40 % closed over the last twelve months.
  type SeedDeal = { id: number; stageId: number; status: 'open' | 'won' | 'lost'; created: number; end: number; contactId: number | null; companyId: number | null; ownerId: number };
  const seeded: SeedDeal[] = [];
  const openByStage = new Map<number, number[]>();
  const insertDeal = sqlite.prepare(
    `insert into deals (id, title, value_cents, pipeline_id, stage_id, position, status, lost_reason, expected_close_date,
      probability_override_bp, owner_id, contact_id, company_id, source, closed_at, stage_changed_at, created_at, updated_at)
     values (?, ?, ?, 1, ?, 'a0', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHistory = sqlite.prepare('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, ?, ?, ?, ?)');
  inBatches(options.deals, (i) => {
    const id = i + 1;
    const contactId = options.contacts > 0 ? faker.number.int({ min: 1, max: options.contacts }) : null;
    const companyId = contactId ? contactCompany[contactId - 1] : options.companies > 0 ? faker.number.int({ min: 1, max: options.companies }) : null;
    const ownerId = pick(sellerIds);
    const valueCents = Math.round(Math.exp(faker.number.float({ min: Math.log(800), max: Math.log(90_000) })) / 50) * 5_000;
    const title = `${companyId ? companyNames[companyId - 1] : 'New customer'} — ${pick(OFFERS)}`;
    const open = faker.number.float() < (options.openShare ?? 0.6);
    let status: SeedDeal['status'] = 'open';
    let stageIndex: number;
    let created: number;
    let end: number;
    let closeDate: string;
    if (open) {
      stageIndex = faker.helpers.weightedArrayElement([
        { weight: 4, value: 0 }, { weight: 3, value: 1 }, { weight: 2, value: 2 }, { weight: 1, value: 3 },
      ]);
      created = at(faker.number.int({ min: 3 + stageIndex * 5, max: 150 }));
      end = dayStart + 9 * 3_600_000;
      closeDate = addDays(today, faker.number.int({ min: -20, max: 182 }));
    } else {
      status = faker.number.float() < 0.55 ? 'won' : 'lost';
      const closedDaysAgo = faker.number.int({ min: 1, max: 364 });
      end = at(closedDaysAgo);
      created = end - faker.number.int({ min: 7, max: 120 }) * DAY;
      stageIndex = status === 'won' ? stageIds.length - 1 : faker.number.int({ min: 0, max: stageIds.length - 1 });
      closeDate = dateInZone(end);
    }
    // Walk the deal from the first stage to where it is now, spreading the moves over its life.
    const stepGap = (end - created) / (stageIndex + 2);
    const moves = [created];
    for (let s = 1; s <= stageIndex; s++) moves.push(Math.round(created + stepGap * s));
    const moved = moves[moves.length - 1];
    const stageId = stageIds[stageIndex];
    const override = open && faker.number.float() < 0.08 ? pick([0, 4000, 9000]) : null;
    insertDeal.run(
      id, title, valueCents, stageId, status, status === 'lost' ? pick(LOST_REASONS) : null, closeDate, override,
      ownerId, contactId, companyId, pick(SOURCES), open ? null : end, moved, created, open ? moved : end,
    );
    moves.forEach((when, s) => insertHistory.run(id, s === 0 ? null : stageIds[s - 1], stageIds[s], when, ownerId));
    seeded.push({ id, stageId, status, created, end, contactId, companyId, ownerId });
    if (open) {
      const column = openByStage.get(stageId);
      if (column) column.push(id);
      else openByStage.set(stageId, [id]);
    }
  });

  endStaysOfClosedDeals(db);

  // Board order: evenly spaced fractional keys per column.
  const setPosition = sqlite.prepare('update deals set position = ? where id = ?');
  sqlite.transaction(() => {
    for (const ids of openByStage.values()) {
      const keys = generateNKeysBetween(null, null, ids.length);
      ids.forEach((id, k) => setPosition.run(keys[k], id));
    }
  })();

  // Activities: calls, emails, meetings and notes during each deal's life, open follow-up tasks on
  // most open deals, and some standalone contact activity.
  const total = options.activities ?? options.deals * 5;
  const insertActivity = sqlite.prepare(
    `insert into activities (type, subject, body, due_date, done_at, owner_id, contact_id, company_id, deal_id, created_at, updated_at, outcome)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastActivity = new Map<number, number>();
  inBatches(total, (i) => {
    const deal = seeded.length ? seeded[i % seeded.length] : null;
    const isFollowUp = deal?.status === 'open' && i >= total - seeded.length && faker.number.float() < 0.75;
    if (isFollowUp && deal) {
      const due = addDays(today, faker.number.int({ min: -6, max: 20 }));
      insertActivity.run('task', pick(TASK_SUBJECTS), null, due, null, deal.ownerId, deal.contactId, deal.companyId, deal.id, at(faker.number.int({ min: 1, max: 10 })), dayStart, null);
      return;
    }
    const type = faker.helpers.weightedArrayElement([
      { weight: 4, value: 'call' }, { weight: 3, value: 'email' }, { weight: 2, value: 'meeting' }, { weight: 2, value: 'note' }, { weight: 1, value: 'task' },
    ] as const);
    const subject = pick({ call: CALL_SUBJECTS, email: EMAIL_SUBJECTS, meeting: MEETING_SUBJECTS, note: NOTE_SUBJECTS, task: TASK_SUBJECTS }[type]);
    const when = deal
      ? faker.number.int({ min: deal.created, max: Math.max(deal.created, deal.status === 'open' ? deal.end - faker.number.int({ min: 0, max: 40 }) * DAY : deal.end) })
      : at(faker.number.int({ min: 1, max: 300 }));
    const contactId = deal?.contactId ?? (options.contacts ? faker.number.int({ min: 1, max: options.contacts }) : null);
    insertActivity.run(
      type, subject, type === 'note' || type === 'call' ? faker.lorem.sentence() : null,
      type === 'task' ? dateInZone(when) : null, when, deal?.ownerId ?? pick(sellerIds), contactId,
      deal?.companyId ?? (contactId ? contactCompany[contactId - 1] : null), deal?.id ?? null, when, when,
      type === 'call' ? faker.helpers.weightedArrayElement([{ weight: 5, value: 'connected' }, { weight: 3, value: 'no_answer' }, { weight: 2, value: 'left_voicemail' }] as const) : null,
    );
    if (deal && when > (lastActivity.get(deal.id) ?? 0)) lastActivity.set(deal.id, when);
  });
  const setLastActivity = sqlite.prepare('update deals set last_activity_at = ? where id = ?');
  sqlite.transaction(() => {
    for (const [id, when] of lastActivity) setLastActivity.run(when, id);
  })();

  seedCatalogue(db, options.companies);
  seedQuotes(db, today, dayStart + 9 * 3_600_000);
  seedLeads(db, { faker, today: dayStart + 9 * 3_600_000, users: [2, 3, 4], count: options.leads ?? 0 });
}

/** An empty workspace with one admin and the default pipeline, for SEED_DEMO=0. */
export function seedEmptyWorkspace(db: Db, admin: { name: string; email: string; password: string }): void {
  const sqlite = db.$client;
  const existing = sqlite.prepare('select count(*) as n from users').get() as { n: number };
  if (existing.n > 0) return;
  sqlite.transaction(() => {
    sqlite.prepare(`insert or ignore into workspace (id, name) values (1, 'Keel')`).run();
    sqlite.prepare(`insert into users (name, email, password_hash, role) values (?, ?, ?, 'admin')`).run(admin.name, admin.email.trim().toLowerCase(), hashPassword(admin.password));
    const pipeline = sqlite.prepare(`insert into pipelines (name, position) values ('Sales', 0)`).run();
    const insertStage = sqlite.prepare('insert into stages (pipeline_id, position, name, probability_bp, rot_days) values (?, ?, ?, ?, ?)');
    DEFAULT_STAGES.forEach((s, i) => insertStage.run(pipeline.lastInsertRowid, i, s.name, s.probabilityBp, s.rotDays));
  })();
}

/**
 * Deals written as already closed (by the seed or a fixture) never pass through the status trigger,
 * so their last stay is ended here, at the close.
 */
export function endStaysOfClosedDeals(db: Db): void {
  db.$client
    .prepare(`update deal_stage_history set left_at = (select closed_at from deals where deals.id = deal_stage_history.deal_id and deals.status != 'open') where left_at is null`)
    .run();
}
