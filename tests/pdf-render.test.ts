import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { loadQuotePdf } from '@/db/queries/quote-pdf';
import { createQuote, getQuote, updateQuote } from '@/db/queries/quotes';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { createQuotePdfService, type QuotePdfService } from '@/lib/pdf/quote-pdf-service';
import { createPdfRenderer } from '@/lib/pdf/renderer-process';
import { createQuoteSchema } from '@/lib/quotes/schemas';
import { createTestDb } from './support/db';
import { pdfText } from './support/pdf-text';

// The real renderer process (scripts/pdf-renderer.ts under tsx) renders every PDF here: no mocks.

const WORDS =
  'Supply and installation of modular shelving including brackets, anchors, levelling feet and end panels; site survey, delivery to the loading bay, assembly by two fitters, removal of packaging and a walkthrough with the facilities manager; five years of warranty on parts'.split(' ');
const longDescription = (i: number) => {
  const words: string[] = [`Line ${i + 1}:`];
  for (let k = i; words.join(' ').length < 600; k++) words.push(WORDS[k % WORDS.length]);
  return words.join(' ');
};

let db: Db;
let ana: SessionUser;
let service: QuotePdfService;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-pdf-'));
  dirs.push(dir);
  return dir;
};

function quoteFields(title: string, lineCount: number) {
  const lines = Array.from({ length: lineCount }, (_, i) =>
    i % 25 === 0 ? { kind: 'section', description: `Section ${i / 25 + 1}` } : { description: longDescription(i), quantity: String(i + 1), unitPrice: '123.45', discount: i % 2 ? '5' : '0', tax: '20' },
  );
  return createQuoteSchema.parse({ dealId: null, title, validUntil: '2026-12-25', paymentTerms: 'net_30', lines: JSON.stringify(lines) });
}

function makeQuote(title: string, lineCount = 3): number {
  return createQuote(db, quoteFields(title, lineCount), ana, { currency: 'USD', today: '2026-11-25' }).id;
}

const pdfOf = (id: number) => loadQuotePdf(db, getQuote(db, id)!);
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
// pdfjs takes over (detaches) the buffer it reads: give it a copy.
const textOf = (pdf: Uint8Array) => pdfText(pdf.slice());

beforeAll(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  db.$client.prepare(`update workspace set name = 'Harbor & Pine Supply' where id = 1`).run();
  ana = createUser(db, { name: 'Ana Rep', email: 'ana@example.test', role: 'rep', password: 'password1' });
  service = createQuotePdfService({ cacheDir: tempDir() });
});

afterAll(() => {
  service.renderer.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('quote PDFs from the renderer process', () => {
  test('are rendered in another process, then served from the cache without rendering again', async () => {
    const id = makeQuote('Fit-out, phase 1');
    const first = await service.respond(pdfOf(id));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="Q-2026-0001.pdf"');
    const pdf = await bytes(first);
    const text = await textOf(pdf);
    for (const expected of ['Harbor & Pine Supply', 'Q-2026-0001', 'Fit-out, phase 1', 'Section 1', 'Line 2:', 'Page 1']) expect(text).toContain(expected);
    expect(service.renderer.pid()).toBeTypeOf('number');
    expect(service.renderer.pid()).not.toBe(process.pid);
    expect(service.renderer.renders()).toBe(1);

    const again = await service.respond(pdfOf(id));
    expect(again.status).toBe(200);
    expect(await bytes(again)).toEqual(pdf);
    expect(service.renderer.renders()).toBe(1);
  });

  test('a saved change (a new version) gives a new PDF; the old version stays cached', async () => {
    const id = makeQuote('Before the change');
    await service.respond(pdfOf(id));
    const renders = service.renderer.renders();
    const { version } = getQuote(db, id)!;
    updateQuote(db, id, version, quoteFields('After the change', 3), ana, Date.now() + 1000);
    const text = await textOf(await bytes(await service.respond(pdfOf(id))));
    expect(text).toContain('After the change');
    expect(text).not.toContain('Before the change');
    expect(service.renderer.renders()).toBe(renders + 1);
  });

  test('a renamed workspace gives a new PDF of the same quote version', async () => {
    const id = makeQuote('Rename me');
    await service.respond(pdfOf(id));
    db.$client.prepare(`update workspace set name = 'Harbor & Pine Ltd' where id = 1`).run();
    try {
      const text = await textOf(await bytes(await service.respond(pdfOf(id))));
      expect(text).toContain('Harbor & Pine Ltd');
    } finally {
      db.$client.prepare(`update workspace set name = 'Harbor & Pine Supply' where id = 1`).run();
    }
  });

  test('two requests for the same version while it renders share one render', async () => {
    const id = makeQuote('Asked twice');
    const renders = service.renderer.renders();
    const [a, b] = await Promise.all([service.respond(pdfOf(id)), service.respond(pdfOf(id))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await bytes(a)).toEqual(await bytes(b));
    expect(service.renderer.renders()).toBe(renders + 1);
  });

  test('the calling process stays responsive while a 200-line quote renders', async () => {
    const id = makeQuote('Two hundred lines', 200);
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 50);
    const started = performance.now();
    const res = await service.respond(pdfOf(id));
    const took = performance.now() - started;
    clearInterval(timer);
    expect(res.status).toBe(200);
    const text = await textOf(await bytes(res));
    expect(text).toContain('Line 200:');
    expect(text).toContain('Page 20');
    // The render takes seconds; the loop here kept ticking all along (a render in this process
    // would have stopped it for the whole render).
    expect(took).toBeGreaterThan(1000);
    expect(longestGap).toBeLessThan(1000);
    expect(ticks).toBeGreaterThan(took / 50 / 4);
  });

  test('beyond the queue, a request is answered 503 with Retry-After instead of waiting', async () => {
    const busy = createQuotePdfService({ cacheDir: tempDir(), renderer: service.renderer, policy: { concurrency: 1, maxWaiting: 1, retryAfterSeconds: 15 } });
    const ids = [makeQuote('Queue one', 50), makeQuote('Queue two'), makeQuote('Queue three')];
    const answers = await Promise.all(ids.map((id) => busy.respond(pdfOf(id))));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 503]);
    const refused = answers.find((r) => r.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(await refused.text()).toMatch(/busy/i);
  });

  test('a crashed renderer is started again on the next request', async () => {
    await service.respond(pdfOf(makeQuote('Before the crash')));
    const pid = service.renderer.pid()!;
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const res = await service.respond(pdfOf(makeQuote('After the crash')));
    expect(res.status).toBe(200);
    expect(await textOf(await bytes(res))).toContain('After the crash');
    expect(service.renderer.pid()).not.toBe(pid);
  });

  test('a render past the timeout is stopped and answered 503 with a clear message', async () => {
    const slow = createQuotePdfService({ cacheDir: tempDir(), renderer: createPdfRenderer({ timeoutMs: 300 }) });
    try {
      const res = await slow.respond(pdfOf(makeQuote('Too slow', 200)));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(await res.text()).toMatch(/took longer than .* to render and was stopped/);
      expect(slow.renderer.pid()).toBeUndefined();
    } finally {
      slow.renderer.close();
    }
  });
});
