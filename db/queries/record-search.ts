import 'server-only';
import type { Db } from '@/db/client';
import { ftsPrefixQuery } from '@/lib/search/fts';
import { andScope, companyScope, contactScope, type Viewer } from './visibility';

export type RecordOption = { id: number; label: string; sub: string | null };

/** Up to 20 companies or contacts the viewer may see whose words start with what was typed, for pickers. */
export function searchRecords(db: Db, kind: 'company' | 'contact', q: string, viewer: Viewer): RecordOption[] {
  const match = ftsPrefixQuery(q);
  if (!match) return [];
  // The first 200 matches may all be someone else's: a scoped search filters every match instead.
  const scoped = (kind === 'company' ? companyScope : contactScope)(db, viewer) !== undefined;
  if (kind === 'company') {
    return db.$client
      .prepare(
        `select co.id, co.name as label, co.domain as sub from companies co
         where co.id in (select rowid from companies_fts where companies_fts match ? ${scoped ? '' : 'limit 200'}) ${andScope(companyScope(db, viewer, 'co'))}
         order by co.name collate nocase limit 20`,
      )
      .all(match) as RecordOption[];
  }
  return db.$client
    .prepare(
      `select c.id, trim(c.first_name || ' ' || c.last_name) as label, coalesce(co.name, c.email) as sub
       from contacts c left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co'))}
       where c.id in (select rowid from contacts_fts where contacts_fts match ? ${scoped ? '' : 'limit 200'}) ${andScope(contactScope(db, viewer, 'c'))}
       order by c.last_name collate nocase, c.first_name collate nocase limit 20`,
    )
    .all(match) as RecordOption[];
}
