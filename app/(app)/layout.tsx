import { Shell } from '@/components/shell/shell';
import { navFor } from '@/components/shell/nav-items';
import { getDb } from '@/db';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const ws = getWorkspace(getDb());
  return (
    <Shell user={{ name: user.name, role: user.role }} items={navFor(user.role)} workspaceName={ws.name}>
      {children}
    </Shell>
  );
}
