// The feed lives at /api/calendar/<secret>.ics; the secret is 43 base64url characters.
const FILE = /^([A-Za-z0-9_-]{32,128})\.ics$/;

export function feedPath(secret: string): string {
  return `/api/calendar/${secret}.ics`;
}

/** The secret from the last path segment, or null when it cannot be one. */
export function secretFromFile(file: string): string | null {
  return FILE.exec(file)?.[1] ?? null;
}

/**
 * The origin for links Keel hands out: PUBLIC_URL when set, else the one the user reached us on. The
 * forwarded headers are there only when TRUST_PROXY trusts a proxy: the front door drops them otherwise.
 */
export function requestOrigin(headers: Headers, publicUrl: string | undefined = process.env.PUBLIC_URL): string {
  if (publicUrl && URL.canParse(publicUrl)) return new URL(publicUrl).origin;
  const host = headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host') || 'localhost';
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0].trim();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${proto}://${host}`;
}
