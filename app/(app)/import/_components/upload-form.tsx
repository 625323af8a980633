'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { IMPORT_MAX_BYTES, TOO_LARGE_MESSAGE } from '@/lib/import/decode';
import type { ImportKind } from '@/lib/import/fields';

const KINDS: { kind: ImportKind; label: string; hint: string }[] = [
  { kind: 'leads', label: 'Leads', hint: 'People who may become customers; matched by email.' },
  { kind: 'contacts', label: 'Contacts with their companies', hint: 'People; a company column creates or links their company.' },
  { kind: 'companies', label: 'Companies', hint: 'Organisations, matched by website or name.' },
  { kind: 'deals', label: 'Deals', hint: 'Matched by an external id column.' },
  { kind: 'products', label: 'Products', hint: 'The catalogue, matched by SKU; prices in the workspace currency.' },
];

/**
 * Step 1: what the file holds and the file. The bytes go to POST /api/import as they are (the server
 * decodes and parses them, so every browser reads Excel's Windows-1252 the same way); the answer is
 * the draft batch, whose page is the mapping step. A file over 20 MB is refused here before sending.
 */
export function UploadForm({ initialKind = 'contacts' }: { initialKind?: ImportKind }) {
  const router = useRouter();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose a file to import.');
    if (file.size > IMPORT_MAX_BYTES) return setError(TOO_LARGE_MESSAGE);
    setError(null);
    setPending(true);
    try {
      const response = await fetch(`/api/import?${new URLSearchParams({ kind, name: file.name })}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
      const answer = (await response.json().catch(() => null)) as { ok: true; batchId: number } | { ok: false; error: string } | null;
      if (answer?.ok) return router.push(`/import/${answer.batchId}`);
      setError(answer?.error ?? (response.status === 401 ? 'Your session has ended. Sign in again.' : 'The file could not be sent. Try again.'));
    } catch {
      setError('The file could not be sent. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={upload} className="space-y-4">
        <fieldset>
          <legend className="text-base font-semibold text-slate-900">1. What does the file hold?</legend>
          <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {KINDS.map((k) => (
              <label
                key={k.kind}
                className={cx(
                  'flex min-w-0 cursor-pointer gap-2.5 rounded-lg p-3 text-sm ring-1',
                  kind === k.kind ? 'bg-brand-50 ring-2 ring-brand-500' : 'ring-slate-200 hover:bg-slate-50',
                )}
              >
                <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} className="mt-0.5 shrink-0 accent-brand-600" />
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{k.label}</span>
                  <span className="block text-xs text-slate-500">{k.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="import-file" className="block text-base font-semibold text-slate-900">
            2. The file
          </label>
          <p className="mt-1 text-sm text-slate-500">CSV, TSV or TXT with a header row, up to 20 MB and 50,000 rows. Excel&apos;s “CSV” and “CSV UTF-8” both work.</p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
            className="mt-2 block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
          />
        </div>
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={pending || !file}>
            {pending ? 'Reading the file…' : 'Continue'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
