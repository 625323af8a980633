'use client';

import { createContext, use, useState, useTransition } from 'react';
import type { JobSnapshot } from '@/lib/jobs/snapshot';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { retryJobAction } from '../actions';
import { LiveJob } from './live-job';

// A retried job leaves the Failed list the moment it is queued again (the page is refreshed from the
// database), taking its row and button with it. The jobs retried here are kept above the list
// instead, each with its progress, until the page is left or they are dismissed; so is a refusal
// (the job was no longer failed), since the refresh takes that row away too.

type Retried = { label: string; job: JobSnapshot };
type RetriedContext = { add: (retried: Retried) => void; refuse: (message: string) => void };

const Context = createContext<RetriedContext | null>(null);

export function RetriedJobsProvider({ children }: { children: React.ReactNode }) {
  const [retried, setRetried] = useState<Retried[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = (r: Retried) => {
    setRefusal(null);
    setRetried((list) => [r, ...list.filter((x) => x.job.id !== r.job.id)]);
  };
  const dismiss = (id: number) => setRetried((list) => list.filter((x) => x.job.id !== id));
  return (
    <Context value={{ add, refuse: setRefusal }}>
      {refusal ? (
        <div className="mb-4">
          <Alert>{refusal}</Alert>
        </div>
      ) : null}
      {retried.length > 0 ? (
        <ul className="mb-4 space-y-2" aria-label="Retried jobs">
          {retried.map(({ label, job }) => (
            <li key={job.id} data-testid="retried-job" data-job-id={job.id} className="flex items-start gap-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:px-4">
              <div className="min-w-0 flex-1">
                <p className="mb-1.5 text-sm font-medium text-slate-900">
                  Retried {label} <span className="font-normal text-slate-500">#{job.id}</span>
                </p>
                <LiveJob initial={job} />
              </div>
              <Button type="button" variant="ghost" size="sm" onClick={() => dismiss(job.id)} aria-label={`Dismiss ${label} #${job.id}`}>
                Dismiss
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Context>
  );
}

export function RetryButton({ id, label }: { id: number; label: string }) {
  const context = use(Context);
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      const result = await retryJobAction({ id });
      if (result.ok) context?.add(result.data);
      else context?.refuse(result.error);
    });
  return (
    <Button type="button" variant="secondary" size="sm" className="whitespace-nowrap" onClick={retry} disabled={pending} aria-label={`Retry ${label} #${id}`}>
      {pending ? 'Retrying…' : 'Retry'}
    </Button>
  );
}
