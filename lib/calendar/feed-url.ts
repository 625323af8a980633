// The feed lives at /api/calendar/<secret>.ics; the secret is 43 base64url characters.
const FILE = /^([A-Za-z0-9_-]{32,128})\.ics$/;

export function feedPath(secret: string): string {
  return `/api/calendar/${secret}.ics`;
}

/** The secret from the last path segment, or null when it cannot be one. */
export function secretFromFile(file: string): string | null {
  return FILE.exec(file)?.[1] ?? null;
}
