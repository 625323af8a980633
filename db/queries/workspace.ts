import 'server-only';
import { desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { deals, quotes, users, workspace, workspaceEvents, workspaceLogo } from '@/db/schema';
import { dateInZone } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { currencyChangeProblem, settingChanges, type SettingChange, type SettingField } from '@/lib/workspace/changes';
import { LOGO_EMPTY, LOGO_WRONG_TYPE, sniffLogoType } from '@/lib/workspace/logo';
import { LOGO_MAX_BYTES, LOGO_TOO_BIG, type WorkspaceSettingsFields } from '@/lib/workspace/schemas';
import type { SessionUser } from './users';

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

/** Today in the workspace time zone: what "overdue" and "today" are judged against. */
export function workspaceToday(db: Db, now: number = Date.now()): { today: string; timeZone: string } {
  const { timezone } = getWorkspace(db);
  return { today: dateInZone(now, timezone), timeZone: timezone };
}

/** When the settings were last saved: the version the settings form sends back with a save. */
export function getWorkspaceVersion(db: Db): number {
  getWorkspace(db);
  return db.select({ updatedAt: workspace.updatedAt }).from(workspace).where(eq(workspace.id, 1)).get()!.updatedAt;
}

/** What holds amounts in the current currency: every quote in it, and every deal with a value. */
export function currencyInUse(db: Db, currency: string): { quotes: number; deals: number } {
  const q = db.select({ n: sql<number>`count(*)` }).from(quotes).where(eq(quotes.currency, currency)).get()!.n;
  const d = db.select({ n: sql<number>`count(*)` }).from(deals).where(ne(deals.valueCents, 0)).get()!.n;
  return { quotes: q, deals: d };
}

const STALE = 'Someone else saved the settings since you opened this page. Reload it to see their changes; what you typed is still in the form.';

/** The bytes' real type, or the reason they are refused (said beside the Logo field). */
function checkedLogo(bytes: Uint8Array) {
  const refuse = (message: string) => new AppError(message, { logo: message });
  if (bytes.byteLength === 0) throw refuse(LOGO_EMPTY);
  if (bytes.byteLength > LOGO_MAX_BYTES) throw refuse(LOGO_TOO_BIG);
  const type = sniffLogoType(bytes);
  if (!type) throw refuse(LOGO_WRONG_TYPE);
  return type;
}

function logEvents(db: Db, changes: SettingChange[], actor: SessionUser, now: number) {
  if (changes.length) db.insert(workspaceEvents).values(changes.map((c) => ({ ...c, at: now, userId: actor.id }))).run();
}

/**
 * Saves the settings form, and the logo when one came with it, as one change: refused whole when the
 * settings were saved by someone else meanwhile (`version`), when the currency would change while
 * amounts exist in the old one, or when the logo is not a PNG, JPEG or SVG of at most 1 MB. Each
 * setting that changed leaves a history row. Answers how many settings changed.
 */
export function updateWorkspace(
  db: Db,
  input: { version: number; settings: WorkspaceSettingsFields; logo?: Uint8Array },
  actor: SessionUser,
  now = Date.now(),
): { changed: number } {
  const logoType = input.logo ? checkedLogo(input.logo) : null;
  return db.transaction(() => {
    const before = getWorkspace(db);
    if (getWorkspaceVersion(db) !== input.version) throw new AppError(STALE);
    if (input.settings.currency !== before.currency) {
      const problem = currencyChangeProblem(before.currency, currencyInUse(db, before.currency));
      if (problem) throw new AppError(problem, { currency: problem });
    }
    const changes = settingChanges(before, input.settings);
    if (input.logo && logoType) {
      const fromType = currentLogoType(db, before);
      db.insert(workspaceLogo)
        .values({ id: 1, mimeType: logoType, data: Buffer.from(input.logo), updatedAt: now })
        .onConflictDoUpdate({ target: workspaceLogo.id, set: { mimeType: logoType, data: Buffer.from(input.logo), updatedAt: now } })
        .run();
      changes.push({ field: 'logo', fromValue: fromType, toValue: logoType });
    }
    if (changes.length === 0) return { changed: 0 };
    db.update(workspace)
      .set({ ...input.settings, ...(logoType ? { logoUpdatedAt: now } : {}), updatedAt: now, updatedBy: actor.id })
      .where(eq(workspace.id, 1))
      .run();
    logEvents(db, changes, actor, now);
    return { changed: changes.length };
  });
}

function currentLogoType(db: Db, ws: WorkspaceSettings): string | null {
  if (ws.logoUpdatedAt === null) return null;
  return db.select({ mimeType: workspaceLogo.mimeType }).from(workspaceLogo).where(eq(workspaceLogo.id, 1)).get()?.mimeType ?? null;
}

/** Back to the Keel mark and the company's name; nothing happens when there is no logo. */
export function removeWorkspaceLogo(db: Db, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const before = getWorkspace(db);
    const type = currentLogoType(db, before);
    if (type === null) return;
    db.delete(workspaceLogo).where(eq(workspaceLogo.id, 1)).run();
    db.update(workspace).set({ logoUpdatedAt: null, updatedAt: now, updatedBy: actor.id }).where(eq(workspace.id, 1)).run();
    logEvents(db, [{ field: 'logo', fromValue: type, toValue: null }], actor, now);
  });
}

export type WorkspaceLogo = { mimeType: string; data: Buffer; version: number };

/** The stored logo, read only where it is drawn (the logo route, PDFs): the settings never load it. */
export function getWorkspaceLogo(db: Db): WorkspaceLogo | null {
  const ws = getWorkspace(db);
  if (ws.logoUpdatedAt === null) return null;
  const row = db.select({ mimeType: workspaceLogo.mimeType, data: workspaceLogo.data }).from(workspaceLogo).where(eq(workspaceLogo.id, 1)).get();
  return row ? { ...row, version: ws.logoUpdatedAt } : null;
}

export type WorkspaceEventRow = SettingChange & { id: number; at: number; userName: string | null };

/** The latest changes to the settings, newest first. */
export function listWorkspaceEvents(db: Db, limit = 20): WorkspaceEventRow[] {
  return db
    .select({ id: workspaceEvents.id, field: workspaceEvents.field, fromValue: workspaceEvents.fromValue, toValue: workspaceEvents.toValue, at: workspaceEvents.at, userName: users.name })
    .from(workspaceEvents)
    .leftJoin(users, eq(users.id, workspaceEvents.userId))
    .orderBy(desc(workspaceEvents.at), desc(workspaceEvents.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, field: r.field as SettingField }));
}
