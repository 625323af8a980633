import { expect, test } from 'vitest';
import { describeQuoteEvent } from './describe';

const e = { userName: null, byName: null, ip: null, detail: null };
test.each([
  [{ ...e, kind: 'created', userName: 'Ana' }, 'Created by Ana'],
  [{ ...e, kind: 'created', userName: 'Ana', detail: 'Revision of Q-2026-0001' }, 'Revision of Q-2026-0001 by Ana'],
  [{ ...e, kind: 'sent', userName: 'Ana' }, 'Sent by Ana'],
  [{ ...e, kind: 'revised', userName: 'Ana', detail: 'Q-2026-0001-v2' }, 'Revised as Q-2026-0001-v2 by Ana'],
  [{ ...e, kind: 'accepted', byName: 'Jo Customer', ip: '203.0.113.9' }, 'Accepted by Jo Customer from 203.0.113.9'],
  [{ ...e, kind: 'declined', detail: 'Too dear' }, 'Declined by the customer: “Too dear”'],
  [{ ...e, kind: 'declined' }, 'Declined by the customer'],
])('%j → %s', (event, text) => expect(describeQuoteEvent(event)).toBe(text));
