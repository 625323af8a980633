import { centsToDecimal } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';

/** The export's columns; the importer maps every one of them back without help. */
export const PRODUCT_CSV_HEADER = ['sku', 'name', 'description', 'unit', 'unit_price', 'tax_rate', 'active'];

export type ProductExportRow = {
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  unitPriceCents: number;
  taxRateBp: number;
  active: boolean;
};

/** One product as a CSV row: the price as a decimal, the tax rate as a percentage, active as yes/no. */
export function productCsvRow(p: ProductExportRow): (string | number | null)[] {
  return [p.sku, p.name, p.description, p.unit, centsToDecimal(p.unitPriceCents), formatScaled(p.taxRateBp, 2), p.active ? 'yes' : 'no'];
}
