import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getCompanyHeader } from '@/db/queries/companies';
import { getContactHeader } from '@/db/queries/contacts';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { isAdmin, seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { NewDealForm } from './new-deal-form';

export const metadata: Metadata = { title: 'New deal' };

const id = z.coerce.number().int().positive().nullable().catch(null);

export default async function NewDealPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const db = getDb();
  const pipelines = listPipelinesWithStages(db).filter((p) => p.stages.length > 0);
  const contactId = id.parse(sp.contact ?? null);
  const contact = contactId ? getContactHeader(db, contactId, user) : null;
  const companyId = id.parse(sp.company ?? null) ?? contact?.companyId ?? null;
  const company = companyId ? getCompanyHeader(db, companyId, user) : null;
  const wanted = id.parse(sp.pipeline ?? null);
  if (pipelines.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title="New deal" />
        <Card className="p-8 text-center text-slate-600">
          A deal needs a pipeline with stages, and there is none yet.{' '}
          {isAdmin(user.role) ? (
            <Link href="/settings/pipelines" className="font-medium text-brand-700 underline">
              Set up your pipeline
            </Link>
          ) : (
            'Ask an admin to set up the pipeline.'
          )}
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New deal" description="It starts at the top of the stage you choose on the board." />
      <NewDealForm
        pipelines={pipelines.map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp })) }))}
        initialPipelineId={pipelines.find((p) => p.id === wanted)?.id ?? pipelines[0].id}
        users={listActiveUsers(db)}
        me={user.id}
        canReassign={seesEveryone(user.role)}
        company={company ? { id: company.id, label: company.name } : null}
        contact={contact ? { id: contact.id, label: `${contact.firstName} ${contact.lastName}`.trim() } : null}
      />
    </div>
  );
}
