/** One value a line, blanks dropped: how other emails and phones are stored. */
const lines = (text: string | null | undefined) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

function Channels({ label, values, href }: { label: string; values: string[]; href: (value: string) => string }) {
  return (
    <div className="min-w-0" data-testid={label === 'Other emails' ? 'other-emails' : 'other-phones'}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">
        <ul>
          {values.map((v) => (
            <li key={v} className="truncate">
              <a className="text-brand-700 hover:underline" href={href(v)} title={v}>
                {v}
              </a>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

/**
 * A contact's other emails and phones, as facts of its page header (inside RecordHeader's list), each
 * a link to write or call; nothing for a contact that has none.
 */
export function ContactOtherChannels({ emails, phones }: { emails: string | null | undefined; phones: string | null | undefined }) {
  const e = lines(emails);
  const p = lines(phones);
  return (
    <>
      {e.length ? <Channels label="Other emails" values={e} href={(v) => `mailto:${v}`} /> : null}
      {p.length ? <Channels label="Other phones" values={p} href={(v) => `tel:${v}`} /> : null}
    </>
  );
}
