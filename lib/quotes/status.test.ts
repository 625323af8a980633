import { describe, expect, test } from 'vitest';
import { defaultValidUntil, effectiveStatus, formatQuoteNumber, paymentTermsText, quoteLabel, responseBlock } from './status';

describe('numbers and labels', () => {
  test.each([
    [2026, 1, 'Q-2026-0001'], [2026, 42, 'Q-2026-0042'], [2027, 9999, 'Q-2027-9999'], [2027, 10000, 'Q-2027-10000'],
  ])('%s #%s → %s', (year, seq, text) => expect(formatQuoteNumber(year, seq)).toBe(text));

  test.each([
    ['Q-2026-0001', 1, 'Q-2026-0001'], ['Q-2026-0001', 2, 'Q-2026-0001-v2'], ['Q-2026-0001', 11, 'Q-2026-0001-v11'],
  ])('%s revision %s → %s', (n, r, text) => expect(quoteLabel(n, r)).toBe(text));

  test.each([
    ['2028-02-10', 30, '2028-03-11'], // across a leap day
    ['2026-12-15', 30, '2027-01-14'], // across the year's end
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-25', 365, '2027-11-25'],
  ])('%s valid for %i days → %s', (today, days, until) => expect(defaultValidUntil(today, days)).toBe(until));
});

describe('status', () => {
  test.each([
    ['sent', '2026-11-30', '2026-11-30', 'sent'],
    ['sent', '2026-11-30', '2026-12-01', 'expired'],
    ['draft', '2026-11-30', '2026-12-01', 'draft'],
    ['accepted', '2026-11-30', '2027-01-01', 'accepted'],
    ['declined', '2026-11-30', '2027-01-01', 'declined'],
  ] as const)('%s until %s, seen on %s → %s', (status, validUntil, today, expected) => expect(effectiveStatus({ status, validUntil }, today)).toBe(expected));

  test.each([
    [{ status: 'sent', validUntil: '2026-12-01', supersededById: null }, null],
    [{ status: 'sent', validUntil: '2026-11-01', supersededById: null }, 'expired'],
    [{ status: 'sent', validUntil: '2026-12-01', supersededById: 9 }, 'superseded'],
    [{ status: 'draft', validUntil: '2026-12-01', supersededById: null }, 'not-sent'],
    [{ status: 'accepted', validUntil: '2026-12-01', supersededById: null }, 'answered'],
  ] as const)('%j → %s', (q, block) => expect(responseBlock(q, '2026-11-25')).toBe(block));
});

test.each([
  ['net_30', null, 'Net 30'], ['due_on_receipt', null, 'Due on receipt'], ['custom', ' 50 % upfront ', '50 % upfront'], ['custom', '', 'As agreed'],
] as const)('payment terms %s %j → %s', (terms, custom, text) => expect(paymentTermsText(terms, custom)).toBe(text));
