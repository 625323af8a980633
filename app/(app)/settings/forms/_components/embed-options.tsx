import { Card } from '@/components/ui/card';
import { embedSnippets } from '@/lib/leads/forms';
import { CopyButton } from './copy-button';

function Snippet({ title, description, code, testId }: { title: string; description: string; code: string; testId: string }) {
  return (
    <div className="space-y-2">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
        <CopyButton text={code} label={title} />
      </div>
      <pre className="max-h-56 overflow-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** The three ways to put a form on a site, ready to copy: link, iframe, script; and the bare endpoint. */
export function EmbedOptions({ origin, slug, sample }: { origin: string; slug: string; sample: Record<string, string> }) {
  const s = embedSnippets(origin, slug, sample);
  return (
    <Card className="space-y-5 p-5">
      <div>
        <h2 className="text-base font-semibold text-slate-900">Put it on your website</h2>
        <p className="mt-1 text-sm text-slate-500">Embeds on another site work once that site is listed under Allowed origins.</p>
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Hosted page</h3>
        <div className="flex items-center gap-2">
          <a href={s.link} target="_blank" rel="noreferrer" className="min-w-0 truncate text-sm font-medium text-brand-700 hover:underline" data-testid="form-link">
            {s.link}
          </a>
          <CopyButton text={s.link} label="link" />
        </div>
        <p className="text-xs text-slate-500">Share it as it is. Add utm_source, utm_medium and utm_campaign to the link to see where leads came from.</p>
      </div>
      <Snippet title="Iframe" description="Resizes to fit the form; the page’s address and referrer go with each lead." code={s.iframe} testId="embed-iframe" />
      <Snippet title="Script" description="Draws the form into your page, in your page’s fonts." code={s.script} testId="embed-script" />
      <Snippet title="POST endpoint" description="For your own form or code: form fields or JSON. Errors come back as 400 with a message per field." code={s.post} testId="embed-post" />
    </Card>
  );
}
