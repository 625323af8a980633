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
