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
