// The predicted likelihood that a lead becomes a won deal, without I/O: a naive Bayes model learned
// from the workspace's own converted leads whose deals have closed (won or lost), over four things
// known about a lead from the start: its source, its country, the words of its job title and whether
// its email is a free mail address or a company's. As Odoo's predictive lead scoring does.
//
// Each feature value's likelihood in each class is Laplace-smoothed ((count + 1) / (class + values)),
// so a value seen only among lost leads lowers the odds without zeroing them. A value never seen in
// the history at all carries no evidence and is left out, so it leaves the odds where they were.
// Sums are done in log-odds; the answer is clamped to 1…99 %: naive Bayes is overconfident, and
// the screen must never claim a certainty the history cannot give.
import { emailDomain, foldText, isFreeMailDomain } from '@/lib/customers/normalise';

/** Below this many closed converted leads, or this many of either outcome, there is no prediction. */
export const LIKELIHOOD_MIN_HISTORY = 20;
export const LIKELIHOOD_MIN_EACH_OUTCOME = 5;
export const LIKELIHOOD_FLOOR = 0.01;
export const LIKELIHOOD_CEILING = 0.99;

export type LikelihoodLead = { source: string | null; country: string | null; title: string | null; email: string | null };
export type LikelihoodExample = LikelihoodLead & { won: boolean };

type Counts = { won: number; lost: number };
type Categorical = 'source' | 'country' | 'emailType';
const CATEGORICAL: Categorical[] = ['source', 'country', 'emailType'];

export type LikelihoodModel = {
  won: number;
  lost: number;
  /** Per feature, how many won and lost leads had each value. */
  values: Record<Categorical, Map<string, Counts>>;
  /** How many won and lost leads' titles held each keyword (once per title). */
  keywords: Map<string, Counts>;
};

// Words that say nothing about a person's role, in the languages titles usually come in.
const STOP_WORDS = new Set(
  'a an and at for in of on or the to with de del des du la le les et y e da do das dos der die und fur von zu'.split(' '),
);

/** The lower-cased words of a job title without accents, stop words or repeats: "VP of Sales & Marketing" → vp, sales, marketing. */
export function titleKeywords(title: string | null | undefined): string[] {
  if (!title) return [];
  const words = foldText(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** "free" for a free mail address, "company" for any other address, "none" without one. */
export function emailType(email: string | null | undefined): 'free' | 'company' | 'none' {
  const domain = emailDomain(email ?? null);
  return domain === null ? 'none' : isFreeMailDomain(domain) ? 'free' : 'company';
}

const categoricalValues = (lead: LikelihoodLead): Record<Categorical, string> => ({
  source: lead.source ? foldText(lead.source).trim() : '',
  country: lead.country ? lead.country.trim().toUpperCase() : '',
  emailType: emailType(lead.email),
});

const bump = (map: Map<string, Counts>, key: string, won: boolean) => {
  const c = map.get(key) ?? { won: 0, lost: 0 };
  if (won) c.won++;
  else c.lost++;
  map.set(key, c);
};

/** Whether this many won and lost leads are enough history to predict from. */
export function enoughHistory(won: number, lost: number): boolean {
  return won + lost >= LIKELIHOOD_MIN_HISTORY && won >= LIKELIHOOD_MIN_EACH_OUTCOME && lost >= LIKELIHOOD_MIN_EACH_OUTCOME;
}

/** The model learned from closed converted leads; null when there is not enough history (see above). */
export function trainLikelihood(examples: Iterable<LikelihoodExample>): LikelihoodModel | null {
  const model: LikelihoodModel = { won: 0, lost: 0, values: { source: new Map(), country: new Map(), emailType: new Map() }, keywords: new Map() };
  for (const e of examples) {
    if (e.won) model.won++;
    else model.lost++;
    const values = categoricalValues(e);
    for (const f of CATEGORICAL) bump(model.values[f], values[f], e.won);
    for (const k of titleKeywords(e.title)) bump(model.keywords, k, e.won);
  }
  return enoughHistory(model.won, model.lost) ? model : null;
}

/** log P(x | won) − log P(x | lost) for one Laplace-smoothed count among `outcomes` possible values. */
const logRatio = (c: Counts, model: LikelihoodModel, outcomes: number) => Math.log((c.won + 1) / (model.won + outcomes)) - Math.log((c.lost + 1) / (model.lost + outcomes));

/** The probability, in [0.01, 0.99], that a lead like this one becomes a won deal. */
export function predictLikelihood(model: LikelihoodModel, lead: LikelihoodLead): number {
  let logOdds = Math.log((model.won + 1) / (model.lost + 1));
  const values = categoricalValues(lead);
  for (const f of CATEGORICAL) {
    const seen = model.values[f].get(values[f]);
    if (seen) logOdds += logRatio(seen, model, model.values[f].size);
  }
  // A keyword is there or not (two outcomes); only the words of this lead's title are weighed.
  for (const k of titleKeywords(lead.title)) {
    const seen = model.keywords.get(k);
    if (seen) logOdds += logRatio(seen, model, 2);
  }
  const p = 1 / (1 + Math.exp(-logOdds));
  return Math.min(LIKELIHOOD_CEILING, Math.max(LIKELIHOOD_FLOOR, p));
}
