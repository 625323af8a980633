import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workspace } from '@/db/schema';

export type WorkspaceSettings = { name: string; currency: string; fiscalYearStartMonth: number; timezone: string };

export function getWorkspace(db: Db): WorkspaceSettings {
  const row = db.select().from(workspace).where(eq(workspace.id, 1)).get();
  return row ?? { name: 'Keel', currency: 'USD', fiscalYearStartMonth: 1, timezone: 'UTC' };
}
