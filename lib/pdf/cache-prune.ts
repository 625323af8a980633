// Keeps the PDF cache folder bounded: given its files, which to delete. Oldest (least recently
// served) go first, until at most maxFiles files and maxBytes bytes remain.

export const PDF_CACHE_LIMITS = { maxFiles: 200, maxBytes: 200 * 1024 * 1024 } as const;

export type CachedFile = { name: string; size: number; mtimeMs: number };

export function filesToEvict(files: CachedFile[], limits: { maxFiles: number; maxBytes: number } = PDF_CACHE_LIMITS): string[] {
  const newestFirst = files.slice().sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1));
  const evict: string[] = [];
  let count = 0;
  let bytes = 0;
  for (const file of newestFirst) {
    if (count + 1 > limits.maxFiles || bytes + file.size > limits.maxBytes) {
      evict.push(file.name);
      continue;
    }
    count += 1;
    bytes += file.size;
  }
  return evict;
}
