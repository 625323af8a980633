import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { countOpenLeads, getLeadSettings, latestLeadRescore, listLeadScoringHistory, listScoringRules } from '@/db/queries/lead-scoring';
import { listLeadList } from '@/db/queries/lead-lists';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';
import { LIKELIHOOD_MIN_EACH_OUTCOME, LIKELIHOOD_MIN_HISTORY } from '@/lib/leads/bayes';
import { describeLeadHistory } from '@/lib/leads/scoring';
import { isJobActive, toJobSnapshot } from '@/lib/jobs/snapshot';
import { LeadSettingsForm } from './_components/lead-settings-form';
import { RescoreProgress } from './_components/rescore-progress';
import { LeadList } from './_components/lead-lists';
import { RuleList } from './_components/rule-list';

export const metadata: Metadata = { title: 'Lead scoring' };

function Section({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card className="overflow-hidden" data-testid={testId}>
      <div className="px-4 pt-4 pb-3 sm:px-5">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-0.5 text-sm text-slate-500">{description}</p>
      </div>
      <div className="border-t border-slate-100">{children}</div>
    </Card>
  );
}

const fmt = (n: number) => n.toLocaleString('en-US');

export default async function LeadScoringPage() {
  await requireRole('admin');
  const db = getDb();
  const { timezone } = getWorkspace(db);
  const rules = listScoringRules(db);
  const { version, ...settings } = getLeadSettings(db);
  const history = listLeadScoringHistory(db, 15);
  const rescore = latestLeadRescore(db);
  const openLeads = countOpenLeads(db);
  const showRescore = rescore !== null && (isJobActive(rescore.state) || rescore.schedule === null);

  return (
    <>
      <PageHeader
        title="Lead scoring"
        description="A lead's score is the points of the fit rules it meets plus the points of what it did. Every change here scores the open leads again in the background, and each lead's timeline says why its score moved."
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Section title="Fit rules" description="Who the lead is: each rule that holds gives its points once." testId="fit-rules">
            <RuleList kind="fit" rules={rules.filter((r) => r.kind === 'fit')} empty="No fit rules yet: add one below, such as “Job title contains director” +15." />
          </Section>
          <Section title="Engagement rules" description="What the lead does: each time gives the points, fading with age when engagement fades (below)." testId="engagement-rules">
            <RuleList kind="engagement" rules={rules.filter((r) => r.kind === 'engagement')} empty="No engagement rules yet: add one below, such as “Each form submission” +10." />
          </Section>
          <Section title="Lead settings" description="For the whole workspace.">
            <div className="p-4 sm:p-5">
              <LeadSettingsForm settings={settings} version={version} />
            </div>
          </Section>
          <Section title="Lead sources" description="Where leads come from: offered on the lead form and in the inbox's filter; web forms and imports set them." testId="lead-sources">
            <LeadList kind="sources" items={listLeadList(db, 'sources')} />
          </Section>
          <Section title="Disqualify reasons" description="What a rep picks when a lead is disqualified." testId="disqualify-reasons">
            <LeadList kind="reasons" items={listLeadList(db, 'reasons')} />
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Card className="p-4 sm:p-5" data-testid="rescore-status">
            <h2 className="text-base font-semibold text-slate-900">Scores</h2>
            <p className="mt-0.5 text-sm text-slate-500">
              {openLeads === 0 ? 'No open leads yet: scores appear as leads come in.' : `${fmt(openLeads)} open ${openLeads === 1 ? 'lead is' : 'leads are'} scored with these rules.`}
            </p>
            {showRescore && rescore ? (
              <div className="mt-3 rounded-lg bg-slate-50 px-3 py-2.5">
                <p className="mb-1.5 text-xs text-slate-500">
                  {isJobActive(rescore.state) ? 'Scoring again after a change' : 'Last scored again after a change'}, queued {formatInstant(rescore.createdAt, timezone)}
                </p>
                <RescoreProgress job={toJobSnapshot(rescore)} />
              </div>
            ) : null}
            <p className="mt-3 text-xs text-slate-500">
              Each night the <Link href="/settings/jobs" className="font-medium text-brand-700 hover:underline">Rescore open leads</Link> job lets engagement fade.
            </p>
          </Card>

          <Card className="p-4 sm:p-5">
            <h2 className="text-base font-semibold text-slate-900">Likelihood to win</h2>
            <p className="mt-0.5 text-sm text-slate-500">
              Beside the score, each lead shows how likely it is to become a won deal, learned from your converted leads whose deals were won or lost: their source,
              country, job title words and email type. It appears once {LIKELIHOOD_MIN_HISTORY} such leads exist, at least {LIKELIHOOD_MIN_EACH_OUTCOME} won and{' '}
              {LIKELIHOOD_MIN_EACH_OUTCOME} lost.
            </p>
          </Card>

          <Card className="overflow-hidden">
            <h2 className="px-4 pt-4 pb-3 text-base font-semibold text-slate-900 sm:px-5">Recent changes</h2>
            {history.length === 0 ? (
              <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500 sm:px-5">No changes yet: the starting rules are as Keel set them.</p>
            ) : (
              <ol className="divide-y divide-slate-100 border-t border-slate-100" aria-label="Recent changes" data-testid="lead-scoring-history">
                {history.map((e) => (
                  <li key={e.id} className="px-4 py-2.5 text-sm sm:px-5">
                    <p className="break-words text-slate-900">{describeLeadHistory(e)}</p>
                    <p className="text-xs text-slate-500">
                      {e.userName ?? 'Someone'} · {formatInstant(e.at, timezone)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
