import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { requireRole } from '@/lib/auth/session';
import { CreateUserForm } from './_components/create-user-form';
import { UserRow } from './_components/user-row';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requireRole('admin');
  const users = listUsers(getDb());
  const activeCount = users.filter((u) => u.active).length;
  return (
    <>
      <PageHeader
        title="Users"
        description={`${activeCount} active ${activeCount === 1 ? 'user' : 'users'}. Admins manage settings and users, managers see every record and forecasts, reps work their own deals, contacts and tasks.`}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="overflow-hidden">
          <ul className="divide-y divide-slate-100" aria-label="Users">
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === me.id} />
            ))}
          </ul>
        </Card>
        <Card className="h-fit p-5">
          <h2 className="text-base font-semibold text-slate-900">Add a user</h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">They sign in with this email and the initial password you give them.</p>
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
