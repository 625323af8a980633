import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { findExistingForLead, getLeadForConversion } from '@/db/queries/lead-convert';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';
import { companyDraftFrom, contactDraftFrom, dealDraftFrom, defaultChoices } from '@/lib/leads/convert';
import { formatMoney } from '@/lib/money';
import { idParam } from '@/lib/route-params';
import { ConvertForm } from './_components/convert-form';

export const metadata: Metadata = { title: 'Convert lead' };

type Props = { params: Promise<{ id: string }> };

export default async function ConvertLeadPage({ params }: Props) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  const lead = id ? getLeadForConversion(db, id, user) : null;
  if (!lead) notFound();
  const ws = getWorkspace(db);
  const back = (
    <Link href={`/leads/${lead.id}`} className={buttonClass('secondary')}>
      Back to the lead
    </Link>
  );

  if (lead.status === 'converted') {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title={`Convert ${lead.name}`} actions={back} />
        <Card className="space-y-3 p-5" data-testid="already-converted">
          <p className="text-sm text-slate-700">
            This lead was converted{lead.convertedAt ? ` on ${formatInstant(lead.convertedAt, ws.timezone)}` : ''}. A lead is converted once; its story now continues on the contact.
          </p>
          {lead.contactId ? (
            <Link href={`/contacts/${lead.contactId}`} className={buttonClass('primary')}>
              Open {lead.contactName || 'the contact'}
            </Link>
          ) : null}
        </Card>
      </div>
    );
  }
  if (lead.spam) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title={`Convert ${lead.name}`} actions={back} />
        <Alert>This lead is marked as spam. Release it from the lead&apos;s page before converting it.</Alert>
      </div>
    );
  }

  const existing = findExistingForLead(db, lead, user);
  const pipelines = listPipelinesWithStages(db).map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name })) }));
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Convert ${lead.name}`}
        description="Link the lead to what already exists or create new records. Its history moves to the contact."
        actions={back}
      />
      <ConvertForm
        lead={{ id: lead.id, version: lead.version, name: lead.name, ownerId: lead.ownerId }}
        contact={contactDraftFrom(lead)}
        company={companyDraftFrom(lead)}
        deal={dealDraftFrom(lead, pipelines)}
        choices={defaultChoices(lead, existing.contacts, existing.companies)}
        contacts={existing.contacts}
        companies={existing.companies.map((c) => ({ ...c, openDeals: c.openDeals.map((d) => ({ ...d, value: money(d.valueCents) })) }))}
        pipelines={pipelines}
        users={seesEveryone(user.role) ? listActiveUsers(db).map((u) => ({ id: u.id, name: u.name })) : null}
        currency={ws.currency}
      />
    </div>
  );
}
