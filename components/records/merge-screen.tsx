import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { MergeView } from '@/db/queries/merge';
import type { ActionResult } from '@/lib/actions';
import { MERGE_NOUNS, type MergeKind } from '@/lib/customers/merge';
import { MergePicker } from './merge-picker';

type Props = { kind: MergeKind; view: MergeView; action: (form: FormData) => Promise<ActionResult<{ id: number }>> };

/** The merge page of contacts or companies: the picker, or why there is nothing to merge. */
export function MergeScreen({ kind, view, action }: Props) {
  const noun = MERGE_NOUNS[kind];
  const title = `Merge ${noun.many}`;
  if (!view.ok) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title={title} />
        <Card className="space-y-4 p-5" data-testid="merge-problem">
          <p className="text-slate-700">{view.message}</p>
          <div className="flex flex-wrap gap-2">
            {view.mergedIntoId ? (
              <Link href={`${noun.path}/${view.mergedIntoId}`} className={buttonClass('primary')}>
                Open the {noun.one} it was merged into
              </Link>
            ) : null}
            <Link href={`${noun.path}/duplicates`} className={buttonClass('secondary')}>
              Back to duplicate {noun.many}
            </Link>
          </div>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={title}
        description={`Pick the ${noun.one} to keep and, where the two differ, which value wins. Everything linked to the other ${noun.one} moves to the one you keep.`}
      />
      <MergePicker kind={kind} sides={view.sides} fields={view.fields} defaultKeepId={view.defaultKeepId} action={action} />
    </div>
  );
}
