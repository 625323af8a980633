import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createQuote, getQuote } from '@/db/queries/quotes';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import type { QuotePdfService } from '@/lib/pdf/quote-pdf-service';
import { createQuoteSchema } from '@/lib/quotes/schemas';
import { createTestDb } from './support/db';
import { pdfText } from './support/pdf-text';

// Both PDF routes as Next calls them, with the real renderer process and the cache beside the
// test database; only the session is mocked.

const session: { user: SessionUser | null } = { user: null };
let db: Db;
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('@/db', () => ({ getDb: () => db }));

const { GET: signedIn } = await import('@/app/(app)/quotes/[id]/pdf/route');
const { GET: byToken } = await import('@/app/q/[token]/pdf/route');

let ana: SessionUser;
let draftId: number;
let sentId: number;

const idParams = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const tokenParams = (token: string) => ({ params: Promise.resolve({ token }) });
const request = new Request('http://localhost/pdf');

function makeQuote(title: string): number {
  const fields = createQuoteSchema.parse({ dealId: null, title, validUntil: '2026-12-25', paymentTerms: 'net_30', lines: JSON.stringify([{ description: 'Boards', quantity: '2', unitPrice: '45', tax: '20' }]) });
  return createQuote(db, fields, ana, { currency: 'USD', today: '2026-11-25' }).id;
}

beforeAll(() => {
  db = createTestDb();
  process.env.DATABASE_PATH = db.$client.name;
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  ana = createUser(db, { name: 'Ana Rep', email: 'ana@example.test', role: 'rep', password: 'password1' });
  draftId = makeQuote('Still a draft');
  sentId = makeQuote('Sent to the customer');
  db.$client.prepare(`update quotes set status = 'sent', sent_at = 1, version = version + 1 where id = ?`).run(sentId);
});

afterAll(() => {
  (globalThis as unknown as { keelQuotePdf?: QuotePdfService }).keelQuotePdf?.renderer.close();
});

describe('the signed-in PDF route', () => {
  test('refuses a stranger', async () => {
    session.user = null;
    expect((await signedIn(request, idParams(draftId))).status).toBe(401);
  });

  test('answers 404 for an unknown or malformed id', async () => {
    session.user = ana;
    expect((await signedIn(request, idParams(99_999))).status).toBe(404);
    expect((await signedIn(request, idParams('abc'))).status).toBe(404);
  });

  test('downloads any quote, drafts included, and keeps it in the cache beside the database', async () => {
    session.user = ana;
    const res = await signedIn(request, idParams(draftId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Q-2026-0001.pdf"');
    expect(await pdfText(new Uint8Array(await res.arrayBuffer()))).toContain('Still a draft');
    const cacheDir = path.join(path.dirname(db.$client.name), 'cache', 'pdf');
    expect(fs.readdirSync(cacheDir).filter((f) => f.startsWith(`quote-${draftId}-`))).toHaveLength(1);
  });
});

describe('the public PDF route', () => {
  test('serves a sent quote by its token, to anyone', async () => {
    session.user = null;
    const res = await byToken(request, tokenParams(getQuote(db, sentId)!.publicToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(new Uint8Array(await res.arrayBuffer()))).toContain('Sent to the customer');
  });

  test('never serves a draft, and says nothing about unknown or malformed tokens', async () => {
    session.user = null;
    expect((await byToken(request, tokenParams(getQuote(db, draftId)!.publicToken))).status).toBe(404);
    expect((await byToken(request, tokenParams('x'.repeat(40)))).status).toBe(404);
    expect((await byToken(request, tokenParams('../etc'))).status).toBe(404);
  });
});
