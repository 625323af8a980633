import fs from 'node:fs/promises';
import path from 'node:path';
import { PDF_CACHE_FILE } from '@/lib/pdf/cache-key';
import { PDF_CACHE_LIMITS, filesToEvict, type CachedFile } from '@/lib/pdf/cache-prune';
import { databasePath } from './client';

// Rendered PDFs, kept as files beside the database (<database folder>/cache/pdf/) and named by
// lib/pdf/cache-key. A file is written whole or not at all (a temporary file, then a rename), and
// the folder is kept within PDF_CACHE_LIMITS, least recently served first. Deleting the folder is
// always safe: PDFs are rendered again when asked for.

export function pdfCacheDir(): string {
  return path.join(path.dirname(databasePath()), 'cache', 'pdf');
}

/** The cached PDF, or null. A hit marks the file as recently served, so pruning keeps it. */
export async function readCachedPdf(dir: string, key: string): Promise<Uint8Array | null> {
  const file = path.join(dir, key);
  try {
    const bytes = await fs.readFile(file);
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => undefined);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function writeCachedPdf(dir: string, key: string, pdf: Uint8Array): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${key}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, pdf);
    await fs.rename(temp, path.join(dir, key));
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Deletes the least recently served PDFs beyond the limits; returns how many went. */
export async function prunePdfCache(dir: string, limits: { maxFiles: number; maxBytes: number } = PDF_CACHE_LIMITS): Promise<number> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => PDF_CACHE_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const files: CachedFile[] = [];
  for (const name of names) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat) files.push({ name, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  const evict = filesToEvict(files, limits);
  await Promise.all(evict.map((name) => fs.rm(path.join(dir, name), { force: true })));
  return evict.length;
}
