/**
 * Turns what a person types into an FTS5 query that matches every word by prefix: `ann smi` →
 * `"ann"* "smi"*`. Punctuation separates words (as the index's tokenizer does), so emails, phone
 * numbers and quotes cannot break the query syntax. Returns null when nothing searchable is left.
 */
export function ftsPrefixQuery(input: string, maxTerms = 8): string | null {
  const terms = input
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, maxTerms);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}

/** "wid" → "wid%" with LIKE's own wildcards escaped, for a prefix match on name or SKU. */
export function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
