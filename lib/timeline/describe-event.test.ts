import { expect, test } from 'vitest';
import { describeDealEvent } from './describe-event';

test.each([
  [{ kind: 'created', fromValue: null, toValue: '123450' }, 'deal', 'Deal created at $1,234.50'],
  [{ kind: 'won', fromValue: 'open', toValue: 'won' }, 'won', 'Marked won'],
  [{ kind: 'lost', fromValue: 'open', toValue: 'Price too high' }, 'lost', 'Marked lost: Price too high'],
  [{ kind: 'reopened', fromValue: 'lost', toValue: 'open' }, 'change', 'Reopened (was lost)'],
  [{ kind: 'owner', fromValue: '3', toValue: '4', fromName: 'Ana', toName: 'Ben' }, 'change', 'Owner changed from Ana to Ben'],
  [{ kind: 'value', fromValue: '100', toValue: '250' }, 'change', 'Value changed from $1.00 to $2.50'],
  [{ kind: 'close_date', fromValue: null, toValue: '2026-12-31' }, 'change', 'Expected close moved from no date to Dec 31, 2026'],
  [{ kind: 'probability', fromValue: null, toValue: '1250' }, 'change', "Probability changed from the stage's probability to 12.5%"],
])('%j', (event, type, title) => expect(describeDealEvent(event, 'USD')).toEqual({ type, title }));
