import { randomBytes } from 'node:crypto';
import { addDays } from '@/lib/dates';
import { formatQuoteNumber } from '@/lib/quotes/status';
import { lineAmounts, quoteTotals } from '@/lib/quotes/totals';
import type { Db } from './client';

// The demo catalogue of a timber and hardware supplier: goods carry sales tax, services none; two
// products have volume tiers, and trade customers (every tenth company) buy from a partner list.
const PRODUCTS = [
  { sku: 'HP-DECK-CED', name: 'Cedar decking board', unit: 'board', cents: 925, taxBp: 825, description: '140 × 28 mm western red cedar, 3.6 m' },
  { sku: 'HP-DECK-OAK', name: 'Oak decking board', unit: 'board', cents: 1450, taxBp: 825, description: '145 × 21 mm European oak, 3 m' },
  { sku: 'HP-JOIST-48', name: 'Treated pine joist', unit: 'piece', cents: 1875, taxBp: 825, description: '140 × 45 mm H3 treated pine, 4.8 m' },
  { sku: 'HP-SCREW-SS', name: 'Stainless deck screws (box of 500)', unit: 'box', cents: 6400, taxBp: 825, description: '10g × 50 mm 316 stainless' },
  { sku: 'HP-OIL-5L', name: 'Decking oil 5 L', unit: 'tin', cents: 8900, taxBp: 825, description: 'Natural finish, covers about 60 m²' },
  { sku: 'HP-POST-90', name: 'Hardwood post', unit: 'piece', cents: 4200, taxBp: 825, description: '90 × 90 mm, 2.4 m' },
  { sku: 'HP-RAIL-SS', name: 'Stainless balustrade kit', unit: 'metre', cents: 18500, taxBp: 825, description: 'Posts, wire and fittings per metre' },
  { sku: 'HP-SVC-DESIGN', name: 'Deck design consultation', unit: 'hour', cents: 12000, taxBp: 0, description: 'On-site measure and plan' },
  { sku: 'HP-SVC-INSTALL', name: 'Installation crew', unit: 'day', cents: 96000, taxBp: 0, description: 'Two carpenters, one day' },
  { sku: 'HP-SVC-DELIVERY', name: 'Delivery within 50 km', unit: 'trip', cents: 15000, taxBp: 0, description: null },
  { sku: 'HP-PLANK-OLD', name: 'Merbau plank (discontinued)', unit: 'board', cents: 1100, taxBp: 825, description: 'No longer stocked', active: false },
] as const;

export function seedCatalogue(db: Db, companies: number): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const insert = sqlite.prepare('insert into products (name, sku, description, unit, unit_price_cents, tax_rate_bp, active) values (?, ?, ?, ?, ?, ?, ?) returning id');
    const ids = new Map<string, number>();
    for (const p of PRODUCTS) ids.set(p.sku, (insert.get(p.name, p.sku, p.description, p.unit, p.cents, p.taxBp, 'active' in p && !p.active ? 0 : 1) as { id: number }).id);
    const tier = sqlite.prepare('insert into price_tiers (product_id, price_list_id, min_quantity_milli, unit_price_cents, discount_bp) values (?, ?, ?, ?, ?)');
    tier.run(ids.get('HP-DECK-CED'), null, 100_000, 850, null);
    tier.run(ids.get('HP-DECK-CED'), null, 500_000, 790, null);
    tier.run(ids.get('HP-SCREW-SS'), null, 10_000, null, 1000);
    const { id: listId } = sqlite.prepare(`insert into price_lists (name, description) values ('Trade partners', 'Builders and landscapers with a trade account') returning id`).get() as { id: number };
    const listPrice = sqlite.prepare('insert into price_list_items (price_list_id, product_id, unit_price_cents) values (?, ?, ?)');
    listPrice.run(listId, ids.get('HP-DECK-CED'), 860);
    listPrice.run(listId, ids.get('HP-JOIST-48'), 1690);
    listPrice.run(listId, ids.get('HP-SVC-INSTALL'), 88000);
    tier.run(ids.get('HP-DECK-CED'), listId, 200_000, null, 1200);
    sqlite.prepare('update companies set price_list_id = ? where id % 10 = 0 and id <= ?').run(listId, companies);
  })();
}

/**
 * Quotes on the demo's late-stage deals: sent ones on deals in the last two stages, drafts on a few
 * in the stage before, priced from the catalogue with the same rules as the builder.
 */
export function seedQuotes(db: Db, today: string, now: number): void {
  const sqlite = db.$client;
  const products = sqlite.prepare('select id, name, unit_price_cents as cents, tax_rate_bp as taxBp from products where active = 1 order by id').all() as { id: number; name: string; cents: number; taxBp: number }[];
  if (products.length === 0) return;
  const deals = sqlite
    .prepare(
      `select d.id, d.title, d.company_id as companyId, d.contact_id as contactId, d.owner_id as ownerId from deals d join stages s on s.id = d.stage_id
       where d.status = 'open' and s.position >= (select max(position) - 2 from stages where pipeline_id = d.pipeline_id) order by d.id limit 40`,
    )
    .all() as { id: number; title: string; companyId: number | null; contactId: number | null; ownerId: number }[];
  const year = Number(today.slice(0, 4));
  const insertQuote = sqlite.prepare(
    `insert into quotes (number, title, deal_id, company_id, contact_id, owner_id, price_list_id, currency, status, valid_until, payment_terms, public_token, sent_at,
                         subtotal_cents, discount_cents, net_cents, tax_cents, total_cents, terms, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, (select price_list_id from companies where id = ?), 'USD', ?, ?, 'net_30', ?, ?, ?, ?, ?, ?, ?, 'Prices include delivery within 50 km. Lead time two weeks from acceptance.', ?, ?) returning id`,
  );
  const insertLine = sqlite.prepare(
    `insert into quote_lines (quote_id, position, kind, product_id, description, quantity_milli, unit_price_cents, discount_bp, tax_rate_bp, gross_cents, net_cents)
     values (?, ?, 'item', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare('insert into quote_events (quote_id, kind, at, user_id) values (?, ?, ?, ?)');
  sqlite.transaction(() => {
    deals.forEach((deal, i) => {
      const lines = [0, 1, 2].slice(0, 2 + (i % 2)).map((k) => {
        const p = products[(i * 3 + k * 5) % products.length];
        const line = { quantityMilli: (1 + ((i + k) % 7)) * 10_000, unitPriceCents: p.cents, discountBp: k === 0 && i % 3 === 0 ? 500 : 0, taxRateBp: p.taxBp };
        return { p, line, amounts: lineAmounts(line) };
      });
      const totals = quoteTotals(lines.map((l) => l.line));
      const sent = i % 4 !== 3;
      const created = now - (20 - (i % 15)) * 86_400_000;
      const { id } = insertQuote.get(
        formatQuoteNumber(year, i + 1), deal.title, deal.id, deal.companyId, deal.contactId, deal.ownerId, deal.companyId,
        sent ? 'sent' : 'draft', addDays(today, 5 + (i % 25)), randomBytes(24).toString('base64url'), sent ? created + 3_600_000 : null,
        totals.subtotalCents, totals.discountCents, totals.netCents, totals.taxCents, totals.totalCents, created, created,
      ) as { id: number };
      lines.forEach(({ p, line, amounts }, position) =>
        insertLine.run(id, position, p.id, p.name, line.quantityMilli, line.unitPriceCents, line.discountBp, line.taxRateBp, amounts.grossCents, amounts.netCents),
      );
      insertEvent.run(id, 'created', created, deal.ownerId);
      if (sent) insertEvent.run(id, 'sent', created + 3_600_000, deal.ownerId);
    });
    if (deals.length) sqlite.prepare('insert into quote_numbers (year, last) values (?, ?)').run(year, deals.length);
  })();
}
