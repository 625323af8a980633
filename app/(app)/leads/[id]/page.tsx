import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LogActivityForm } from '@/components/activity/log-activity-form';
import { ContactOtherChannels } from '@/components/records/contact-other-channels';
import { RecordHeader } from '@/components/records/record-header';
import { RelatedTasks } from '@/components/records/related';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Fact } from '@/components/ui/fact';
import { getDb } from '@/db';
import { leadLikelihood } from '@/db/queries/lead-likelihood';
import { getLead, leadTimeline, listDisqualifyReasons, listLeadTasks } from '@/db/queries/leads';
import { listUserNames } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { formatInstant, todayIso } from '@/lib/dates';
import { describeLeadEvent, submissionLines } from '@/lib/leads/timeline';
import { idParam } from '@/lib/route-params';
import { LeadScore, LeadStatusBadge } from '../_components/lead-badges';
import { LeadStatusForm } from '../_components/lead-status-form';

export const metadata: Metadata = { title: 'Lead' };

const ACTIVITY_WORDS: Record<string, string> = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note', task: 'Task' };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  const lead = id ? getLead(db, id, user) : null;
  if (!lead) notFound();
  const ws = getWorkspace(db);
  const today = todayIso(ws.timezone);
  const names = listUserNames(db);
  const userName = (uid: number) => names.get(uid) ?? 'someone';
  const entries = leadTimeline(db, lead.id);
  const converted = lead.status === 'converted';
  // Learned from the workspace's own closed converted leads; hidden until there are enough of them.
  const likelihood = converted ? null : leadLikelihood(db, lead.id);

  return (
    <div className="space-y-6">
      <RecordHeader
        testId="lead-header"
        title={lead.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <LeadStatusBadge status={lead.status} />
            {lead.spam ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">Spam: {lead.spamReason}</span> : null}
            <span>{[lead.title, lead.companyName].filter(Boolean).join(' at ')}</span>
          </span>
        }
        tags={lead.tags}
        actions={
          <div className="flex shrink-0 flex-wrap gap-2">
            {lead.phone ? (
              <a href={`tel:${lead.phone}`} className={buttonClass('secondary')}>
                Call
              </a>
            ) : null}
            <Link href={`/leads/${lead.id}/edit`} className={buttonClass('secondary')}>
              Edit
            </Link>
            {converted ? null : (
              <Link href={`/leads/${lead.id}/convert`} className={buttonClass()}>
                Convert
              </Link>
            )}
          </div>
        }
      >
        <Fact label="Score">
          <span data-testid="lead-score" data-score={lead.score}>
            <LeadScore score={lead.score} hot={ws.leadHotThreshold} />
          </span>
          <span className="ml-1 text-xs text-slate-500">
            fit {lead.fitPoints}, engagement {lead.engagementPoints}
          </span>
        </Fact>
        {likelihood ? (
          <Fact label="Likely to win">
            <span data-testid="lead-likelihood" className="tabular-nums">
              {Math.round(likelihood.probability * 100)} %
            </span>
            <span className="ml-1 text-xs text-slate-500">based on {likelihood.basedOn} past leads</span>
          </Fact>
        ) : null}
        <Fact label="Email">{lead.email ? <a className="text-brand-700 hover:underline" href={`mailto:${lead.email}`}>{lead.email}</a> : '—'}</Fact>
        <Fact label="Phone">{lead.phone ? <a className="text-brand-700 hover:underline" href={`tel:${lead.phone}`}>{lead.phone}</a> : '—'}</Fact>
        <ContactOtherChannels emails={lead.otherEmails} phones={lead.otherPhones} />
        <Fact label="Owner">{lead.ownerName ?? 'Nobody yet'}</Fact>
        <Fact label="Source">{lead.sourceName ?? '—'}</Fact>
        <Fact label="Website">{lead.website ?? '—'}</Fact>
        {lead.utmSource || lead.utmMedium || lead.utmCampaign ? (
          <Fact label="Campaign">{[lead.utmSource, lead.utmMedium, lead.utmCampaign].filter(Boolean).join(' / ')}</Fact>
        ) : null}
        <Fact label="Added">{formatInstant(lead.createdAt, ws.timezone)}</Fact>
      </RecordHeader>

      {converted ? (
        <Card className="flex flex-col gap-1 bg-violet-50 p-4 text-sm text-violet-950 ring-violet-200 sm:flex-row sm:flex-wrap sm:gap-x-4" data-testid="lead-converted">
          <span className="font-medium">Converted{lead.convertedAt ? ` on ${formatInstant(lead.convertedAt, ws.timezone)}` : ''}.</span>
          {lead.contactId ? <Link href={`/contacts/${lead.contactId}`} className="underline">Contact: {lead.contactName}</Link> : null}
          {lead.companyId ? <Link href={`/companies/${lead.companyId}`} className="underline">Company: {lead.companyNameLinked}</Link> : null}
          {lead.dealId ? <Link href={`/deals/${lead.dealId}`} className="underline">Deal: {lead.dealTitle}</Link> : null}
        </Card>
      ) : lead.contactId ? (
        <p className="text-sm text-slate-600">
          Already a contact: <Link href={`/contacts/${lead.contactId}`} className="font-medium text-brand-700 hover:underline">{lead.contactName}</Link>. Convert links this lead to them.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="lead-timeline">
          <h2 id="lead-timeline" className="mb-3 text-base font-semibold text-slate-900">
            Timeline
          </h2>
          {converted ? null : (
            <div className="mb-4">
              <LogActivityForm leadId={lead.id} today={today} />
            </div>
          )}
          <Card>
            {entries.length === 0 ? <p className="p-4 text-sm text-slate-500">Nothing yet. Log the first call or note above.</p> : null}
            <ol className="divide-y divide-slate-100">
              {entries.map((e) => {
                const described =
                  e.type === 'event'
                    ? describeLeadEvent(e, userName)
                    : e.type === 'submission'
                      ? { title: `Sent ${e.title}`, lines: [...submissionLines(e.detail), e.fromValue ? `From ${e.fromValue}` : null].filter((l): l is string => !!l) }
                      : { title: `${ACTIVITY_WORDS[e.kind] ?? e.kind}: ${e.title}`, lines: [e.body, e.kind === 'task' ? (e.done ? 'Done' : `Due ${e.dueDate ?? 'some day'}`) : null].filter((l): l is string => !!l) };
                return (
                  <li key={e.key} className="px-4 py-3 text-sm" data-testid="lead-timeline-item" data-type={e.type} data-kind={e.kind}>
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <p className="min-w-0 break-words font-medium text-slate-900">{described.title}</p>
                      <p className="shrink-0 text-xs text-slate-500">
                        {formatInstant(e.at, ws.timezone)}
                        {e.userName ? ` · ${e.userName}` : ''}
                      </p>
                    </div>
                    {described.lines.length ? (
                      <ul className="mt-1 space-y-0.5 text-slate-600">
                        {described.lines.map((l, i) => (
                          <li key={i} className="whitespace-pre-line break-words">
                            {l}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </Card>
        </section>
        <aside className="space-y-4">
          {converted ? null : (
            <Card className="p-4">
              <LeadStatusForm leadId={lead.id} version={lead.version} status={lead.status as Exclude<typeof lead.status, 'converted'>} reasons={listDisqualifyReasons(db)} />
              {lead.status === 'disqualified' && lead.disqualifyReason ? <p className="mt-2 text-sm text-slate-600">Disqualified: {lead.disqualifyReason}</p> : null}
            </Card>
          )}
          <RelatedTasks tasks={listLeadTasks(db, lead.id)} today={today} />
          {lead.consentAt ? (
            <Card className="space-y-1 p-4 text-sm">
              <h2 className="text-xs font-medium text-slate-500">Consent</h2>
              <p className="text-slate-800">“{lead.consentText}”</p>
              <p className="text-xs text-slate-500">
                Agreed {formatInstant(lead.consentAt, ws.timezone)}
                {lead.consentIp ? ` from ${lead.consentIp}` : ''}
              </p>
            </Card>
          ) : null}
          {lead.notes || lead.referrer ? (
            <Card className="space-y-2 p-4 text-sm">
              {lead.notes ? (
                <p className="whitespace-pre-line break-words">
                  <span className="block text-xs font-medium text-slate-500">Notes</span>
                  {lead.notes}
                </p>
              ) : null}
              {lead.referrer ? (
                <p className="break-all">
                  <span className="block text-xs font-medium text-slate-500">Came from</span>
                  {lead.referrer}
                </p>
              ) : null}
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
