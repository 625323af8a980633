import 'server-only';
import type { Db } from '@/db/client';

/** Replaces a contact's or company's tags with these names, creating tags that don't exist yet. */
export function setTags(db: Db, target: { contactId: number } | { companyId: number }, names: string[]): void {
  const s = db.$client;
  const [table, column, id] = 'contactId' in target ? ['contact_tags', 'contact_id', target.contactId] : ['company_tags', 'company_id', target.companyId];
  s.prepare(`delete from ${table} where ${column} = ?`).run(id);
  const upsert = s.prepare('insert into tags (name) values (?) on conflict(name) do nothing');
  const find = s.prepare('select id from tags where name = ? collate nocase order by id limit 1');
  const link = s.prepare(`insert or ignore into ${table} (${column}, tag_id) values (?, ?)`);
  for (const name of names) {
    const existing = find.get(name) as { id: number } | undefined;
    if (!existing) upsert.run(name);
    const tag = existing ?? (find.get(name) as { id: number });
    link.run(id, tag.id);
  }
}

export function listTagNames(db: Db): string[] {
  return (db.$client.prepare('select name from tags order by name collate nocase').all() as { name: string }[]).map((t) => t.name);
}

/** Tag names per record, for the rows of one list page. */
export function tagsFor(db: Db, kind: 'contact' | 'company', ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const [table, column] = kind === 'contact' ? ['contact_tags', 'contact_id'] : ['company_tags', 'company_id'];
  const rows = db.$client
    .prepare(`select x.${column} as id, t.name from ${table} x join tags t on t.id = x.tag_id where x.${column} in (select value from json_each(?)) order by t.name`)
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.name]);
  return out;
}

/** The rows of one list page, each with its tag names. */
export function withTags<Row extends { id: number }>(db: Db, kind: 'contact' | 'company', rows: Row[]): (Row & { tags: string[] })[] {
  const tags = tagsFor(db, kind, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
}
