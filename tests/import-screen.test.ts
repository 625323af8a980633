import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// The /import screen's upload endpoint and actions against a real migrated database; only the
// session and Next's cache are mocked.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { seedEmptyWorkspace } = await import('@/db/seed');
const { getImportBatch, listImportBatches } = await import('@/db/queries/imports');
const { guessMapping } = await import('@/lib/import/guess');
const { parseImportText } = await import('@/lib/import/parse');
const { IMPORT_MAX_BYTES, NOT_TEXT_MESSAGE, TOO_LARGE_MESSAGE } = await import('@/lib/import/decode');
const route = await import('@/app/api/import/route');
const actions = await import('@/app/(app)/import/actions');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
const manager: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@example.test', role: 'manager' };
const rep: SessionUser = { id: 3, name: 'Ana Rep', email: 'ana@example.test', role: 'rep' };

const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/import', name));
const CSV = 'First Name,Last Name,Email\nAda,Lovelace,ada@example.com\nBad,Row,not-an-email\n';

function post(body: BodyInit | null, query: Record<string, string> = { kind: 'contacts', name: 'people.csv' }, headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/import?${new URLSearchParams(query)}`, {
    method: 'POST',
    body,
    headers: { host: 'localhost', ...headers },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

const batches = () => listImportBatches(db, { limit: 100, offset: 0, includeDrafts: true }, admin).total;

/** A fresh workspace with an admin (id 1), a manager (2) and a rep (3). */
function createDb() {
  const fresh = createTestDb();
  seedEmptyWorkspace(fresh, { name: admin.name, email: admin.email, password: 'password1' });
  fresh.$client.prepare(`insert into users (name, email, password_hash, role) values ('Mia Manager', 'mia@example.test', 'x', 'manager'), ('Ana Rep', 'ana@example.test', 'x', 'rep')`).run();
  return fresh;
}

beforeEach(() => {
  db = createDb();
  session.user = admin;
});

describe('POST /api/import', () => {
  test('signed out is a bare 401 and a rep a bare 403, and nothing is staged', async () => {
    session.user = null;
    const signedOut = await route.POST(post(CSV));
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toBe('');
    session.user = rep;
    const refused = await route.POST(post(CSV));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('');
    expect(batches()).toBe(0);
  });

  test('a request from another site is refused', async () => {
    const response = await route.POST(post(CSV, undefined, { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(batches()).toBe(0);
  });

  test('a body declared over 20 MB is refused before any of it is read', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await route.POST(post(body, undefined, { 'content-length': String(IMPORT_MAX_BYTES + 1) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error: TOO_LARGE_MESSAGE });
    // The stream may be primed once by the Request, never drained.
    expect(pulled).toBeLessThanOrEqual(1);
    expect(batches()).toBe(0);
  });

  test('a body over 20 MB without a length is cut off as soon as it passes the limit', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await route.POST(post(body));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(TOO_LARGE_MESSAGE);
    expect(sent).toBeLessThan(25);
    expect(batches()).toBe(0);
  });

  test('a binary file is refused with the message saying what to do', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const response = await route.POST(post(png, { kind: 'contacts', name: 'photo.png' }));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ ok: false, error: NOT_TEXT_MESSAGE });
    expect(batches()).toBe(0);
  });

  test('an unknown kind is refused', async () => {
    const response = await route.POST(post(CSV, { kind: 'opportunities', name: 'x.csv' }));
    expect(response.status).toBe(400);
    expect(batches()).toBe(0);
  });

  test('a good file is staged as a draft with the guessed mapping', async () => {
    session.user = manager;
    const bytes = fixture('datablist-customers-100.csv');
    const response = await route.POST(post(bytes, { kind: 'contacts', name: 'datablist-customers-100.csv' }));
    expect(response.status).toBe(200);
    const { ok, batchId } = await response.json();
    expect(ok).toBe(true);
    const batch = getImportBatch(db, batchId, admin)!;
    const { headers } = parseImportText(bytes.toString('utf8'));
    expect(batch).toMatchObject({ kind: 'contacts', fileName: 'datablist-customers-100.csv', state: 'draft', totalRows: 100, headers, createdById: manager.id });
    expect(batch.mapping).toEqual(guessMapping('contacts', headers));
  });

  test('a file with the same header gets the mapping chosen last time', async () => {
    const first = (await (await route.POST(post(CSV))).json()).batchId as number;
    const mapping = ['firstName', 'lastName', null];
    expect(await actions.checkImportAction({ batchId: first, mode: 'create_only', mapping })).toMatchObject({ ok: true });
    const second = (await (await route.POST(post(CSV))).json()).batchId as number;
    expect(getImportBatch(db, second, admin)!.mapping).toEqual(mapping);
  });
});

describe('the import actions', () => {
  async function staged(): Promise<number> {
    return (await (await route.POST(post(CSV))).json()).batchId;
  }

  test('a rep and a signed-out caller are refused by every action', async () => {
    const batchId = await staged();
    for (const user of [rep, null]) {
      session.user = user;
      const expected = user ? 'You are not allowed to do that.' : 'Your session has ended. Sign in again.';
      expect(await actions.checkImportAction({ batchId, mode: 'create_update', mapping: ['firstName', 'lastName', 'email'] })).toEqual({ ok: false, error: expected });
      expect(await actions.commitImportAction({ batchId })).toEqual({ ok: false, error: expected });
      expect(await actions.undoImportAction({ batchId })).toEqual({ ok: false, error: expected });
    }
    session.user = admin;
    expect(getImportBatch(db, batchId, admin)!.state).toBe('draft');
  });

  test('check builds the report; confirm queues the import job; a mapping with problems is refused', async () => {
    const batchId = await staged();
    expect(await actions.commitImportAction({ batchId })).toEqual({ ok: false, error: 'Check this import before confirming it.' });
    const twice = await actions.checkImportAction({ batchId, mode: 'create_update', mapping: ['firstName', 'firstName', 'email'] });
    expect(twice.ok).toBe(false);
    const checked = await actions.checkImportAction({ batchId, mode: 'create_update', mapping: ['firstName', 'lastName', 'email'] });
    expect(checked).toMatchObject({ ok: true, data: { create: 1, update: 0, skip: 0, error: 1 } });
    const committed = await actions.commitImportAction({ batchId });
    expect(committed.ok).toBe(true);
    const batch = getImportBatch(db, batchId, admin)!;
    expect(batch.state).toBe('queued');
    expect(batch.job?.id).toBe(committed.ok ? committed.data.jobId : -1);
  });
});
