import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getDealDetail } from '@/db/queries/deal-detail';
import { getCompanyPriceList } from '@/db/queries/price-lists';
import { getWorkspace, workspaceToday } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { formatScaled } from '@/lib/numbers';
import { defaultValidUntil } from '@/lib/quotes/status';
import { idParam } from '@/lib/route-params';
import { QuoteBuilder } from '../_components/quote-builder';

export const metadata: Metadata = { title: 'New quote' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The builder for a new quote; from a deal ("Create quote"), its company and contact come filled in.
 * Valid-until, payment terms and the tax rate of new lines start from the workspace settings.
 */
export default async function NewQuotePage({ searchParams }: Props) {
  const user = await requireUser();
  const db = getDb();
  const ws = getWorkspace(db);
  const dealId = idParam((await searchParams).deal);
  const deal = dealId ? getDealDetail(db, dealId, user) : null;
  const priceList = getCompanyPriceList(db, deal?.companyId ?? null)?.name ?? null;
  return (
    <>
      <PageHeader title="New quote" description={deal ? `For the deal “${deal.title}”. The number is given when you save.` : 'The number is given when you save.'} />
      <QuoteBuilder
        currency={ws.currency}
        defaultTax={formatScaled(ws.defaultTaxRateBp, 2)}
        priceListName={priceList}
        initial={{
          quoteId: null,
          version: null,
          dealId: deal?.id ?? null,
          title: deal?.title ?? '',
          company: deal?.companyId ? { id: deal.companyId, label: deal.companyName ?? '' } : null,
          contact: deal?.contactId ? { id: deal.contactId, label: deal.contactName ?? '' } : null,
          validUntil: defaultValidUntil(workspaceToday(db).today, ws.quoteValidityDays),
          paymentTerms: ws.defaultPaymentTerms,
          paymentTermsText: ws.defaultPaymentTermsText,
          notes: '',
          terms: '',
          lines: [],
        }}
      />
    </>
  );
}
