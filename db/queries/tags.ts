import 'server-only';
import type { Db } from '@/db/client';

export type TaggedKind = 'contact' | 'company' | 'lead';
const LINKS: Record<TaggedKind, [table: string, column: string]> = { contact: ['contact_tags', 'contact_id'], company: ['company_tags', 'company_id'], lead: ['lead_tags', 'lead_id'] };

/** Replaces a contact's, company's or lead's tags with these names, creating tags that don't exist yet. */
export function setTags(db: Db, target: { contactId: number } | { companyId: number } | { leadId: number }, names: string[]): void {
  const s = db.$client;
  const [kind, id] = 'contactId' in target ? (['contact', target.contactId] as const) : 'companyId' in target ? (['company', target.companyId] as const) : (['lead', target.leadId] as const);
  const [table, column] = LINKS[kind];
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
export function tagsFor(db: Db, kind: TaggedKind, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const [table, column] = LINKS[kind];
  const rows = db.$client
    .prepare(`select x.${column} as id, t.name from ${table} x join tags t on t.id = x.tag_id where x.${column} in (select value from json_each(?)) order by t.name`)
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.name]);
  return out;
}

/** The rows of one list page, each with its tag names. */
export function withTags<Row extends { id: number }>(db: Db, kind: TaggedKind, rows: Row[]): (Row & { tags: string[] })[] {
  const tags = tagsFor(db, kind, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
}
