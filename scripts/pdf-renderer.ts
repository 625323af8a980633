// The PDF renderer: a child process of the web server (started by lib/pdf/renderer-process.ts) that
// lays out quotes with react-pdf, so the web server's event loop never does. It takes plain data
// over the IPC channel and answers the PDF's bytes; it exits when its parent goes away.
//
// Run with `node --import tsx scripts/pdf-renderer.ts` from the project root (the '@/…' paths and
// the TSX come from tsx and tsconfig.json).
import Module from 'node:module';
import type { RenderReply, RenderRequest } from '@/lib/pdf/protocol';

type ReactPdf = typeof import('@react-pdf/renderer');

/**
 * react-pdf is published as ES modules whose inner packages export only an "import" condition; tsx
 * would load it as CommonJS for our TSX files (the project is not "type": "module") and fail on
 * those exports. So it is imported natively once, and that module is what the component's
 * `require('@react-pdf/renderer')` is given: one copy, loaded the way its authors meant.
 */
async function loadReactPdf(): Promise<ReactPdf> {
  const reactPdf = (await import('@react-pdf/renderer')) as ReactPdf;
  const file = require.resolve('@react-pdf/renderer');
  const entry = new Module(file);
  entry.filename = file;
  entry.loaded = true;
  entry.exports = reactPdf;
  require.cache[file] = entry;
  return reactPdf;
}

async function main() {
  const { renderToBuffer } = await loadReactPdf();
  const { createElement } = await import('react');
  type PdfElement = Parameters<ReactPdf['renderToBuffer']>[0];
  const { QuotePdf } = await import('@/components/quotes/quote-pdf');

  const reply = (message: RenderReply) => process.send?.(message);
  process.on('message', (request: RenderRequest) => {
    // QuotePdf returns a <Document>, which is what renderToBuffer takes.
    renderToBuffer(createElement(QuotePdf, request.data) as unknown as PdfElement)
      .then((buffer) => reply({ id: request.id, ok: true, pdf: new Uint8Array(buffer) }))
      .catch((error: unknown) => reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }));
  });
  // The parent went away (stopped, crashed, or closed us): nothing left to render for.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true });
}

if (!process.send) {
  console.error('scripts/pdf-renderer.ts is started by the web server (over IPC), not by hand.');
  process.exit(1);
}
main().catch((error) => {
  console.error('The PDF renderer could not start', error);
  process.exit(1);
});
