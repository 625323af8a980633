import type { RateLimit } from './rate-limit';

/**
 * What a stranger can reach without signing in, and how often one address may reach it. Public links
 * are found by unguessable tokens; the limits make guessing pointless and keep the expensive parts
 * (PDFs, password hashing) from being used to slow the box down. Figures are per address.
 */
export type PublicKind = 'quote-page' | 'quote-pdf' | 'quote-answer' | 'calendar' | 'sign-in' | 'password-reset';

const MINUTE = 60_000;

export const PUBLIC_LIMITS: Record<PublicKind, { max: number; windowMs: number }> = {
  'quote-page': { max: 120, windowMs: MINUTE },
  // A render costs seconds of CPU the first time (cached after): a customer needs a handful.
  'quote-pdf': { max: 20, windowMs: 10 * MINUTE },
  // Accept and decline are server-action POSTs to the quote's page.
  'quote-answer': { max: 20, windowMs: 10 * MINUTE },
  'calendar': { max: 120, windowMs: 10 * MINUTE },
  // A flood guard only: each attempt hashes a password (~50 ms of CPU), so this caps what one address
  // can make the box spend at about 5 % of a core. Guessing is throttled per account and address in
  // lib/auth/throttle.ts; a team behind one office address signs in far less often than this.
  'sign-in': { max: 300, windowMs: 5 * MINUTE },
  'password-reset': { max: 30, windowMs: 10 * MINUTE },
};

/** Unknown tokens answered per address before every public link refuses that address for a while. */
export const MISS_LIMIT = { max: 20, windowMs: 10 * MINUTE };

/** Which public endpoint a request is for, or null for everything that needs a session anyway. */
export function publicKind(method: string, pathname: string): PublicKind | null {
  if (/^\/q\/[^/]+\/pdf\/?$/.test(pathname)) return 'quote-pdf';
  if (/^\/q\/[^/]+\/?$/.test(pathname)) return method === 'POST' ? 'quote-answer' : 'quote-page';
  if (pathname.startsWith('/api/calendar/')) return 'calendar';
  if (method === 'POST' && pathname === '/api/auth/callback/credentials') return 'sign-in';
  if (pathname.startsWith('/reset/')) return 'password-reset';
  return null;
}

export function requestLimit(kind: PublicKind, ip: string): RateLimit {
  return { key: `public:${kind}:${ip}`, ...PUBLIC_LIMITS[kind] };
}

export function missLimit(ip: string): RateLimit {
  return { key: `public-miss:${ip}`, ...MISS_LIMIT };
}
