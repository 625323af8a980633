/**
 * The Content-Security-Policy of every response. Scripts run only with this response's nonce (Next
 * puts it on its own scripts when it finds it in the request's CSP header) and what they load
 * ('strict-dynamic'); styles allow inline attributes because React and the charts set style="…";
 * nothing may frame a page, so a public quote page cannot be overlaid to steal a click on Accept.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Where the workspace logo, an uploaded image, is served (app/api/logo/route.ts). */
export const UPLOADED_IMAGE_PATH = '/api/logo';

/**
 * The policy of an uploaded image instead of the page policy above. An SVG is a document that may
 * hold scripts, links and styles: drawn by an <img> it can do none of that, but opened on its own (a
 * link, a new tab) it would run as a page of this site. Under this policy it only draws itself, with
 * its inline styles, in a sandbox of its own origin, loading nothing. PNG and JPEG lose nothing by it.
 */
export const UPLOADED_IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** The policy for a path: the uploaded-image one for the logo, else the page policy with this nonce. */
export function policyForPath(pathname: string, nonce: string, options: { dev?: boolean } = {}): string {
  return pathname === UPLOADED_IMAGE_PATH ? UPLOADED_IMAGE_CSP : contentSecurityPolicy(nonce, options);
}

/**
 * The other headers every response carries. HSTS only when Keel is served over HTTPS (PUBLIC_URL
 * starts with https://): sent over plain HTTP it would be ignored at best and lock a box out at worst.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    // Public links carry their token in the path: never hand it to another site as a referrer.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Whether PUBLIC_URL says the app is reached over HTTPS (behind a TLS proxy). */
export function servedOverHttps(publicUrl: string | undefined): boolean {
  return /^https:\/\//i.test((publicUrl ?? '').trim());
}
