import { renderToBuffer } from '@react-pdf/renderer';
import { expect, test } from 'vitest';
import { QuotePdf } from '@/components/quotes/quote-pdf';
import { createQuote, getQuote, listQuoteLines } from '@/db/queries/quotes';
import { createUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { createQuoteSchema } from '@/lib/quotes/schemas';
import { createTestDb } from './support/db';
import { pdfText } from './support/pdf-text';

test('the PDF carries the workspace, the customer, every line, one row per tax rate and the stored total', async () => {
  const db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  const ana = createUser(db, { name: 'Ana Rep', email: 'ana@example.test', role: 'rep', password: 'password1' });
  const companyId = (db.$client.prepare(`insert into companies (name, address) values ('Northwind Traders', '1 Quay St') returning id`).get() as { id: number }).id;
  const input = createQuoteSchema.parse({
    dealId: null,
    companyId,
    title: 'Fit-out, phase 1',
    validUntil: '2026-12-25',
    paymentTerms: 'net_15',
    terms: 'Prices exclude delivery.',
    lines: JSON.stringify([
      { kind: 'section', description: 'Hardware' },
      { description: 'Boards', quantity: '12', unitPrice: '45', discount: '10', tax: '20' },
      { description: 'Install', quantity: '2.5', unitPrice: '99.99', tax: '7.5' },
    ]),
  });
  const { id } = createQuote(db, input, ana, { currency: 'USD', today: '2026-11-25' });
  const quote = getQuote(db, id)!;
  const company = { name: 'Harbor & Pine Supply', address: '12 Quay Street\nPortland, ME 04101', taxId: 'US-84-1234567', logo: null };
  const text = await pdfText(new Uint8Array(await renderToBuffer(<QuotePdf quote={quote} lines={listQuoteLines(db, id)} company={company} />)));
  // pdf.js hands text over in runs joined by spaces ("12   Quay Street"): read it with single spaces.
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of ['12 Quay Street', 'Portland, ME 04101', 'Tax ID US-84-1234567']) expect(flat).toContain(expected);
  for (const expected of ['Harbor & Pine Supply', 'Q-2026-0001', 'Northwind Traders', 'Fit-out, phase 1', 'Hardware', 'Boards', 'Install', 'Net 15', 'Prices exclude delivery.', 'Page 1'])
    expect(text).toContain(expected);
  // 486.00 at 20 % → 97.20; 249.98 at 7.5 % → 18.75 (18.7485); total 735.98 + 115.95
  expect(quote.totalCents).toBe(85_193);
  expect(text).toContain('$97.20');
  expect(text).toContain('$18.75');
  expect(text).toContain('$851.93');
});

test('a PNG logo is drawn above the company name, which stays as text', async () => {
  const db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  const ana = createUser(db, { name: 'Ana Rep', email: 'ana@example.test', role: 'rep', password: 'password1' });
  const input = createQuoteSchema.parse({ dealId: null, title: 'Logo', validUntil: '2026-12-25', paymentTerms: 'net_30', lines: JSON.stringify([{ description: 'Boards', unitPrice: '45' }]) });
  const { id } = createQuote(db, input, ana, { currency: 'USD', today: '2026-11-25' });
  // A 1×1 PNG.
  const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const company = { name: 'Harbor & Pine Supply', address: '', taxId: '', logo };
  const pdf = new Uint8Array(await renderToBuffer(<QuotePdf quote={getQuote(db, id)!} lines={listQuoteLines(db, id)} company={company} />));
  expect(Buffer.from(pdf).includes('/Subtype /Image')).toBe(true);
  const text = await pdfText(pdf);
  expect(text).toContain('Harbor & Pine Supply');
  expect(text).not.toContain('Tax ID');
});
