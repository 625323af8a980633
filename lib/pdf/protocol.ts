import type { QuoteHeader, QuoteLineRow } from '@/db/queries/quotes';

// What the web process and the renderer process (scripts/pdf-renderer.ts) say to each other over
// the IPC channel: plain data in, PDF bytes out. One request at a time per renderer.

/**
 * The company a document is from, as the workspace settings say. The logo is a data URI (the
 * renderer reads no database), and only a PNG or JPEG: react-pdf cannot draw SVG, so with an SVG
 * logo the PDF shows the company's name alone.
 */
export type PdfCompany = { name: string; address: string; taxId: string; logo: string | null };

export type QuotePdfData = { quote: QuoteHeader; lines: QuoteLineRow[]; company: PdfCompany };

export type RenderRequest = { id: number; data: QuotePdfData };

export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

/** The renderer's first message: it has loaded react-pdf and the component and takes requests. */
export type ReadyMessage = { ready: true };
