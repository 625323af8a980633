import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { activityInstant, type LogActivityInput } from '@/lib/timeline/log-schema';
import { leadActivityLogged } from './leads';
import { assertRefs } from './refs';
import type { SessionUser } from './users';
import { canSee } from './visibility';
import { getWorkspace } from './workspace';

/**
 * Logs what happened (and, optionally, the next step as a task) in one transaction. Links are
 * completed from what is known: a deal brings its contact and company, a contact its company. A
 * logged activity on a deal counts as a touch, so the deal stops rotting; one on a lead is its first
 * contact (when it is a call, email or meeting) and counts towards its score.
 */
export function logActivity(db: Db, input: LogActivityInput, actor: SessionUser, now: number, today: string): { activityId: number; taskId: number | null } {
  const s = db.$client;
  return db.transaction(() => {
    // A deal, contact or company the actor may not see cannot be logged against: it reads as missing.
    assertRefs(db, { dealId: input.dealId, contactId: input.contactId, companyId: input.companyId, leadId: input.leadId }, actor);
    let { contactId, companyId } = input;
    if (input.dealId) {
      const deal = s.prepare('select contact_id as contactId, company_id as companyId from deals where id = ?').get(input.dealId) as { contactId: number | null; companyId: number | null } | undefined;
      if (!deal) throw new AppError('That deal no longer exists.');
      contactId ??= deal.contactId;
      companyId ??= deal.companyId;
    }
    if (contactId) {
      const contact = s.prepare('select company_id as companyId from contacts where id = ?').get(contactId) as { companyId: number | null } | undefined;
      if (!contact) throw new AppError('That contact no longer exists.');
      companyId ??= contact.companyId;
    }
    if (companyId && !s.prepare('select 1 from companies where id = ?').get(companyId)) throw new AppError('That company no longer exists.');
    const at = activityInstant(input.date, now, today, getWorkspace(db).timezone);
    const insert = s.prepare(
      `insert into activities (type, subject, body, due_date, done_at, outcome, owner_id, contact_id, company_id, deal_id, lead_id, created_at, updated_at)
       values (@type, @subject, @body, @dueDate, @doneAt, @outcome, @ownerId, @contactId, @companyId, @dealId, @leadId, @createdAt, @createdAt)`,
    );
    const links = { ownerId: actor.id, contactId, companyId, dealId: input.dealId, leadId: input.leadId ?? null };
    const activityId = Number(
      insert.run({ ...links, type: input.type, subject: input.subject, body: input.body ?? null, dueDate: null, doneAt: at, outcome: input.type === 'call' ? (input.outcome ?? null) : null, createdAt: at }).lastInsertRowid,
    );
    let taskId: number | null = null;
    if (input.followUp && input.followUpSubject && input.followUpDue) {
      taskId = Number(insert.run({ ...links, type: 'task', subject: input.followUpSubject, body: null, dueDate: input.followUpDue, doneAt: null, outcome: null, createdAt: now }).lastInsertRowid);
    }
    if (input.dealId) s.prepare('update deals set last_activity_at = max(coalesce(last_activity_at, 0), ?) where id = ?').run(at, input.dealId);
    if (input.leadId) leadActivityLogged(db, input.leadId, input.type, actor, at);
    return { activityId, taskId };
  });
}

function ownActivity(db: Db, activityId: number, actor: SessionUser) {
  const row = db.$client.prepare('select owner_id as ownerId from activities where id = ?').get(activityId) as { ownerId: number | null } | undefined;
  if (!row || !canSee(db, actor, 'activity', activityId)) throw new AppError('This entry no longer exists.');
  if (row.ownerId !== actor.id) throw new AppError('You can only change your own entries.');
}

export function editActivity(db: Db, input: { activityId: number; subject: string; body?: string | null }, actor: SessionUser): void {
  db.transaction(() => {
    ownActivity(db, input.activityId, actor);
    db.$client.prepare('update activities set subject = ?, body = ?, updated_at = ? where id = ?').run(input.subject, input.body ?? null, Date.now(), input.activityId);
  });
}

export function deleteActivity(db: Db, activityId: number, actor: SessionUser): void {
  db.transaction(() => {
    ownActivity(db, activityId, actor);
    db.$client.prepare('delete from activities where id = ?').run(activityId);
  });
}
