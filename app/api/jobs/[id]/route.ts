import { getDb } from '@/db';
import { getJob } from '@/db/queries/jobs';
import { isAdmin } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';
import { toJobSnapshot } from '@/lib/jobs/snapshot';

export const dynamic = 'force-dynamic';

// Every answer changes from one second to the next, and each belongs to one user: never cached.
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * One job's state and progress, polled by components/jobs/job-progress.tsx while the job runs in the
 * worker, a process no page can stream from. Admins see every job; anyone else only the jobs they
 * started. Signed out, a malformed id, a job that does not exist and someone else's job all get the
 * same bare 404, so the answer never tells which jobs exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const notFound = () => new Response(null, { status: 404, headers: NO_STORE });
  const user = await getSessionUser();
  if (!user) return notFound();
  const id = idParam((await params).id);
  const job = id ? getJob(getDb(), id) : null;
  if (!job || !(isAdmin(user.role) || job.createdBy === user.id)) return notFound();
  return Response.json(toJobSnapshot(job), { headers: NO_STORE });
}
