import { describe, expect, test } from 'vitest';
import {
  emailType, enoughHistory, LIKELIHOOD_CEILING, LIKELIHOOD_FLOOR, LIKELIHOOD_MIN_EACH_OUTCOME, LIKELIHOOD_MIN_HISTORY, predictLikelihood, titleKeywords, trainLikelihood,
  type LikelihoodExample, type LikelihoodLead,
} from './bayes';

const lead = (over: Partial<LikelihoodLead> = {}): LikelihoodLead => ({ source: 'Website form', country: 'DE', title: 'Sales Manager', email: 'ann@acme.com', ...over });
const examples = (n: number, won: boolean, over: Partial<LikelihoodLead> = {}): LikelihoodExample[] => Array.from({ length: n }, () => ({ ...lead(over), won }));

/** Ten won and ten lost leads alike in everything: the history says nothing but "half are won". */
const even = () => [...examples(10, true), ...examples(10, false)];

describe('title keywords and email type', () => {
  test.each([
    ['VP of Sales & Marketing', ['vp', 'sales', 'marketing']],
    ['  Directeur Général  ', ['directeur', 'general']],
    ['Head of IT / IT-Security', ['head', 'it', 'security']],
    ['CEO, CFO and the C-suite', ['ceo', 'cfo', 'suite']],
    ['a', []],
    ['', []],
    [null, []],
  ])('%j → %j', (title, words) => expect(titleKeywords(title)).toEqual(words));

  test.each([
    ['ann@gmail.com', 'free'],
    ['ANN@Yahoo.co.uk', 'free'],
    ['ann@acme.com', 'company'],
    ['not an email', 'none'],
    [null, 'none'],
  ] as const)('%j is %s', (email, type) => expect(emailType(email)).toBe(type));
});

describe('how much history is enough', () => {
  test.each([
    [0, 0, false],
    [10, 9, false], // 19 in all
    [10, 10, true],
    [LIKELIHOOD_MIN_HISTORY - LIKELIHOOD_MIN_EACH_OUTCOME, LIKELIHOOD_MIN_EACH_OUTCOME, true],
    [LIKELIHOOD_MIN_EACH_OUTCOME - 1, 100, false],
    [100, LIKELIHOOD_MIN_EACH_OUTCOME - 1, false],
  ])('%i won and %i lost: %s', (won, lost, enough) => {
    expect(enoughHistory(won, lost)).toBe(enough);
    expect(trainLikelihood([...examples(won, true), ...examples(lost, false)]) !== null).toBe(enough);
  });

  test('no history at all is no model', () => expect(trainLikelihood([])).toBeNull());
});

describe('predictions', () => {
  test('history alike in everything gives the base rate', () => {
    expect(predictLikelihood(trainLikelihood(even())!, lead())).toBeCloseTo(0.5, 10);
    const mostlyWon = trainLikelihood([...examples(30, true), ...examples(10, false)])!;
    // The Laplace-smoothed prior, 31 / 42; the title's words, smoothed over two outcomes, tilt it a little.
    expect(predictLikelihood(mostlyWon, lead({ title: null }))).toBeCloseTo(31 / 42, 10);
    expect(predictLikelihood(mostlyWon, lead())).toBeCloseTo(31 / 42, 1);
  });

  test.each([
    ['source', { source: 'Referral' }],
    ['country', { country: 'FR' }],
    ['title keyword', { title: 'VP Sales' }],
    ['email type', { email: 'ann@gmail.com' }],
  ] as const)('a %s strongly tied to won deals raises the likelihood; tied to lost ones, lowers it', (_what, feature) => {
    const history = [...even(), ...examples(8, true, feature), ...examples(1, false, feature)];
    const model = trainLikelihood(history)!;
    const base = predictLikelihood(model, lead());
    const withIt = predictLikelihood(model, lead(feature));
    expect(withIt).toBeGreaterThan(base + 0.1);
    const flipped = trainLikelihood([...even(), ...examples(1, true, feature), ...examples(8, false, feature)])!;
    expect(predictLikelihood(flipped, lead(feature))).toBeLessThan(predictLikelihood(flipped, lead()) - 0.1);
  });

  test('the source and country are read without case or accents', () => {
    const model = trainLikelihood([...even(), ...examples(8, true, { source: 'Salon Métiers', country: 'fr' }), ...examples(1, false, { source: 'Salon Métiers', country: 'fr' })])!;
    expect(predictLikelihood(model, lead({ source: 'salon metiers', country: 'FR' }))).toBeCloseTo(predictLikelihood(model, lead({ source: 'Salon Métiers', country: 'fr' })), 12);
  });

  test('smoothing keeps values never seen neutral, and one seen only among lost leads short of zero', () => {
    const model = trainLikelihood([...even(), ...examples(3, true), ...examples(3, false, { source: 'Cold outreach' })])!;
    const base = predictLikelihood(model, lead());
    const unseen = predictLikelihood(model, lead({ source: 'A source nobody used', country: 'JP', title: 'Chief Llama Officer', email: null }));
    // Only the title's "officer"… none of it was seen: the answer is the prior alone.
    expect(unseen).toBeCloseTo((model.won + 1) / (model.won + model.lost + 2), 12);
    expect(base).not.toBeCloseTo(unseen, 3);
    const onlyLost = predictLikelihood(model, lead({ source: 'Cold outreach' }));
    expect(onlyLost).toBeGreaterThan(0);
    expect(onlyLost).toBeLessThan(base);
  });

  test('an empty value is a value like any other (leads without a source)', () => {
    const model = trainLikelihood([...even(), ...examples(8, true, { source: null }), ...examples(1, false, { source: null })])!;
    expect(predictLikelihood(model, lead({ source: null }))).toBeGreaterThan(predictLikelihood(model, lead()));
    expect(predictLikelihood(model, lead({ source: '' }))).toBe(predictLikelihood(model, lead({ source: null })));
  });

  test('probabilities stay inside (0, 1), clamped to 1…99 %, however one-sided the history', () => {
    const won = { source: 'Referral', country: 'CH', title: 'Chief Executive Officer Founder', email: 'x@corp.ch' };
    const lost = { source: 'Cold outreach', country: 'US', title: 'Student Intern Assistant', email: 'x@gmail.com' };
    const model = trainLikelihood([...examples(500, true, won), ...examples(500, false, lost)])!;
    const high = predictLikelihood(model, lead(won));
    const low = predictLikelihood(model, lead(lost));
    expect(high).toBe(LIKELIHOOD_CEILING);
    expect(low).toBe(LIKELIHOOD_FLOOR);
    for (const p of [high, low, predictLikelihood(model, lead())]) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });
});
