import Papa from 'papaparse';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { productSchema, type ProductInput } from './schemas';

export const IMPORT_FIELDS = [
  { key: 'name', label: 'Name', required: true },
  { key: 'sku', label: 'SKU', required: true },
  { key: 'unitPrice', label: 'Unit price', required: true },
  { key: 'description', label: 'Description', required: false },
  { key: 'unit', label: 'Unit', required: false },
  { key: 'taxRate', label: 'Tax %', required: false },
  { key: 'active', label: 'Active', required: false },
  { key: 'currency', label: 'Currency', required: false },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];
/** For each field, the CSV column (by header) it is read from, or null for none. */
export type Mapping = Record<ImportField, string | null>;

// Header names seen in real catalogues, best first; the first header that matches wins. Words may
// be joined by a space or an underscore, so Keel's own export (unit_price, tax_rate) maps back.
const GUESSES: Record<ImportField, RegExp[]> = {
  name: [/^(product[ _])?name$/i, /^title$/i, /^product$/i],
  sku: [/^sku$/i, /^(product|item|article)[ _]?(code|number|no\.?)$/i, /^code$/i, /^ean$/i, /^(upc|gtin)$/i],
  unitPrice: [/^(unit[ _])?price$/i, /^list[ _]price$/i, /^(amount|rate|cost)$/i],
  description: [/^description$/i, /^details?$/i],
  unit: [/^unit$/i, /^(uom|unit[ _]of[ _]measure)$/i],
  taxRate: [/^tax([ _]rate)?([ _]?%)?$/i, /^vat([ _]rate)?([ _]?%)?$/i],
  active: [/^active$/i, /^status$/i, /^availability$/i],
  currency: [/^currency$/i],
};

export function guessMapping(headers: string[]): Mapping {
  const mapping = {} as Mapping;
  for (const field of IMPORT_FIELDS) {
    const header = GUESSES[field.key].map((re) => headers.find((h) => re.test(h.trim()))).find(Boolean);
    mapping[field.key] = header ?? null;
  }
  return mapping;
}

/** The header row and the first data row, for the mapping step (the whole file is checked on the server). */
export function csvPreview(text: string): { headers: string[]; sample: Record<string, string> } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 2, skipEmptyLines: 'greedy' });
  const [header = [], first = []] = result.data;
  const headers = header.map((h) => h.trim());
  return { headers, sample: Object.fromEntries(headers.map((h, i) => [h, (first[i] ?? '').trim()])) };
}

export type ParsedCsv = { headers: string[]; rows: { line: number; cells: Record<string, string> }[] };

/**
 * Reads a CSV with its header row. Each row keeps the line of the file it starts on, so the report
 * can name it even when a quoted cell spans lines.
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(source, { skipEmptyLines: 'greedy' });
  const [header, ...data] = result.data;
  const headers = (header ?? []).map((h) => h.trim());
  // Papaparse gives rows, not line numbers: find each row's starting line by walking the text.
  const lineStarts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRowStart = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (atRowStart && ch !== '\n' && ch !== '\r') {
      lineStarts.push(line);
      atRowStart = false;
    }
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes) atRowStart = true;
    }
  }
  return {
    headers,
    rows: data.map((cells, i) => ({
      line: lineStarts[i + 1] ?? i + 2,
      cells: Object.fromEntries(headers.map((h, c) => [h, (cells[c] ?? '').trim()])),
    })),
  };
}

export type ImportRow = { line: number; product: ProductInput };
export type RejectedRow = { line: number; reason: string };

/** Checks every row against the product rules (the same schema as the form); nothing is written here. */
export function mapProductRows(csv: ParsedCsv, mapping: Mapping, currency: string): { rows: ImportRow[]; rejected: RejectedRow[] } {
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const seenSku = new Map<string, number>();
  const cell = (r: ParsedCsv['rows'][number], field: ImportField) => (mapping[field] ? (r.cells[mapping[field]] ?? '') : '');
  for (const r of csv.rows) {
    const rowCurrency = cell(r, 'currency').toUpperCase();
    if (rowCurrency && rowCurrency !== currency) {
      rejected.push({ line: r.line, reason: `Priced in ${rowCurrency}, but this workspace uses ${currency}` });
      continue;
    }
    const parsed = productSchema.safeParse({
      name: cell(r, 'name'),
      sku: cell(r, 'sku'),
      description: cell(r, 'description'),
      unit: cell(r, 'unit'),
      unitPriceCents: cell(r, 'unitPrice'),
      taxRateBp: cell(r, 'taxRate'),
      active: mapping.active ? cell(r, 'active') : true,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = IMPORT_FIELDS.find((f) => f.key === (issue.path[0] === 'unitPriceCents' ? 'unitPrice' : issue.path[0] === 'taxRateBp' ? 'taxRate' : issue.path[0]));
      rejected.push({ line: r.line, reason: `${field ? `${field.label}: ` : ''}${issue.message}` });
      continue;
    }
    const skuKey = parsed.data.sku.toLowerCase();
    const earlier = seenSku.get(skuKey);
    if (earlier !== undefined) {
      rejected.push({ line: r.line, reason: `SKU ${parsed.data.sku} already appears on line ${earlier}` });
      continue;
    }
    seenSku.set(skuKey, r.line);
    rows.push({ line: r.line, product: parsed.data });
  }
  return { rows, rejected };
}

/** A mapping is usable when every required field has a column and no column feeds two fields. */
export function mappingProblems(mapping: Mapping, headers: string[]): string[] {
  const problems: string[] = [];
  for (const f of IMPORT_FIELDS) {
    const column = mapping[f.key];
    if (f.required && !column) problems.push(`Choose the column for ${f.label}`);
    if (column && !headers.includes(column)) problems.push(`The file has no column "${column}"`);
  }
  const used = Object.values(mapping).filter(Boolean);
  if (new Set(used).size !== used.length) problems.push('Each column can feed only one field');
  return problems;
}

/**
 * The whole check of an uploaded file, run for the preview and again for the import itself (the
 * browser's word is never taken for what is in the file). A mapping that cannot work is an error.
 */
export function checkProductFile(text: string, mapping: Mapping, currency: string): { rows: ImportRow[]; rejected: RejectedRow[] } {
  const csv = parseCsv(text);
  if (csv.headers.length === 0) throw new AppError('The file is empty. Choose a CSV file with a header row.');
  const problems = mappingProblems(mapping, csv.headers);
  if (problems.length > 0) throw new AppError(`${problems.join('. ')}.`);
  if (csv.rows.length === 0) throw new AppError('The file has a header row but no products under it.');
  return mapProductRows(csv, mapping, currency);
}

/** The largest file the importer takes; the server action's body limit (next.config.ts) leaves room for it. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** What the browser sends for a preview and again for the import: the file's text and the mapping. */
export const importRequestSchema = z.object({
  csv: z.string().min(1, 'Choose a CSV file').max(MAX_IMPORT_BYTES, 'The file is larger than 4 MB: split it and import the parts'),
  mapping: z.object(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, z.string().nullable().catch(null)])) as Record<ImportField, z.ZodCatch<z.ZodNullable<z.ZodString>>>,
  ),
});
