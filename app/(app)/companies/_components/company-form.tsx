'use client';

import { useRouter } from 'next/navigation';
import { OwnerField, SaveOrCancel, TagsField } from '@/components/form/customer-fields';
import { useFormAction } from '@/components/form/use-form-action';
import { LikelyDuplicates } from '@/components/records/likely-duplicates';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Field, SelectField } from '@/components/ui/field';
import { createCompanyAction, updateCompanyAction } from '../actions';
import { findLikelyCompaniesAction } from '../duplicates/actions';

export type CompanyFormValues = {
  id?: number;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  ownerId: number | null;
  tags: string[];
  priceListId: number | null;
  priceListName: string | null;
};

type Props = {
  values?: CompanyFormValues;
  users: { id: number; name: string }[];
  canReassign: boolean;
  priceLists: { id: number; name: string }[];
  /** Admins and managers set the price list; a rep sees it and keeps it. */
  canSetPriceList: boolean;
};

const SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1000+'];

// What the "this looks like" check reads: a company is recognised by its name and its website.
const MATCHED_FIELDS = ['name', 'domain'] as const;

export function CompanyForm({ values, users, canReassign, priceLists, canSetPriceList }: Props) {
  const router = useRouter();
  const action = values?.id ? updateCompanyAction : createCompanyAction;
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(action, { onSuccess: (data) => router.push(`/companies/${data.id}`) });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {values?.id ? <input type="hidden" name="companyId" value={values.id} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <Field label="Name" name="name" defaultValue={values?.name} error={errors.name} required autoFocus={!values} className="sm:col-span-2" />
        <Field label="Domain" name="domain" defaultValue={values?.domain ?? ''} error={errors.domain} placeholder="acme.com" />
        <Field label="Industry" name="industry" defaultValue={values?.industry ?? ''} error={errors.industry} />
        {/* Below the fields it reads, so that its appearing never moves the field being typed in. */}
        <LikelyDuplicates
          find={findLikelyCompaniesAction}
          fields={MATCHED_FIELDS}
          extra={values?.id ? { companyId: values.id } : undefined}
          noun="company"
          checkNow={Boolean(values?.id)}
          className="sm:col-span-2"
        />
        <SelectField label="Size" name="size" defaultValue={values?.size ?? ''} error={errors.size}>
          <option value="">Unknown</option>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {s} employees
            </option>
          ))}
        </SelectField>
        {canReassign ? <OwnerField users={users} defaultValue={values?.ownerId} error={errors.ownerId} /> : null}
        {canSetPriceList ? (
          <SelectField label="Price list" name="priceListId" defaultValue={values?.priceListId ?? ''} error={errors.priceListId}>
            <option value="">Catalogue prices</option>
            {priceLists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <div>
            <p className="mb-1 text-sm font-medium text-slate-700">Price list</p>
            <p className="py-2 text-sm text-slate-900">{values?.priceListName ?? 'Catalogue prices'}</p>
            <p className="text-xs text-slate-500">Only a manager or an admin can change it.</p>
          </div>
        )}
        <TagsField tags={values?.tags} error={errors.tags} />
        <Field label="Address" name="address" defaultValue={values?.address ?? ''} error={errors.address} className="sm:col-span-2" />
      </Card>
      <SaveOrCancel pending={pending} label={values?.id ? 'Save company' : 'Create company'} />
    </form>
  );
}
