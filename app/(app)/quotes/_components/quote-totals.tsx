'use client';

import { Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import type { DraftLine } from '@/lib/quotes/builder';
import { draftTotals } from '@/lib/quotes/builder';
import { totalsProblem } from '@/lib/quotes/totals';
import { TotalsTable } from '@/components/quotes/totals-table';

/**
 * The builder's totals, recomputed from the lines on every keystroke with the rules the server
 * stores; a total out of range (below zero, above the money bound) is said right under them, as
 * you type and again when the server refuses it.
 */
export function QuoteTotalsPanel({ lines, currency }: { lines: DraftLine[]; currency: string }) {
  const totals = draftTotals(lines);
  // The server refuses with this same rule (lib/quotes/schemas.ts), so the panel's own check is the
  // one shown: it follows the lines as they change, where the server's answer would go stale.
  const problem = totalsProblem(totals);
  return (
    <Card className="self-start p-4 sm:p-5">
      <TotalsTable totals={totals} money={(c) => formatMoney(c, currency)} percent={(bp) => formatScaled(bp, 2)} />
      {problem ? (
        <p role="alert" data-testid="quote-totals-error" className="mt-2 text-sm text-red-600">
          {problem}
        </p>
      ) : null}
    </Card>
  );
}
