import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_IP_HEADER, clientIp, UNKNOWN_CLIENT } from './client-ip';
import { missLimit, publicKind, requestLimit } from './public-limits';
import type { RateLimit, RateVerdict } from './rate-limit';
import { policyForPath, securityHeaders } from './security-headers';

export type FrontDoorOptions = {
  /** Next's request handler (or anything that answers the request). */
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  /** Counting against shared limits: db/queries/rate-limits.ts in the server. */
  limiter: { hit: (limit: RateLimit) => RateVerdict; peek: (limit: RateLimit) => RateVerdict };
  trustedHops: number;
  https: boolean;
  dev?: boolean;
};

// Headers only a trusted proxy may set; without one, whatever a client sends under these names is a lie.
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

function refuse(res: ServerResponse, retryAfterSec: number) {
  res.statusCode = 429;
  res.setHeader('Retry-After', String(retryAfterSec));
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`Too many requests from your address. Try again in ${retryAfterSec} seconds.\n`);
}

/**
 * Everything every request passes through before Next sees it: the client's address (the socket's,
 * or a trusted proxy's word for it), the security headers and this response's CSP nonce, and the
 * per-address limits of the public endpoints, counting unknown tokens (404s) as guesses.
 */
const HOSTED_FORM_PATH = /^\/f\/[a-z0-9-]{1,60}\/?$/;

export function createFrontDoor(options: FrontDoorOptions) {
  const fixed = securityHeaders({ https: options.https });
  return function frontDoor(req: IncomingMessage, res: ServerResponse) {
    const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.trustedHops) ?? UNKNOWN_CLIENT;
    if (options.trustedHops === 0) for (const h of FORWARDED) delete req.headers[h];
    req.headers[CLIENT_IP_HEADER] = ip;

    const pathname = (req.url ?? '/').split('?')[0];
    const nonce = randomBytes(16).toString('base64');
    // Set here, before Next: a header set now wins over the same header from a route's own Response.
    const csp = policyForPath(pathname, nonce, { dev: options.dev });
    // Next reads the nonce from the request's policy and puts it on the scripts it renders.
    req.headers['content-security-policy'] = csp;
    res.setHeader('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(fixed)) {
      // A hosted web form may be framed by the sites its admin allowed: its policy's frame-ancestors
      // (set per form by proxy.ts, 'none' for an unknown form) decides, and DENY would contradict it.
      if (name === 'X-Frame-Options' && HOSTED_FORM_PATH.test(pathname)) continue;
      res.setHeader(name, value);
    }

    const kind = publicKind(req.method ?? 'GET', pathname);
    if (kind) {
      const guessing = options.limiter.peek(missLimit(ip));
      if (!guessing.ok) return refuse(res, guessing.retryAfterSec);
      const allowed = options.limiter.hit(requestLimit(kind, ip));
      if (!allowed.ok) return refuse(res, allowed.retryAfterSec);
      res.on('finish', () => {
        if (res.statusCode === 404) options.limiter.hit(missLimit(ip));
      });
    }
    return options.handle(req, res);
  };
}
