'use client';

import { Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import type { DraftLine } from '@/lib/quotes/builder';
import { draftTotals } from '@/lib/quotes/builder';
import { TotalsTable } from '@/components/quotes/totals-table';

/** The builder's totals, recomputed from the lines on every keystroke with the rules the server stores. */
export function QuoteTotalsPanel({ lines, currency }: { lines: DraftLine[]; currency: string }) {
  return (
    <Card className="self-start p-4 sm:p-5">
      <TotalsTable totals={draftTotals(lines)} money={(c) => formatMoney(c, currency)} percent={(bp) => formatScaled(bp, 2)} />
    </Card>
  );
}
