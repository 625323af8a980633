import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { formSigningSecret, getWebFormBySlug } from '@/db/queries/lead-forms';
import { getWorkspace } from '@/db/queries/workspace';
import { DEFAULT_THANK_YOU, FORM_FIELD_INPUT, HONEYPOT, RENDERED_FIELD, signRenderTime } from '@/lib/leads/forms';
import { LeadForm } from './lead-form';

// The hosted form: public, no session, outside the app's shell. Shown on its own at /f/<slug>, or
// inside another site's iframe (?embed=1, with the host page's address and referrer passed in by the
// snippet) where it reports its height to the host page. proxy.ts lets the form's allowed sites frame it.
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Contact', robots: { index: false, follow: false } };

/** The signed moment the form is drawn, for the minimum fill time. */
function renderedNow(slug: string): string {
  return signRenderTime(formSigningSecret(), slug, Date.now());
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 1000) : undefined);

export default async function HostedFormPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const q = await searchParams;
  const form = /^[a-z0-9-]{1,60}$/.test(slug) ? getWebFormBySlug(getDb(), slug) : null;
  if (!form?.active) notFound();
  const embed = one(q.embed) === '1';
  const ws = getWorkspace(getDb());
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  const sent = one(q.sent) === '1';
  const body = (
    <LeadForm
      slug={form.slug}
      fields={form.fields.map((f) => ({ ...f, ...FORM_FIELD_INPUT[f.field] }))}
      honeypot={HONEYPOT}
      renderedField={RENDERED_FIELD}
      consentText={form.consentEnabled ? form.consentText : null}
      thankYou={form.thankYouMessage ?? DEFAULT_THANK_YOU}
      rendered={renderedNow(form.slug)}
      utm={{ source: one(q.utm_source) ?? '', medium: one(q.utm_medium) ?? '', campaign: one(q.utm_campaign) ?? '' }}
      hostPage={one(q.page) ?? null}
      hostReferrer={one(q.ref) ?? null}
      turnstileSiteKey={form.turnstileSiteKey}
      embed={embed}
      sent={sent}
    />
  );

  return (
    <>
      {form.turnstileSiteKey ? <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer nonce={nonce} /> : null}
      {embed ? (
        <main className="bg-transparent p-2">{body}</main>
      ) : (
        <main className="min-h-dvh bg-slate-100 px-4 py-8 sm:py-16">
          <div className="mx-auto w-full max-w-lg">
            <p className="mb-3 text-center text-sm font-medium text-slate-500">{ws.name}</p>
            <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8">
              <h1 className="mb-5 text-xl font-semibold tracking-tight text-slate-900">{form.name}</h1>
              {body}
            </div>
          </div>
        </main>
      )}
    </>
  );
}
