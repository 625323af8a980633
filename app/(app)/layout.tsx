import { Shell } from '@/components/shell/shell';
import { navFor } from '@/components/shell/nav-items';
import { getDb } from '@/db';
import { countNewLeads } from '@/db/queries/leads';
import { countOverdueTasks } from '@/db/queries/tasks';
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { logoUrl } from '@/lib/workspace/logo';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const db = getDb();
  const ws = getWorkspace(db);
  const overdue = countOverdueTasks(db, user.id, workspaceToday(db).today);
  const newLeads = countNewLeads(db, user.id);
  const items = navFor(user.role).map((item) =>
    item.href === '/tasks'
      ? { ...item, badge: { count: overdue, label: `${overdue} overdue`, testId: 'overdue-badge' } }
      : item.href === '/leads'
        ? { ...item, badge: { count: newLeads, label: `${newLeads} new ${newLeads === 1 ? 'lead' : 'leads'} for you`, testId: 'new-leads-badge' } }
        : item,
  );
  return (
    <Shell user={{ name: user.name, role: user.role }} items={items} workspaceName={ws.name} logoSrc={logoUrl(ws.logoUpdatedAt)}>
      {children}
    </Shell>
  );
}
