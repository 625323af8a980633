'use client';

import { useState } from 'react';
import { Field, SelectField } from '@/components/ui/field';
import { PAYMENT_TERMS, type PaymentTerms } from '@/db/schema';
import { PAYMENT_TERM_LABELS } from '@/lib/quotes/status';

type Props = {
  names: { terms: string; text: string };
  initial: { terms: PaymentTerms; text: string };
  errors: { terms?: string; text?: string };
  textLabel: string;
  textClassName?: string;
};

/** Payment terms, and the box to describe them that appears when they are custom. */
export function PaymentTermsFields({ names, initial, errors, textLabel, textClassName }: Props) {
  const [terms, setTerms] = useState<PaymentTerms>(initial.terms);
  return (
    <>
      <SelectField label="Payment terms" name={names.terms} value={terms} onChange={(e) => setTerms(e.target.value as PaymentTerms)} error={errors.terms}>
        {PAYMENT_TERMS.map((t) => (
          <option key={t} value={t}>
            {PAYMENT_TERM_LABELS[t]}
          </option>
        ))}
      </SelectField>
      {terms === 'custom' ? (
        <Field label={textLabel} name={names.text} defaultValue={initial.text} error={errors.text} placeholder="50 % on order, 50 % on delivery" className={textClassName} />
      ) : null}
    </>
  );
}
