'use client';

import Link from 'next/link';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ActionResult } from '@/lib/actions';
import { csvPreview, guessMapping, IMPORT_FIELDS, MAX_IMPORT_BYTES, mappingProblems, type Mapping } from '@/lib/products/import';
import { importProductsAction, previewImportAction } from '../actions';
import { MappingStep } from './mapping-step';
import { ImportReport, type Preview } from './import-report';

type FileState = { name: string; text: string; headers: string[]; sample: Record<string, string> };
type Done = { created: number; updated: number; rejected: number };

/**
 * Choose a file → map its columns → read the report → confirm. The file is read here as text and
 * sent to the server for the report and again for the import, which checks every row afresh.
 */
export function ImportWizard() {
  const [file, setFile] = useState<FileState | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputId = useId();

  async function choose(chosen: File | undefined) {
    setPreview(null);
    setDone(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setError(`${chosen.name} is larger than 4 MB: split it and import the parts.`);
      return;
    }
    const text = await chosen.text();
    const { headers, sample } = csvPreview(text);
    if (headers.length === 0) {
      setFile(null);
      setError(`${chosen.name} is empty. Choose a CSV file with a header row.`);
      return;
    }
    setFile({ name: chosen.name, text, headers, sample });
    setMapping(guessMapping(headers));
  }

  function send<T>(action: (input: { csv: string; mapping: Mapping }) => Promise<ActionResult<T>>, onOk: (data: T) => void) {
    if (!file || !mapping) return;
    setError(null);
    startTransition(async () => {
      const result = await action({ csv: file.text, mapping });
      if (result.ok) onOk(result.data);
      else setError(result.error);
    });
  }

  const problems = file && mapping ? mappingProblems(mapping, file.headers) : [];
  const toWrite = preview ? preview.creates + preview.updates : 0;

  if (done) {
    return (
      <Card className="p-6 text-center" data-testid="import-result">
        <p className="text-lg font-semibold text-slate-900">Import finished</p>
        <p className="mt-1 text-sm text-slate-600">
          {done.created.toLocaleString('en-US')} created, {done.updated.toLocaleString('en-US')} updated
          {done.rejected > 0 ? `, ${done.rejected.toLocaleString('en-US')} ${done.rejected === 1 ? 'row' : 'rows'} skipped` : ''}.
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Link href="/products?status=all" className={buttonClass()}>
            See the products
          </Link>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setDone(null);
              setFile(null);
              setPreview(null);
            }}
          >
            Import another file
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <Card className="p-4 sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">1. Choose a file</h2>
        <p className="mt-1 text-sm text-slate-500">
          A CSV (comma-separated, UTF-8) up to 4 MB. Columns can be in any order and named as you like: you match them to fields next.
        </p>
        <label htmlFor={inputId} className="mt-3 block text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:cursor-pointer file:rounded-lg file:border-0 file:bg-slate-100 file:px-3.5 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
        {file ? (
          <p className="mt-2 text-xs text-slate-500">
            {file.name}: {file.headers.length} columns.
          </p>
        ) : null}
      </Card>

      {error ? <Alert>{error}</Alert> : null}

      {file && mapping ? (
        <MappingStep
          fields={IMPORT_FIELDS}
          headers={file.headers}
          sample={file.sample}
          mapping={mapping}
          problems={problems}
          pending={pending && !preview}
          onChange={(next) => {
            setMapping(next);
            setPreview(null);
          }}
          onPreview={() => send(previewImportAction, setPreview)}
        />
      ) : null}

      {preview ? (
        <ImportReport
          preview={preview}
          pending={pending}
          toWrite={toWrite}
          onConfirm={() => send(importProductsAction, (d) => setDone(d))}
        />
      ) : null}
    </div>
  );
}
