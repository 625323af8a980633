import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { currencyInUse, getWorkspace, getWorkspaceVersion, listWorkspaceEvents } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { formatInstant } from '@/lib/dates';
import { currencyChangeProblem, describeSettingChange } from '@/lib/workspace/changes';
import { logoUrl } from '@/lib/workspace/logo';
import { countryOptions, currencyOptions, timeZoneOptions } from '@/lib/workspace/options';
import { WorkspaceForm } from './_components/workspace-form';

export const metadata: Metadata = { title: 'Workspace' };

export default async function WorkspaceSettingsPage() {
  await requireRole('admin');
  const db = getDb();
  const ws = getWorkspace(db);
  const events = listWorkspaceEvents(db, 15);
  const currencyLocked = currencyChangeProblem(ws.currency, currencyInUse(db, ws.currency)) !== null;

  return (
    <>
      <PageHeader title="Workspace" description="The company's details printed on quotes, and the defaults every screen and new record starts from." />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <WorkspaceForm
          settings={ws}
          version={getWorkspaceVersion(db)}
          logoSrc={logoUrl(ws.logoUpdatedAt)}
          currencyHint={
            currencyLocked
              ? `Amounts are stored in ${ws.currency}: it can change only while there are no quotes and no deals with a value.`
              : 'Every amount is shown in it. Catalogue prices keep their figures.'
          }
          options={{ currencies: currencyOptions(), timeZones: timeZoneOptions(ws.timezone), countries: countryOptions() }}
        />
        <Card className="overflow-hidden">
          <h2 className="px-4 pt-4 pb-3 text-base font-semibold text-slate-900 sm:px-5">Recent changes</h2>
          {events.length === 0 ? (
            <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500 sm:px-5">No changes yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100 border-t border-slate-100" aria-label="Recent changes" data-testid="workspace-history">
              {events.map((e) => (
                <li key={e.id} className="px-4 py-2.5 text-sm sm:px-5">
                  <p className="break-words text-slate-900">{describeSettingChange(e)}</p>
                  <p className="text-xs text-slate-500">
                    {e.userName ?? 'Someone'} · {formatInstant(e.at, ws.timezone)}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
