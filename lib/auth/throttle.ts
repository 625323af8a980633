/**
 * Sign-in throttling, after OWASP ASVS level 1 (V2.2.1): guessing is limited per account and per
 * address together, so that nobody can lock a user out from somewhere else.
 *
 * - pair: 5 failures for one email from one address (since that pair's last success) refuse that
 *   address for that email for 15 minutes; the real user elsewhere still signs in.
 * - address: failures for 10 distinct emails, or 30 failures, from one address in 15 minutes refuse
 *   that address for every email (someone trying many accounts or spraying one password).
 * - account: 100 failures for one email from all addresses in an hour refuse it from everywhere
 *   except addresses that signed in to it successfully in the last 30 days.
 * Only attempts that checked a password count; refused ones do not, so a limit ends on time.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const THROTTLE = {
  pair: { max: 5, windowMs: 15 * MINUTE },
  addressAccounts: { max: 10, windowMs: 15 * MINUTE },
  addressFailures: { max: 30, windowMs: 15 * MINUTE },
  account: { max: 100, windowMs: 60 * MINUTE },
  /** How long a successful sign-in makes an address known to an account (exempt from its cap). */
  knownFor: 30 * DAY,
  /** How long attempts are kept at all; nothing above looks further back. */
  keepFor: 30 * DAY,
} as const;

/** The address recorded when the front door passed none: one bucket shared by all such requests. */
export { UNKNOWN_CLIENT as UNKNOWN_ADDRESS } from '@/lib/http/client-ip';

/**
 * What the queries found, newest first, each list cut at its limit (more rows change nothing):
 * failure times for this email from this address since their last success, for this address, and
 * for this email from anywhere; the latest failure time of each distinct email from this address;
 * and whether this address signed in to this email successfully within `knownFor`.
 */
export type AttemptHistory = {
  pair: number[];
  address: number[];
  addressEmails: number[];
  account: number[];
  knownAddress: boolean;
};

/** With `max` events inside a sliding window, the limit holds until the `max`-th newest leaves it. */
export function heldUntil(times: number[], limit: { max: number; windowMs: number }, now: number): number | null {
  const recent = times.filter((t) => t > now - limit.windowMs).sort((a, b) => b - a);
  return recent.length < limit.max ? null : recent[limit.max - 1] + limit.windowMs;
}

/** When another attempt is allowed, or null when it is allowed now. */
export function throttledUntil(h: AttemptHistory, now: number): number | null {
  const until = [
    heldUntil(h.pair, THROTTLE.pair, now),
    heldUntil(h.addressEmails, THROTTLE.addressAccounts, now),
    heldUntil(h.address, THROTTLE.addressFailures, now),
    h.knownAddress ? null : heldUntil(h.account, THROTTLE.account, now),
  ].filter((t): t is number => t !== null);
  return until.length ? Math.max(...until) : null;
}

export function minutesUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / MINUTE));
}
