import 'server-only';
import { eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workspace } from '@/db/schema';

// Everything but bookkeeping; every screen, PDF and report reads the workspace's settings from here.
const BOOKKEEPING = new Set(['id', 'updatedAt', 'updatedBy']);
type SettingKey = Exclude<keyof typeof workspace.$inferSelect, 'id' | 'updatedAt' | 'updatedBy'>;
const settingsColumns = Object.fromEntries(Object.entries(getTableColumns(workspace)).filter(([k]) => !BOOKKEEPING.has(k))) as Pick<
  ReturnType<typeof getTableColumns<typeof workspace>>,
  SettingKey
>;

export type WorkspaceSettings = Pick<typeof workspace.$inferSelect, SettingKey>;

/** The settings row; a database without one (never seeded) reads as the schema's defaults. */
export function getWorkspace(db: Db): WorkspaceSettings {
  const row = db.select(settingsColumns).from(workspace).where(eq(workspace.id, 1)).get();
  if (row) return row;
  db.insert(workspace).values({ id: 1 }).onConflictDoNothing().run();
  return db.select(settingsColumns).from(workspace).where(eq(workspace.id, 1)).get()!;
}
