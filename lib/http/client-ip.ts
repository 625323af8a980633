/**
 * How many proxies in front of Keel to trust, from TRUST_PROXY: unset, "0" or "false" trusts none
 * (the socket's address is the client); "true" or "1" trusts one (a single TLS proxy); "N" trusts N.
 */
export function trustedHops(setting: string | undefined): number {
  const v = (setting ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false' || v === 'no') return 0;
  if (v === 'true' || v === 'yes') return 1;
  return /^\d{1,2}$/.test(v) ? Number(v) : 0;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) → "10.0.0.1"; anything not an address → null. */
export function normaliseIp(raw: string | undefined | null): string | null {
  const v = (raw ?? '').trim();
  if (!v || v.length > 64 || !/^[0-9A-Fa-f:.]+$/.test(v)) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  return mapped ? mapped[1] : v.toLowerCase();
}

/**
 * The client's address. Each trusted proxy appends the address it got the request from to
 * X-Forwarded-For, so with N trusted hops the client is the Nth address from the right of
 * [...X-Forwarded-For, socket]: whatever a client writes into the header itself lies further left.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | null {
  const socket = normaliseIp(socketAddress);
  if (hops <= 0) return socket;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress ?? ''];
  const index = chain.length - 1 - hops;
  return normaliseIp(chain[Math.max(0, index)]);
}

/** What the front door passes for a client whose address it could not read. */
export const UNKNOWN_CLIENT = 'unknown';

/** The request header in which the front door (scripts/server.ts) passes the client's address to Next. */
export const CLIENT_IP_HEADER = 'x-keel-client-ip';
