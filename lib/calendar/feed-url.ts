// The feed lives at /api/calendar/<secret>.ics; the secret is 43 base64url characters.
const FILE = /^([A-Za-z0-9_-]{32,128})\.ics$/;

export function feedPath(secret: string): string {
  return `/api/calendar/${secret}.ics`;
}

/** The secret from the last path segment, or null when it cannot be one. */
export function secretFromFile(file: string): string | null {
  return FILE.exec(file)?.[1] ?? null;
}

/** The origin the user reached us on, from the request headers (a proxy's forwarded ones first). */
export function requestOrigin(headers: Headers): string {
  const host = headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host') || 'localhost';
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0].trim();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${proto}://${host}`;
}
