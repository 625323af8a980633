import type { QuoteHeader, QuoteLineRow } from '@/db/queries/quotes';

// What the web process and the renderer process (scripts/pdf-renderer.ts) say to each other over
// the IPC channel: plain data in, PDF bytes out. One request at a time per renderer.

export type QuotePdfData = { quote: QuoteHeader; lines: QuoteLineRow[]; workspaceName: string };

export type RenderRequest = { id: number; data: QuotePdfData };

export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };

/** The renderer's first message: it has loaded react-pdf and the component and takes requests. */
export type ReadyMessage = { ready: true };
