import 'server-only';
import type { Db } from '@/db/client';
import type { ListFilters } from '@/lib/contacts/list-filters';
import { ftsPrefixQuery } from '@/lib/search/fts';
import type { SessionUser } from './users';
import { andScope, companyScope, contactScope, dealScope } from './visibility';

export type CustomerKind = 'contact' | 'company';

/** Where each kind keeps what the lists filter on; `alias` is the table's alias in the list's FROM. */
export const CUSTOMER_TABLES = {
  contact: { alias: 'c', fts: 'contacts_fts', tags: 'contact_tags', key: 'contact_id' },
  company: { alias: 'co', fts: 'companies_fts', tags: 'company_tags', key: 'company_id' },
} as const;

/**
 * The WHERE clause of the contact or company list and its export, so that both always agree: only
 * records the actor may see (db/queries/visibility.ts), then a prefix search in the FTS5 index
 * (migration 0003), owner, tag, and "has open deals" among the deals the actor may see.
 */
export function customerWhere(db: Db, kind: CustomerKind, f: ListFilters, actor: SessionUser): { where: string; params: Record<string, unknown> } {
  const { alias: a, fts, tags, key } = CUSTOMER_TABLES[kind];
  const clauses: string[] = [];
  const scope = kind === 'contact' ? contactScope(db, actor, a) : companyScope(db, actor, a);
  if (scope) clauses.push(scope);
  const params: Record<string, unknown> = {};
  const match = ftsPrefixQuery(f.q);
  if (match) {
    clauses.push(`${a}.id in (select rowid from ${fts} where ${fts} match @match)`);
    params.match = match;
  }
  if (f.owner !== 'all') {
    clauses.push(`${a}.owner_id = @ownerId`);
    params.ownerId = f.owner === 'me' ? actor.id : f.owner;
  }
  if (f.tag) {
    clauses.push(`${a}.id in (select x.${key} from ${tags} x join tags t on t.id = x.tag_id where t.name = @tag collate nocase)`);
    params.tag = f.tag;
  }
  if (f.openDeals) clauses.push(`exists (select 1 from deals d where d.${key} = ${a}.id and d.status = 'open' ${andScope(dealScope(db, actor, 'd'))})`);
  return { where: clauses.length ? clauses.join(' and ') : '1', params };
}

/** A record's tag names joined by ';' in name order, as a column of the CSV export. */
export function tagNamesSql(kind: CustomerKind): string {
  const { alias: a, tags, key } = CUSTOMER_TABLES[kind];
  return `(select group_concat(name, ';') from (select t.name from ${tags} x join tags t on t.id = x.tag_id where x.${key} = ${a}.id order by t.name collate nocase))`;
}
