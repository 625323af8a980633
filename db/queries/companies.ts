import 'server-only';
import type { Db } from '@/db/client';
import { refreshMatchKeys } from './match-keys';
import { companies } from '@/db/schema';
import { seesEveryone } from '@/lib/auth/roles';
import type { CompanyInput } from '@/lib/contacts/schemas';
import type { CustomerSort, ListFilters } from '@/lib/contacts/list-filters';
import { ownerAfterEdit } from '@/lib/contacts/owner';
import { AppError } from '@/lib/errors';
import type { ListPage } from '@/lib/list/params';
import { customerWhere, tagNamesSql } from './customer-filters';
import { orderBy, selectBatches, selectPage, type SortSql } from './list';
import { priceListExists } from './price-lists';
import { assertRefs } from './refs';
import { setTags, tagsFor, withTags } from './tags';
import type { SessionUser } from './users';
import { activityScope, andScope, canSee, companyScope, contactScope, dealScope, type Viewer } from './visibility';

/**
 * The company with this name (case-insensitive), created for the owner when there is none yet. Only
 * companies the viewer may see are found (one they may not see is as good as absent, so a new one is
 * made), except `keepId`, the company the record already points at, which a save keeps.
 */
export function findOrCreateCompanyByName(db: Db, name: string, ownerId: number, viewer: Viewer, keepId: number | null = null): { id: number; name: string } {
  const scope = companyScope(db, viewer, 'co');
  const existing = db.$client
    .prepare(
      `select co.id, co.name from companies co where lower(co.name) = lower(@name) and (co.id = @keepId ${scope ? `or ${scope}` : 'or 1'})
       order by co.id = @keepId desc, co.id limit 1`,
    )
    .get({ name, keepId }) as { id: number; name: string } | undefined;
  if (existing) return existing;
  const created = db.insert(companies).values({ name, ownerId }).returning({ id: companies.id, name: companies.name }).get();
  refreshMatchKeys(db, 'company', [created.id]);
  return created;
}

export type CompanyRow = {
  id: number;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  ownerName: string | null;
  contacts: number;
  openDeals: number;
  createdAt: number;
  tags: string[];
};

// A company's "company" order is its own name.
const SORTS: Record<CustomerSort, SortSql> = {
  name: { columns: ['co.name collate nocase'] },
  created: { columns: ['co.created_at'] },
  company: { columns: ['co.name collate nocase'] },
};

const FROM = 'from companies co left join users u on u.id = co.owner_id';

export function listCompanies(db: Db, f: ListFilters, actor: SessionUser): ListPage<CompanyRow> {
  const { where, params } = customerWhere(db, 'company', f, actor);
  const page = selectPage<Omit<CompanyRow, 'tags'>>(db, {
    count: `from companies co where ${where}`,
    // Contacts and open deals counted are those the viewer may see.
    rows: `select co.id, co.name, co.domain, co.industry, co.size, u.name as ownerName, co.created_at as createdAt,
             (select count(*) from contacts c where c.company_id = co.id ${andScope(contactScope(db, actor, 'c'))}) as contacts,
             (select count(*) from deals d where d.company_id = co.id and d.status = 'open' ${andScope(dealScope(db, actor, 'd'))}) as openDeals
           ${FROM} where ${where} order by ${orderBy(SORTS[f.sort], f.dir, 'co.id')}`,
    params,
    page: f.page,
  });
  return { ...page, rows: withTags(db, 'company', page.rows) };
}

export type CompanyExportRow = {
  id: number;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  owner: string | null;
  createdAt: number;
  tags: string | null;
};

/** Every company under the filters, in batches, for the CSV export. */
export function iterateCompanies(db: Db, f: ListFilters, actor: SessionUser, batch = 1000) {
  const { where, params } = customerWhere(db, 'company', f, actor);
  return selectBatches<CompanyExportRow>(
    db,
    `select co.id, co.name, co.domain, co.industry, co.size, co.address, u.name as owner, co.created_at as createdAt, ${tagNamesSql('company')} as tags
     ${FROM} where ${where} and co.id > @afterId order by co.id limit @batch`,
    params,
    batch,
  );
}

/**
 * The price list a change leaves the company on. Prices are a manager's call: a rep's create gets the
 * catalogue and a rep's edit keeps the current list, whatever the form sent.
 */
function priceListFor(db: Db, input: CompanyInput, actor: SessionUser, current: number | null): number | null {
  if (!seesEveryone(actor.role) || input.priceListId === undefined) return current;
  if (input.priceListId !== null && !priceListExists(db, input.priceListId)) {
    throw new AppError('This price list no longer exists.', { priceListId: 'This price list no longer exists. Reload and pick another.' });
  }
  return input.priceListId;
}

function companyValues(input: CompanyInput, ownerId: number) {
  return {
    name: input.name,
    domain: input.domain ?? null,
    industry: input.industry ?? null,
    size: input.size ?? null,
    address: input.address ?? null,
    owner_id: ownerId,
  };
}

export function createCompany(db: Db, input: CompanyInput, actor: SessionUser): { id: number } {
  return db.transaction(() => {
    assertRefs(db, { ownerId: input.ownerId ?? actor.id });
    const now = Date.now();
    const { lastInsertRowid } = db.$client
      .prepare(
        `insert into companies (name, domain, industry, size, address, owner_id, price_list_id, created_at, updated_at)
         values (@name, @domain, @industry, @size, @address, @owner_id, @price_list_id, @now, @now)`,
      )
      .run({ ...companyValues(input, input.ownerId ?? actor.id), price_list_id: priceListFor(db, input, actor, null), now });
    const id = Number(lastInsertRowid);
    setTags(db, { companyId: id }, input.tags);
    refreshMatchKeys(db, 'company', [id]);
    return { id };
  });
}

export function updateCompany(db: Db, id: number, input: CompanyInput, actor: SessionUser): void {
  db.transaction(() => {
    const current = db.$client.prepare('select owner_id as ownerId, price_list_id as priceListId from companies where id = ?').get(id) as
      | { ownerId: number | null; priceListId: number | null }
      | undefined;
    if (!current || !canSee(db, actor, 'company', id)) throw new AppError('This company no longer exists.');
    const ownerId = ownerAfterEdit('company', current.ownerId, input.ownerId, actor);
    assertRefs(db, { ownerId: ownerId !== current.ownerId ? ownerId : null });
    db.$client
      .prepare(
        `update companies set name = @name, domain = @domain, industry = @industry, size = @size, address = @address,
           owner_id = @owner_id, price_list_id = @price_list_id, updated_at = @now where id = @id`,
      )
      .run({ ...companyValues(input, ownerId), price_list_id: priceListFor(db, input, actor, current.priceListId), now: Date.now(), id });
    setTags(db, { companyId: id }, input.tags);
    refreshMatchKeys(db, 'company', [id]);
  });
}

export type CompanyHeader = {
  id: number;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  ownerId: number | null;
  ownerName: string | null;
  priceListId: number | null;
  priceListName: string | null;
  contacts: number;
  wonCents: number;
  openCents: number;
  lastContactedAt: number | null;
  nextTaskSubject: string | null;
  nextTaskDue: string | null;
  tags: string[];
};

/**
 * A company's facts, rolled up over all its contacts and deals — those the viewer may see; null for a
 * company that does not exist or that the viewer may not see.
 */
export function getCompanyHeader(db: Db, id: number, viewer?: Viewer): CompanyHeader | null {
  const deal = andScope(dealScope(db, viewer, 'd'));
  const contact = andScope(contactScope(db, viewer, 'c'));
  const activity = andScope(activityScope(db, viewer, 'a'));
  const row = db.$client
    .prepare(
      `select co.id, co.name, co.domain, co.industry, co.size, co.address, co.owner_id as ownerId, u.name as ownerName,
              co.price_list_id as priceListId, pl.name as priceListName,
              (select count(*) from contacts c where c.company_id = co.id ${contact}) as contacts,
              (select coalesce(sum(d.value_cents), 0) from deals d where d.company_id = co.id and d.status = 'won' ${deal}) as wonCents,
              (select coalesce(sum(d.value_cents), 0) from deals d where d.company_id = co.id and d.status = 'open' ${deal}) as openCents,
              (select max(done_at) from activities a where a.type != 'task' and a.done_at is not null
                 and (a.company_id = co.id or a.contact_id in (select id from contacts where company_id = co.id)) ${activity}) as lastContactedAt,
              t.subject as nextTaskSubject, t.due_date as nextTaskDue
       from companies co
       left join users u on u.id = co.owner_id
       left join price_lists pl on pl.id = co.price_list_id
       left join activities t on t.id = (select a.id from activities a where a.company_id = co.id and a.type = 'task' and a.done_at is null ${activity}
                                         order by a.due_date is null, a.due_date, a.id limit 1)
       where co.id = ? ${andScope(companyScope(db, viewer, 'co', { one: true }))}`,
    )
    .get(id) as Omit<CompanyHeader, 'tags'> | undefined;
  if (!row) return null;
  return { ...row, tags: tagsFor(db, 'company', [id]).get(id) ?? [] };
}

/** The company's people the viewer may see. */
export function listCompanyContacts(db: Db, companyId: number, viewer?: Viewer) {
  return db.$client
    .prepare(
      `select c.id, trim(c.first_name || ' ' || c.last_name) as name, c.title, c.email, c.phone from contacts c where c.company_id = ? ${andScope(contactScope(db, viewer, 'c'))}
       order by c.last_name collate nocase, c.first_name collate nocase limit 200`,
    )
    .all(companyId) as { id: number; name: string; title: string | null; email: string | null; phone: string | null }[];
}
