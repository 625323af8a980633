'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { Field, SelectField } from '@/components/ui/field';
import type { CompanyDraft, ContactDraft, ConvertChoices, DealDraft, ExistingCompany, ExistingContact } from '@/lib/leads/convert';
import { centsToDecimal } from '@/lib/money';
import { convertLeadAction } from '../actions';

type Company = ExistingCompany & { openDeals: { id: number; title: string; value: string; stageName: string; ownerName: string | null }[]; openDealCount: number };

type Props = {
  lead: { id: number; version: number; name: string; ownerId: number | null };
  contact: ContactDraft;
  company: CompanyDraft | null;
  deal: DealDraft;
  choices: ConvertChoices;
  contacts: ExistingContact[];
  companies: Company[];
  pipelines: { id: number; name: string; stages: { id: number; name: string }[] }[];
  /** Who may own the new records, for managers and admins; null for a rep (they own them). */
  users: { id: number; name: string }[] | null;
  currency: string;
};

/** A choice among existing records or a new one: a radio with its label and, under it, what tells it apart. */
function Choice({ name, value, checked, onChange, label, detail, children, testId }: { name: string; value: string; checked: boolean; onChange: (v: string) => void; label: string; detail?: React.ReactNode; children?: React.ReactNode; testId?: string }) {
  const id = `${name}-${value}`;
  return (
    <div className={cx('rounded-lg p-3 ring-1', checked ? 'bg-brand-50/60 ring-brand-500' : 'ring-slate-200')} data-testid={testId}>
      <div className="flex items-start gap-2.5">
        <input id={id} type="radio" name={name} value={value} checked={checked} onChange={() => onChange(value)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="block text-sm font-medium text-slate-900">
            {label}
          </label>
          {detail ? <div className="mt-0.5 text-xs text-slate-500">{detail}</div> : null}
        </div>
      </div>
      {checked && children ? <div className="mt-3 pl-6.5">{children}</div> : null}
    </div>
  );
}

export function ConvertForm({ lead, contact, company, deal, choices, contacts, companies, pipelines, users, currency }: Props) {
  const router = useRouter();
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(convertLeadAction, {
    onSuccess: (data) => router.push(`/contacts/${data.contactId}`),
  });
  const [contactChoice, setContactChoice] = useState(String(choices.contact));
  const [companyChoice, setCompanyChoice] = useState(String(choices.company));
  const [withDeal, setWithDeal] = useState(pipelines.length > 0);
  const [pipelineId, setPipelineId] = useState(deal.pipelineId ?? pipelines[0]?.id ?? 0);
  const stages = pipelines.find((p) => p.id === pipelineId)?.stages ?? [];
  const chosenCompany = companies.find((c) => String(c.id) === companyChoice);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="convert-form">
      <input type="hidden" name="leadId" value={lead.id} />
      <input type="hidden" name="version" value={lead.version} />
      {formError ? <Alert>{formError}</Alert> : null}

      <Card className="p-5">
        <fieldset className="min-w-0">
          <legend className="text-base font-semibold text-slate-900">Contact</legend>
          <p className="mb-3 text-sm text-slate-500">
            {contacts.length ? 'Already in Keel, with this lead’s email or linked to it. Link to them, or create a new contact.' : 'No contact has this lead’s email yet.'}
          </p>
          {errors.contact ? <p className="mb-2 text-sm text-red-600">{errors.contact}</p> : null}
          <div className="space-y-2" data-testid="existing-contacts">
            {contacts.map((c) => (
              <Choice
                key={c.id}
                name="contact"
                value={String(c.id)}
                checked={contactChoice === String(c.id)}
                onChange={setContactChoice}
                label={`Link to ${c.name}`}
                testId="existing-contact"
                detail={
                  <>
                    {c.linked ? 'Already linked to this lead' : c.primary ? 'Same email' : 'Has this email among its other emails'}
                    {c.email ? ` · ${c.email}` : ''}
                    {c.companyName ? ` · ${c.companyName}` : ''} ·{' '}
                    <Link href={`/contacts/${c.id}`} target="_blank" className="text-brand-700 hover:underline">
                      Open
                    </Link>
                  </>
                }
              />
            ))}
            <Choice name="contact" value="new" checked={contactChoice === 'new'} onChange={setContactChoice} label="Create a new contact" detail="Prefilled from the lead.">
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="First name" name="firstName" defaultValue={contact.firstName} error={errors.firstName} required />
                <Field label="Last name" name="lastName" defaultValue={contact.lastName} error={errors.lastName} />
                <Field label="Email" name="email" type="email" defaultValue={contact.email ?? ''} error={errors.email} />
                <Field label="Phone" name="phone" type="tel" defaultValue={contact.phone ?? ''} error={errors.phone} />
                <Field label="Job title" name="title" defaultValue={contact.title ?? ''} error={errors.title} className="sm:col-span-2" hint={contact.source ? `Source: ${contact.source}` : undefined} />
              </div>
            </Choice>
          </div>
        </fieldset>
      </Card>

      <Card className="p-5">
        <fieldset className="min-w-0">
          <legend className="text-base font-semibold text-slate-900">Company</legend>
          <p className="mb-3 text-sm text-slate-500">
            {companies.length ? 'These look like the lead’s company: the same website domain or a similar name.' : company ? `No company looks like ${company.name} yet.` : 'The lead names no company.'}
          </p>
          {errors.company ? <p className="mb-2 text-sm text-red-600">{errors.company}</p> : null}
          <div className="space-y-2" data-testid="existing-companies">
            {companies.map((c) => (
              <Choice
                key={c.id}
                name="company"
                value={String(c.id)}
                checked={companyChoice === String(c.id)}
                onChange={setCompanyChoice}
                label={`Link to ${c.name}`}
                testId="existing-company"
                detail={
                  <>
                    {[...new Set(c.reasons)].join(' · ')}
                    {c.domain ? ` · ${c.domain}` : ''}
                    <OpenDeals company={c} />
                  </>
                }
              />
            ))}
            <Choice name="company" value="new" checked={companyChoice === 'new'} onChange={setCompanyChoice} label="Create a new company" detail={company ? 'Prefilled from the lead.' : undefined}>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Company name" name="companyName" defaultValue={company?.name ?? ''} error={errors.companyName} required />
                <Field label="Website domain" name="domain" defaultValue={company?.domain ?? ''} error={errors.domain} placeholder="acme.com" />
              </div>
            </Choice>
            <Choice name="company" value="none" checked={companyChoice === 'none'} onChange={setCompanyChoice} label="No company" />
          </div>
        </fieldset>
      </Card>

      <Card className="p-5">
        <div className="flex items-center gap-2.5">
          <input id="create-deal" type="checkbox" name="createDeal" checked={withDeal} onChange={(e) => setWithDeal(e.target.checked)} disabled={pipelines.length === 0} className="size-4 accent-brand-600" />
          <label htmlFor="create-deal" className="text-base font-semibold text-slate-900">
            Create a deal
          </label>
        </div>
        {pipelines.length === 0 ? <p className="mt-1 text-sm text-slate-500">There is no pipeline yet: an admin adds one under Settings.</p> : null}
        {withDeal && chosenCompany?.openDealCount ? (
          <p className="mt-1 text-sm text-amber-700" data-testid="open-deal-hint">
            {chosenCompany.name} already has {chosenCompany.openDealCount === 1 ? 'an open deal' : `${chosenCompany.openDealCount} open deals`}. Leave this unticked if the lead belongs to it.
          </p>
        ) : null}
        {withDeal ? (
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <Field label="Deal title" name="dealTitle" defaultValue={deal.title} error={errors.dealTitle} required className="sm:col-span-2" />
            <SelectField label="Pipeline" name="pipelineId" value={pipelineId} onChange={(e) => setPipelineId(Number(e.target.value))} error={errors.pipelineId}>
              {pipelines.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField key={pipelineId} label="Stage" name="stageId" defaultValue={pipelineId === deal.pipelineId ? (deal.stageId ?? '') : (stages[0]?.id ?? '')} error={errors.stageId}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <Field label={`Value (${currency})`} name="valueCents" inputMode="decimal" defaultValue={deal.valueCents ? centsToDecimal(deal.valueCents) : ''} placeholder="0.00" error={errors.valueCents} />
            <Field label="Expected close date" name="expectedCloseDate" type="date" defaultValue={deal.expectedCloseDate ?? ''} error={errors.expectedCloseDate} />
          </div>
        ) : null}
      </Card>

      {users ? (
        <Card className="p-5">
          <SelectField label="Owner" name="ownerId" defaultValue={lead.ownerId ?? ''} error={errors.ownerId} hint="Owns the new contact, company and deal. Prefilled with the lead's owner.">
            <option value="">Me</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </Card>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={`/leads/${lead.id}`} className={buttonClass('secondary')}>
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? 'Converting…' : 'Convert'}
        </Button>
      </div>
    </form>
  );
}

function OpenDeals({ company }: { company: Company }) {
  if (company.openDealCount === 0) return <span> · No open deals</span>;
  return (
    <div className="mt-1.5">
      <span className="font-medium text-slate-600">
        {company.openDealCount} open {company.openDealCount === 1 ? 'deal' : 'deals'}:
      </span>
      <ul className="mt-0.5 space-y-0.5">
        {company.openDeals.map((d) => (
          <li key={d.id} className="truncate">
            <Link href={`/deals/${d.id}`} target="_blank" className="text-brand-700 hover:underline">
              {d.title}
            </Link>{' '}
            · {d.value} · {d.stageName}
            {d.ownerName ? ` · ${d.ownerName}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
