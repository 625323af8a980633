import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { lostReasons } from '@/db/schema';

export function listLostReasons(db: Db, options: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(lostReasons)
    .where(options.activeOnly ? eq(lostReasons.active, true) : undefined)
    .orderBy(asc(lostReasons.position), asc(lostReasons.id))
    .all();
}
