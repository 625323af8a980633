import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { pricingFor } from '@/db/queries/price-lists';
import { listQuoteLines } from '@/db/queries/quotes';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { formatScaled } from '@/lib/numbers';
import { draftFromStored } from '@/lib/quotes/builder';
import { quoteLabel } from '@/lib/quotes/status';
import { loadQuote } from '../../_components/load';
import { QuoteBuilder } from '../../_components/quote-builder';

export const metadata: Metadata = { title: 'Edit quote' };

type Props = { params: Promise<{ id: string }> };

export default async function EditQuotePage({ params }: Props) {
  const { user, quote: q } = await loadQuote((await params).id);
  if (!q) notFound();
  // Only drafts change; a sent quote is revised into a new version from its page.
  if (q.status !== 'draft' || (!seesEveryone(user.role) && q.ownerId !== user.id)) redirect(`/quotes/${q.id}`);
  const db = getDb();
  const rows = listQuoteLines(db, q.id);
  const ws = getWorkspace(db);
  const pricing = pricingFor(db, rows.flatMap((r) => (r.productId ? [r.productId] : [])), q.priceListId);
  return (
    <>
      <PageHeader title={`Edit ${quoteLabel(q.number, q.revision)}`} description="A draft: change anything, then save. Sending freezes it." />
      <QuoteBuilder
        currency={ws.currency}
        defaultTax={formatScaled(ws.defaultTaxRateBp, 2)}
        priceListName={q.priceListName}
        initial={{
          quoteId: q.id,
          version: q.version,
          dealId: q.dealId,
          title: q.title,
          company: q.companyId ? { id: q.companyId, label: q.companyName ?? '' } : null,
          contact: q.contactId ? { id: q.contactId, label: q.contactName ?? '' } : null,
          validUntil: q.validUntil,
          paymentTerms: q.paymentTerms,
          paymentTermsText: q.paymentTermsText ?? '',
          notes: q.notes ?? '',
          terms: q.terms ?? '',
          lines: rows.map((r) => draftFromStored(r, r.productId ? (pricing.get(r.productId) ?? null) : null)),
        }}
      />
    </>
  );
}
