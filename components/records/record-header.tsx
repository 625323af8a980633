import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { TagList } from '@/components/ui/tag';

/** The top of a contact's or company's page: name, a line about it, tags, actions, then its facts. */
export function RecordHeader({ testId, title, subtitle, tags, actions, children }: { testId: string; title: string; subtitle: ReactNode; tags: string[]; actions: ReactNode; children: ReactNode }) {
  return (
    <Card className="p-5" data-testid={testId}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-0.5 text-sm text-slate-600">{subtitle}</p>
          <TagList tags={tags} className="mt-2" />
        </div>
        {actions}
      </div>
      <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-4 border-t border-slate-100 pt-4 md:grid-cols-4">{children}</dl>
    </Card>
  );
}
