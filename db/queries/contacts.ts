import 'server-only';
import type { Db } from '@/db/client';
import { refreshMatchKeys } from './match-keys';
import type { ContactInput } from '@/lib/contacts/schemas';
import type { CustomerSort, ListFilters } from '@/lib/contacts/list-filters';
import { ownerAfterEdit } from '@/lib/contacts/owner';
import { AppError } from '@/lib/errors';
import type { ListPage } from '@/lib/list/params';
import { customerWhere, tagNamesSql } from './customer-filters';
import { orderBy, selectBatches, selectPage, type SortSql } from './list';
import { assertRefs } from './refs';
import { setTags, tagsFor, withTags } from './tags';
import type { SessionUser } from './users';
import { activityScope, andScope, canSee, companyScope, contactScope, dealScope, type Viewer } from './visibility';

export type ContactRow = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  companyId: number | null;
  companyName: string | null;
  ownerName: string | null;
  openDeals: number;
  createdAt: number;
  tags: string[];
};

const SORTS: Record<CustomerSort, SortSql> = {
  name: { columns: ['c.last_name collate nocase', 'c.first_name collate nocase'] },
  created: { columns: ['c.created_at'] },
  company: { columns: ['co.name collate nocase', 'c.last_name collate nocase'] },
};

// The company is named only when the viewer may see it (companyScope on alias co), here and wherever
// a contact shows its company.
const from = (db: Db, viewer: Viewer) =>
  `from contacts c left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co'))} left join users u on u.id = c.owner_id`;

export function listContacts(db: Db, f: ListFilters, actor: SessionUser): ListPage<ContactRow> {
  const { where, params } = customerWhere(db, 'contact', f, actor);
  const page = selectPage<Omit<ContactRow, 'tags'>>(db, {
    count: `from contacts c where ${where}`,
    // Open deals counted are those the viewer may see.
    rows: `select c.id, trim(c.first_name || ' ' || c.last_name) as name, c.email, c.phone, c.title,
             co.id as companyId, co.name as companyName, u.name as ownerName, c.created_at as createdAt,
             (select count(*) from deals d where d.contact_id = c.id and d.status = 'open' ${andScope(dealScope(db, actor, 'd'))}) as openDeals
           ${from(db, actor)} where ${where} order by ${orderBy(SORTS[f.sort], f.dir, 'c.id')}`,
    params,
    page: f.page,
  });
  return { ...page, rows: withTags(db, 'contact', page.rows) };
}

export type ContactExportRow = {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  otherEmails: string | null;
  otherPhones: string | null;
  title: string | null;
  company: string | null;
  owner: string | null;
  source: string | null;
  address: string | null;
  createdAt: number;
  tags: string | null;
};

/** Every contact under the filters, in batches, for the CSV export. */
export function iterateContacts(db: Db, f: ListFilters, actor: SessionUser, batch = 1000) {
  const { where, params } = customerWhere(db, 'contact', f, actor);
  return selectBatches<ContactExportRow>(
    db,
    `select c.id, c.first_name as firstName, c.last_name as lastName, c.email, c.phone, c.other_emails as otherEmails, c.other_phones as otherPhones,
            c.title, co.name as company, u.name as owner,
            c.source, c.address, c.created_at as createdAt, ${tagNamesSql('contact')} as tags
     ${from(db, actor)} where ${where} and c.id > @afterId order by c.id limit @batch`,
    params,
    batch,
  );
}

function assertEmailFree(db: Db, email: string | null | undefined, exceptId: number | null, viewer: Viewer) {
  if (!email) return;
  const other = db.$client
    .prepare(`select id, trim(first_name || ' ' || last_name) as name from contacts where email = ? and id != ? limit 1`)
    .get(email, exceptId ?? 0) as { id: number; name: string } | undefined;
  // A contact the viewer may not see is not named (emails stay unique across the workspace).
  if (other && !canSee(db, viewer, 'contact', other.id)) throw new AppError('Another contact already has this email.', { email: 'Another contact already has this email.' });
  if (other) {
    const message = `${other.name} already has this email.`;
    throw new AppError(message, { email: message }, { duplicateContactId: other.id, duplicateContactName: other.name });
  }
}

const otherLines = (values: string[] | undefined, primary: string | null | undefined) => (values ?? []).filter((v) => v !== primary).join('\n') || null;

function contactValues(input: ContactInput, ownerId: number) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    // One a line; the primary address or number is not repeated among the others. Left out of the
    // input, an update keeps what is stored (keep_* = 1).
    other_emails: otherLines(input.otherEmails, input.email),
    other_phones: otherLines(input.otherPhones, input.phone),
    keep_other_emails: input.otherEmails === undefined ? 1 : 0,
    keep_other_phones: input.otherPhones === undefined ? 1 : 0,
    title: input.title ?? null,
    company_id: input.companyId,
    owner_id: ownerId,
    source: input.source ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
  };
}

export function createContact(db: Db, input: ContactInput, actor: SessionUser): { id: number } {
  return db.transaction(() => {
    assertRefs(db, { ownerId: input.ownerId ?? actor.id, companyId: input.companyId });
    assertEmailFree(db, input.email, null, actor);
    const v = contactValues(input, input.ownerId ?? actor.id);
    const now = Date.now();
    const { lastInsertRowid } = db.$client
      .prepare(
        `insert into contacts (first_name, last_name, email, phone, other_emails, other_phones, title, company_id, owner_id, source, address, notes, created_at, updated_at)
         values (@first_name, @last_name, @email, @phone, @other_emails, @other_phones, @title, @company_id, @owner_id, @source, @address, @notes, @now, @now)`,
      )
      .run({ ...v, now });
    const id = Number(lastInsertRowid);
    setTags(db, { contactId: id }, input.tags);
    refreshMatchKeys(db, 'contact', [id]);
    return { id };
  });
}

export function updateContact(db: Db, id: number, input: ContactInput, actor: SessionUser): void {
  db.transaction(() => {
    const current = db.$client.prepare('select owner_id as ownerId from contacts where id = ?').get(id) as { ownerId: number | null } | undefined;
    if (!current || !canSee(db, actor, 'contact', id)) throw new AppError('This contact no longer exists.');
    const ownerId = ownerAfterEdit('contact', current.ownerId, input.ownerId, actor);
    assertRefs(db, { ownerId: ownerId !== current.ownerId ? ownerId : null, companyId: input.companyId });
    assertEmailFree(db, input.email, id, actor);
    db.$client
      .prepare(
        `update contacts set first_name = @first_name, last_name = @last_name, email = @email, phone = @phone,
           other_emails = iif(@keep_other_emails, other_emails, @other_emails), other_phones = iif(@keep_other_phones, other_phones, @other_phones), title = @title,
           company_id = @company_id, owner_id = @owner_id, source = @source, address = @address, notes = @notes, updated_at = @now
         where id = @id`,
      )
      .run({ ...contactValues(input, ownerId), now: Date.now(), id });
    setTags(db, { contactId: id }, input.tags);
    refreshMatchKeys(db, 'contact', [id]);
  });
}

export type ContactHeader = {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** One a line, or null. */
  otherEmails: string | null;
  otherPhones: string | null;
  title: string | null;
  address: string | null;
  source: string | null;
  notes: string | null;
  companyId: number | null;
  companyName: string | null;
  ownerId: number | null;
  ownerName: string | null;
  wonCents: number;
  openCents: number;
  lastContactedAt: number | null;
  nextTaskId: number | null;
  nextTaskSubject: string | null;
  nextTaskDue: string | null;
  tags: string[];
};

/**
 * What a rep needs before a call, in one query: figures from the deals and activities the viewer may
 * see; null for a contact that does not exist or that the viewer may not see.
 */
export function getContactHeader(db: Db, id: number, viewer?: Viewer): ContactHeader | null {
  const deal = andScope(dealScope(db, viewer, 'd'));
  const activity = andScope(activityScope(db, viewer, 'a'));
  const row = db.$client
    .prepare(
      `select c.id, c.first_name as firstName, c.last_name as lastName, c.email, c.phone, c.other_emails as otherEmails, c.other_phones as otherPhones,
              c.title, c.address, c.source, c.notes,
              co.id as companyId, co.name as companyName, c.owner_id as ownerId, u.name as ownerName,
              (select coalesce(sum(d.value_cents), 0) from deals d where d.contact_id = c.id and d.status = 'won' ${deal}) as wonCents,
              (select coalesce(sum(d.value_cents), 0) from deals d where d.contact_id = c.id and d.status = 'open' ${deal}) as openCents,
              (select max(a.done_at) from activities a where a.contact_id = c.id and a.type != 'task' and a.done_at is not null ${activity}) as lastContactedAt,
              t.id as nextTaskId, t.subject as nextTaskSubject, t.due_date as nextTaskDue
       from contacts c
       left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co', { one: true }))}
       left join users u on u.id = c.owner_id
       left join activities t on t.id = (select a.id from activities a where a.contact_id = c.id and a.type = 'task' and a.done_at is null ${activity}
                                         order by a.due_date is null, a.due_date, a.id limit 1)
       where c.id = ? ${andScope(contactScope(db, viewer, 'c', { one: true }))}`,
    )
    .get(id) as Omit<ContactHeader, 'tags'> | undefined;
  if (!row) return null;
  return { ...row, tags: tagsFor(db, 'contact', [id]).get(id) ?? [] };
}

export type RelatedDeal = { id: number; title: string; valueCents: number; status: string; stageName: string; expectedCloseDate: string | null; closedAt: number | null };

/** The deals of a contact or company that the viewer may see. */
export function listDealsFor(db: Db, scope: { contactId: number } | { companyId: number }, viewer?: Viewer): RelatedDeal[] {
  const [column, id] = 'contactId' in scope ? ['contact_id', scope.contactId] : ['company_id', scope.companyId];
  return db.$client
    .prepare(
      `select d.id, d.title, d.value_cents as valueCents, d.status, s.name as stageName, d.expected_close_date as expectedCloseDate, d.closed_at as closedAt
       from deals d join stages s on s.id = d.stage_id where d.${column} = ? ${andScope(dealScope(db, viewer, 'd'))}
       order by d.status != 'open', coalesce(d.closed_at, 0) desc, d.expected_close_date limit 100`,
    )
    .all(id) as RelatedDeal[];
}

export type OpenTask = { id: number; subject: string; dueDate: string | null; ownerName: string | null };

/** The open tasks on a contact or company that the viewer may see. */
export function listOpenTasksFor(db: Db, scope: { contactId: number } | { companyId: number }, viewer?: Viewer): OpenTask[] {
  const [column, id] = 'contactId' in scope ? ['contact_id', scope.contactId] : ['company_id', scope.companyId];
  return db.$client
    .prepare(
      `select a.id, a.subject, a.due_date as dueDate, u.name as ownerName from activities a left join users u on u.id = a.owner_id
       where a.${column} = ? and a.type = 'task' and a.done_at is null ${andScope(activityScope(db, viewer, 'a'))} order by a.due_date is null, a.due_date limit 50`,
    )
    .all(id) as OpenTask[];
}

/**
 * The company a contact points at now (null when none or no such contact), so a save can keep it: the
 * form shows no company the user may not see, and saving it blank must not unlink that one.
 */
export function contactCompanyId(db: Db, id: number): number | null {
  const row = db.$client.prepare('select company_id as companyId from contacts where id = ?').get(id) as { companyId: number | null } | undefined;
  return row?.companyId ?? null;
}
