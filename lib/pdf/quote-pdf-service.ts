import 'server-only';
import { pdfCacheDir, prunePdfCache, readCachedPdf, writeCachedPdf } from '@/db/pdf-cache';
import { quoteLabel } from '@/lib/quotes/status';
import { pdfContentDisposition, quotePdfCacheKey, type QuotePdfStamp } from './cache-key';
import { PDF_CACHE_LIMITS } from './cache-prune';
import type { QuotePdfData } from './protocol';
import { PDF_QUEUE_POLICY, QueueFullError, createRenderQueue, type QueuePolicy, type RenderQueue } from './render-queue';
import { PdfRenderTimeoutError, createPdfRenderer, type PdfRenderer } from './renderer-process';

// A quote's PDF as an HTTP answer: from the cache when this version was rendered before, else from
// the renderer process, one render at a time with a short queue (lib/pdf/render-queue). The web
// process only reads files and waits on a pipe; react-pdf runs in scripts/pdf-renderer.ts.

export type QuotePdfService = {
  respond(pdf: { data: QuotePdfData; stamp: QuotePdfStamp }): Promise<Response>;
  renderer: PdfRenderer;
  queue: RenderQueue<Uint8Array>;
};

export type QuotePdfServiceOptions = {
  cacheDir: string;
  renderer?: PdfRenderer;
  policy?: QueuePolicy & { retryAfterSeconds: number };
  cacheLimits?: { maxFiles: number; maxBytes: number };
};

const busy = (message: string, retryAfterSeconds: number) =>
  new Response(message, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } });

export function createQuotePdfService(options: QuotePdfServiceOptions): QuotePdfService {
  const policy = options.policy ?? PDF_QUEUE_POLICY;
  const renderer = options.renderer ?? createPdfRenderer();
  const queue = createRenderQueue<Uint8Array>(policy);
  const { cacheDir } = options;

  const renderAndKeep = async (key: string, data: QuotePdfData): Promise<Uint8Array> => {
    const pdf = await renderer.render(data);
    try {
      await writeCachedPdf(cacheDir, key, pdf);
      prunePdfCache(cacheDir, options.cacheLimits ?? PDF_CACHE_LIMITS).catch((error) => console.error('Pruning the PDF cache failed', error));
    } catch (error) {
      console.error('Keeping a rendered PDF failed; it is served anyway', error);
    }
    return pdf;
  };

  return {
    renderer,
    queue,
    async respond({ data, stamp }) {
      const key = quotePdfCacheKey(stamp, data);
      let pdf: Uint8Array | null;
      try {
        pdf = (await readCachedPdf(cacheDir, key)) ?? (await queue.run(key, () => renderAndKeep(key, data)));
      } catch (error) {
        if (error instanceof QueueFullError) return busy(error.message, policy.retryAfterSeconds);
        if (error instanceof PdfRenderTimeoutError) {
          console.error(`PDF of quote ${stamp.quoteId}: ${error.message}`);
          return busy(error.message, 60);
        }
        console.error(`PDF of quote ${stamp.quoteId} failed`, error);
        return busy('The PDF could not be made just now; try again in a few seconds.', policy.retryAfterSeconds);
      }
      return new Response(pdf as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': pdfContentDisposition(quoteLabel(data.quote.number, data.quote.revision)),
          'content-length': String(pdf.byteLength),
          'cache-control': 'no-store',
        },
      });
    },
  };
}

// One service (one renderer process, one queue) per web process; kept on globalThis so that
// `next dev` reloading this module does not start another renderer.
const globalForPdf = globalThis as unknown as { keelQuotePdf?: QuotePdfService };

export function quotePdfService(): QuotePdfService {
  if (!globalForPdf.keelQuotePdf) globalForPdf.keelQuotePdf = createQuotePdfService({ cacheDir: pdfCacheDir() });
  return globalForPdf.keelQuotePdf;
}
