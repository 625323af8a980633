import 'server-only';
import type { Db } from '@/db/client';
import type { QuoteStatus } from '@/db/schema';
import type { ListPage } from '@/lib/list/params';
import type { QuoteFilters } from '@/lib/quotes/list-filters';
import { likePrefix } from '@/lib/search/fts';
import { orderBy, selectPage, type SortSql } from './list';
import type { SessionUser } from './users';
import { andScope, quoteScope, type Viewer } from './visibility';

export type QuoteListRow = {
  id: number;
  number: string;
  revision: number;
  title: string;
  status: QuoteStatus;
  supersededById: number | null;
  companyName: string | null;
  contactName: string | null;
  ownerName: string | null;
  totalCents: number;
  currency: string;
  validUntil: string;
  createdAt: number;
};

// "Expired" is a sent quote past its valid-until date (lib/quotes/status effectiveStatus), asked of SQL
// here so that lists can filter and show it.
const COLUMNS = `q.id, q.number, q.revision, q.title, case when q.status = 'sent' and q.valid_until < @today then 'expired' else q.status end as status,
  q.superseded_by_id as supersededById, q.total_cents as totalCents, q.currency, q.valid_until as validUntil, q.created_at as createdAt`;

const NEWEST_FIRST: SortSql = { columns: ['q.created_at'] };

/**
 * Quotes newest first. "Expired" is a sent quote past its valid-until date (see lib/quotes/status),
 * so the status filter asks the date as well as the stored status.
 */
export function listQuotes(db: Db, f: QuoteFilters, actor: SessionUser, today: string): ListPage<QuoteListRow> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { today };
  const scope = quoteScope(db, actor, 'q');
  if (scope) clauses.push(scope);
  if (f.status === 'sent') clauses.push(`q.status = 'sent' and q.valid_until >= @today`);
  else if (f.status === 'expired') clauses.push(`(q.status = 'expired' or (q.status = 'sent' and q.valid_until < @today))`);
  else if (f.status !== 'all') {
    clauses.push('q.status = @status');
    params.status = f.status;
  }
  if (f.owner !== 'all') {
    clauses.push('q.owner_id = @ownerId');
    params.ownerId = f.owner === 'me' ? actor.id : f.owner;
  }
  if (f.q) {
    clauses.push(`(q.number like @prefix escape '\\' or q.title like @contains escape '\\' or co.name like @contains escape '\\')`);
    params.prefix = likePrefix(f.q);
    params.contains = `%${likePrefix(f.q)}`;
  }
  const where = clauses.length ? clauses.join(' and ') : '1';
  const from = 'from quotes q left join companies co on co.id = q.company_id';
  return selectPage<QuoteListRow>(db, {
    count: `${from} where ${where}`,
    rows: `select ${COLUMNS}, co.name as companyName, trim(c.first_name || ' ' || c.last_name) as contactName, u.name as ownerName
           ${from} left join contacts c on c.id = q.contact_id left join users u on u.id = q.owner_id
           where ${where} order by ${orderBy(NEWEST_FIRST, 'desc', 'q.id')}`,
    params,
    page: f.page,
  });
}

/** The quotes of one deal that the viewer may see, newest first, for the deal page. */
export function listDealQuotes(db: Db, dealId: number, today: string, viewer: Viewer): QuoteListRow[] {
  return db.$client
    .prepare(
      `select ${COLUMNS}, null as companyName, null as contactName, null as ownerName
       from quotes q where q.deal_id = @dealId ${andScope(quoteScope(db, viewer, 'q'))} order by q.created_at desc, q.id desc`,
    )
    .all({ dealId, today }) as QuoteListRow[];
}
