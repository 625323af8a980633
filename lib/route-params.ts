/** A record id from a URL segment or query value: a positive whole number, else null. */
export function idParam(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
}

/** The shape of an unguessable public link token (base64url), checked before any lookup. */
export const PUBLIC_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
