import { describe, expect, test } from 'vitest';
import { describeRule, fitMatches, scoreLead, type FitRule, type ScoringRule } from './scoring';

const fit = (field: FitRule['field'], operator: FitRule['operator'], value: string | null, points = 10, id = 1): FitRule => ({ id, kind: 'fit', field, operator, value, points });

const DAY = 24 * 3_600_000;
const MONTH = 30 * DAY;
const now = Date.UTC(2026, 11, 3, 12);

describe('fitMatches', () => {
  test.each([
    // contains: any case, any accents, part of a word
    ['contains', 'title', 'director', 'Sales Director', true],
    ['contains', 'title', 'DIRECTOR', 'sales director', true],
    ['contains', 'title', 'director', 'Directora comercial', true],
    ['contains', 'title', 'gerente general', 'Gérente Général', true],
    ['contains', 'title', 'président', 'President & CEO', true],
    ['contains', 'title', 'vp', 'Head of Sales', false],
    ['contains', 'title', 'vp', null, false],
    ['contains', 'title', '', 'anything', false],
    ['contains', 'title', '   ', 'anything', false],
    ['contains', 'company_name', 'straße', 'Hauptstrasse GmbH', true],
    // equals / not equals: the whole value, trimmed, without case or accents
    ['equals', 'country', 'DE', 'de', true],
    ['equals', 'country', 'de', ' DE ', true],
    ['equals', 'country', 'DE', 'AT', false],
    ['equals', 'country', 'DE', null, false],
    ['equals', 'source', 'Trade show', 'trade SHOW', true],
    ['equals', 'company_name', 'Ørsted', 'orsted', true],
    ['not_equals', 'country', 'DE', 'AT', true],
    ['not_equals', 'country', 'DE', 'de', false],
    ['not_equals', 'country', 'DE', null, true],
    // filled in / blank: blank is missing or only spaces
    ['is_set', 'company_name', null, 'Acme', true],
    ['is_set', 'company_name', null, '   ', false],
    ['is_set', 'company_name', null, null, false],
    ['is_not_set', 'phone', null, null, true],
    ['is_not_set', 'phone', null, '', true],
    ['is_not_set', 'phone', null, '+49 30 1234', false],
    // free mail: the email's domain, in any case and form
    ['is_free_mail', 'email', null, 'ann@gmail.com', true],
    ['is_free_mail', 'email', null, 'Ann <ANN@GMAIL.COM>', true],
    ['is_free_mail', 'email', null, 'ann@yahoo.co.uk', true],
    ['is_free_mail', 'email', null, 'ann@web.de', true],
    ['is_free_mail', 'email', null, 'ann@acme.com', false],
    ['is_free_mail', 'email', null, 'ann@gmail.example.org', false],
    ['is_free_mail', 'email', null, 'not an email', false],
    ['is_free_mail', 'email', null, null, false],
    ['is_free_mail', 'website', null, 'https://www.gmail.com/', true],
    ['is_free_mail', 'website', null, 'acme.com', false],
  ] as const)('%s %s %j on %j: %s', (operator, field, value, leadValue, expected) => {
    expect(fitMatches(fit(field, operator, value), { [field]: leadValue })).toBe(expected);
  });

  test('an operator the code does not know never matches', () => {
    expect(fitMatches({ ...fit('title', 'contains', 'x'), operator: 'starts_with' as never }, { title: 'x' })).toBe(false);
  });
});

describe('describeRule', () => {
  test.each([
    [fit('title', 'contains', 'director'), 'Job title contains “director”'],
    [fit('email', 'is_free_mail', null), 'Email is a free mail address'],
    [fit('company_name', 'is_set', null), 'Company is filled in'],
    [fit('country', 'not_equals', 'US'), 'Country is not “US”'],
    [{ id: 9, kind: 'engagement', event: 'submission', points: 10 } as ScoringRule, 'Each form submission'],
  ])('%j reads %j', (rule, text) => expect(describeRule(rule)).toBe(text));
});

describe('scoreLead', () => {
  const rules: ScoringRule[] = [
    fit('title', 'contains', 'director', 15, 1),
    fit('email', 'is_free_mail', null, -10, 2),
    fit('company_name', 'is_set', null, 5, 3),
    { id: 4, kind: 'engagement', event: 'submission', points: 10 },
    { id: 5, kind: 'engagement', event: 'call', points: 5 },
    { id: 6, kind: 'engagement', event: 'meeting', points: -3 },
  ];

  test('no rules, no lead data: nothing', () => {
    expect(scoreLead({}, [], [], { now, decayPct: 0 })).toEqual({ fit: 0, engagement: 0, total: 0, reasons: [] });
  });

  test('fit rules give their points once each, negative ones take away; reasons biggest first, then by rule', () => {
    const score = scoreLead({ title: 'Finance Director', email: 'x@gmail.com', company_name: 'Acme' }, [], rules, { now, decayPct: 0 });
    expect(score).toEqual({
      fit: 10,
      engagement: 0,
      total: 10,
      reasons: [
        { ruleId: 1, label: 'Job title contains “director”', points: 15 },
        { ruleId: 2, label: 'Email is a free mail address', points: -10 },
        { ruleId: 3, label: 'Company is filled in', points: 5 },
      ],
    });
  });

  test('a score may be negative', () => {
    expect(scoreLead({ email: 'x@gmail.com' }, [{ event: 'meeting', at: now }], rules, { now, decayPct: 0 }).total).toBe(-13);
  });

  test('equal points keep the rules’ order', () => {
    const same: ScoringRule[] = [fit('country', 'equals', 'DE', 5, 7), fit('company_name', 'is_set', null, -5, 3), { id: 5, kind: 'engagement', event: 'call', points: 5 }];
    const score = scoreLead({ country: 'DE', company_name: 'A' }, [{ event: 'call', at: now }], same, { now, decayPct: 0 });
    expect(score.reasons.map((r) => r.ruleId)).toEqual([3, 5, 7]);
  });

  test('each engagement counts, without decay whatever its age', () => {
    const engagements = [
      { event: 'submission' as const, at: now - 400 * DAY },
      { event: 'submission' as const, at: now },
      { event: 'call' as const, at: now - DAY },
      { event: 'note' as const, at: now },
    ];
    const score = scoreLead({}, engagements, rules, { now, decayPct: 0 });
    expect(score).toMatchObject({ fit: 0, engagement: 25, total: 25 });
    expect(score.reasons).toEqual([
      { ruleId: 4, label: 'Each form submission', points: 20 },
      { ruleId: 5, label: 'Each logged call', points: 5 },
    ]);
  });

  test.each([
    // decay %, age of one +10 submission, points left
    [20, 0, 10],
    [20, 29 * DAY, 10], // not yet a whole month
    [20, MONTH, 8],
    [20, 2 * MONTH, 6], // 6.4
    [20, 3 * MONTH + DAY, 5], // 5.12
    [20, 12 * MONTH, 1], // 0.69
    [20, 24 * MONTH, 0], // 0.047: gone, and no reason listed
    [50, MONTH, 5],
    [100, MONTH, 0],
    [100, 0, 10],
    [0, 60 * MONTH, 10],
    [-5, MONTH, 10], // out of range is clamped to 0…100
    [150, MONTH, 0],
    [20, -MONTH, 10], // a date in the future does not grow
  ])('decay %i%% a month, an engagement %i ms old keeps %i points', (decayPct, age, points) => {
    const score = scoreLead({}, [{ event: 'submission', at: now - age }], rules, { now, decayPct });
    expect(score.engagement).toBe(points);
    expect(score.total).toBe(points);
    expect(score.reasons.map((r) => r.points)).toEqual(points === 0 ? [] : [points]);
  });

  test('decay leaves fit points alone, and fades each engagement by its own age', () => {
    const engagements = [
      { event: 'submission' as const, at: now - 2 * MONTH }, // 10 × 0.5² = 2.5
      { event: 'submission' as const, at: now }, // 10
      { event: 'call' as const, at: now - MONTH }, // 5 × 0.5 = 2.5
    ];
    const score = scoreLead({ title: 'Director' }, engagements, rules, { now, decayPct: 50 });
    expect(score.fit).toBe(15);
    expect(score.engagement).toBe(15); // 12.5 + 2.5
    expect(score.total).toBe(30);
  });

  test('the engagement total is rounded once, so its reasons may each be rounded differently', () => {
    const engagements = [
      { event: 'submission' as const, at: now - MONTH }, // 10 × 0.85 = 8.5
      { event: 'call' as const, at: now - MONTH }, // 5 × 0.85 = 4.25
    ];
    const score = scoreLead({}, engagements, rules, { now, decayPct: 15 });
    expect(score.engagement).toBe(13); // 12.75
    expect(score.reasons.map((r) => r.points)).toEqual([9, 4]);
  });

  test('inactive rules are simply not passed: an engagement with no rule counts nothing', () => {
    expect(scoreLead({}, [{ event: 'email', at: now }], rules, { now, decayPct: 0 }).total).toBe(0);
  });
});
