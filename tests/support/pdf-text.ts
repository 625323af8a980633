import path from 'node:path';

// The metrics of the 14 standard fonts, which PDFs that use Helvetica refer to by name. Tests run
// from the project root (vitest and Playwright alike).
const standardFontDataUrl = path.join(process.cwd(), 'node_modules', 'pdfjs-dist', 'standard_fonts') + path.sep;

/** The text of every page of a PDF, as a reader would copy it: a real parse, not a byte search. */
export async function pdfText(data: Uint8Array): Promise<string> {
  // Imported when needed: pdfjs is an ES module, and Playwright loads specs as CommonJS.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}
