import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { CompanySide, ContactSide, DuplicatePair } from '@/db/queries/duplicates';
import type { DuplicateKind } from '@/db/schema';
import { normaliseEmail, normalisePhone } from '@/lib/customers/normalise';
import { describeReason, type Reason } from '@/lib/customers/similarity';
import { scorePercent } from '@/lib/customers/duplicates';
import { dateInZone, formatDate } from '@/lib/dates';
import type { ActionResult } from '@/lib/actions';
import { DismissPairButton } from './duplicate-dismiss';

type PairAction = (pair: { a: number; b: number }) => Promise<ActionResult<void>>;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A line that is the value, or a muted word for its absence; a value a reason names is marked. */
function Line({ value, none, href, matched = false, other = false }: { value: string | null; none: string; href?: string; matched?: boolean; other?: boolean }) {
  if (!value) return <p className="text-slate-400">{none}</p>;
  const text = matched ? <mark className="rounded bg-amber-100 px-0.5 text-inherit">{value}</mark> : value;
  return (
    <p className="truncate text-slate-700" title={value}>
      {other ? <span className="mr-1 text-xs text-slate-400">also</span> : null}
      {href ? (
        <Link href={href} className="hover:text-brand-700 hover:underline">
          {text}
        </Link>
      ) : (
        text
      )}
    </p>
  );
}

const lines = (text: string | null) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** The emails and phones that a pair's reasons name, to mark them on both records. */
type Matched = { email: (value: string) => boolean; phone: (value: string) => boolean };

function matchedBy(reasons: Reason[], country: string): Matched {
  const emails = new Set(reasons.flatMap((r) => (r.kind === 'email' ? [r.value] : [])));
  const phones = new Set(reasons.flatMap((r) => (r.kind === 'phone' ? [r.value] : [])));
  return { email: (v) => emails.has(normaliseEmail(v) ?? ''), phone: (v) => phones.has(normalisePhone(v, country) ?? '') };
}

function Side({ heading, href, name, children, facts }: { heading: string; href: string; name: string; children: React.ReactNode; facts: string[] }) {
  return (
    <section aria-label={`${heading}: ${name}`} className="min-w-0 rounded-lg bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-100">
      <Link href={href} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline" title={name}>
        {name || 'Unnamed'}
      </Link>
      <div className="mt-1 space-y-0.5">{children}</div>
      <p className="mt-1.5 text-xs text-slate-500">{facts.join(' · ')}</p>
    </section>
  );
}

function ContactRecord({ side, heading, timeZone, matched }: { side: ContactSide; heading: string; timeZone: string; matched: Matched }) {
  return (
    <Side heading={heading} href={`/contacts/${side.id}`} name={side.name} facts={[side.ownerName ?? 'No owner', `Added ${formatDate(dateInZone(side.createdAt, timeZone))}`, plural(side.deals, 'deal', 'deals')]}>
      <Line value={side.email} none="No email" matched={!!side.email && matched.email(side.email)} />
      {lines(side.otherEmails).map((e) => (
        <Line key={e} value={e} none="" matched={matched.email(e)} other />
      ))}
      <Line value={side.phone} none="No phone" matched={!!side.phone && matched.phone(side.phone)} />
      {lines(side.otherPhones).map((p) => (
        <Line key={p} value={p} none="" matched={matched.phone(p)} other />
      ))}
      <Line value={side.companyName} none="No company" href={side.companyId ? `/companies/${side.companyId}` : undefined} />
    </Side>
  );
}

function CompanyRecord({ side, heading, timeZone, matchedDomain }: { side: CompanySide; heading: string; timeZone: string; matchedDomain: boolean }) {
  return (
    <Side
      heading={heading}
      href={`/companies/${side.id}`}
      name={side.name}
      facts={[side.ownerName ?? 'No owner', `Added ${formatDate(dateInZone(side.createdAt, timeZone))}`, plural(side.contacts, 'contact', 'contacts'), plural(side.deals, 'deal', 'deals')]}
    >
      <Line value={side.domain} none="No website" matched={matchedDomain} />
    </Side>
  );
}

/**
 * One likely duplicate pair: both records side by side (the older, lower id, first), how sure the
 * match is and why, and the two ways out — merge them, or say they are not the same.
 */
export function DuplicatePairCard<K extends DuplicateKind>({ kind, pair, timeZone, country, dismiss }: { kind: K; pair: DuplicatePair<K>; timeZone: string; country: string; dismiss: PairAction }) {
  const { low, high } = pair;
  const base = kind === 'contact' ? '/contacts' : '/companies';
  const matched = matchedBy(pair.reasons, country);
  const record = (side: ContactSide | CompanySide, heading: string) =>
    kind === 'contact' ? (
      <ContactRecord side={side as ContactSide} heading={heading} timeZone={timeZone} matched={matched} />
    ) : (
      <CompanyRecord side={side as CompanySide} heading={heading} timeZone={timeZone} matchedDomain={pair.reasons.some((r) => r.kind === 'domain')} />
    );
  const label = `${low.name || 'Unnamed'} and ${high.name || 'Unnamed'}`;
  return (
    <Card className="p-4" data-testid="duplicate-pair" data-ids={`${low.id},${high.id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="shrink-0 rounded-full bg-amber-50 px-2 py-0.5 text-sm font-semibold tabular-nums text-amber-800 ring-1 ring-amber-200" title="How likely these are the same">
          {scorePercent(pair.score)} match
        </span>
        <ul className="flex min-w-0 flex-wrap gap-1.5 text-sm text-slate-700" aria-label="Why they match" data-testid="duplicate-reasons">
          {pair.reasons.map((r, i) => (
            <li key={i} className="min-w-0 break-words rounded-md bg-slate-100 px-2 py-0.5">
              {describeReason(r)}
            </li>
          ))}
        </ul>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 sm:gap-3">
        {record(low, 'Older record')}
        {record(high, 'Newer record')}
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        <DismissPairButton a={low.id} b={high.id} label={label} dismiss={dismiss} />
        <Link href={`${base}/merge?ids=${low.id},${high.id}`} className={buttonClass()}>
          Compare and merge
        </Link>
      </div>
    </Card>
  );
}
