import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { companies } from '@/db/schema';

/** The company with this name (case-insensitive), created for the owner when there is none yet. */
export function findOrCreateCompanyByName(db: Db, name: string, ownerId: number): { id: number; name: string } {
  const existing = db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(sql`lower(${companies.name}) = lower(${name})`)
    .limit(1)
    .get();
  if (existing) return existing;
  return db.insert(companies).values({ name, ownerId }).returning({ id: companies.id, name: companies.name }).get();
}
