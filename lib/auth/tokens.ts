import { createHash, randomBytes } from 'node:crypto';

/** How long a sign-in lasts: the session token and its row in `sessions` expire together. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per session, so a busy page costs no extra writes. */
export const SESSION_TOUCH_MS = 60_000;
/** How long an admin's password reset link works. */
export const RESET_LINK_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: session ids and reset link tokens (43 characters, fits PUBLIC_TOKEN). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a reset token: its SHA-256, so a copy of the database opens no account. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
