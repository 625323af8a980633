import { z } from 'zod';
import { getDb } from '@/db';
import { readLimited } from '@/lib/http/read-limited';
import { savedMapping, stageImport } from '@/db/queries/imports';
import { getSessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { IMPORT_MAX_BYTES, TOO_LARGE_MESSAGE, decodeImportFile } from '@/lib/import/decode';
import { IMPORT_KINDS } from '@/lib/import/fields';
import { guessMapping } from '@/lib/import/guess';
import { parseImportText } from '@/lib/import/parse';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

// The file arrives as the raw request body (the browser posts the File itself), which and its name
// in the query: no multipart parser has to buffer it first, so the 20 MB limit holds while reading.
const query = z.object({
  kind: z.enum(IMPORT_KINDS),
  name: z.string().trim().min(1).max(255),
});

const IMPORTERS = ['admin', 'manager'];

function sameHost(origin: string, host: string | null): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const fail = (status: number, error: string) => Response.json({ ok: false, error }, { status, headers: NO_STORE });

/**
 * POST /api/import?kind=contacts&name=file.csv with the file as the body: decodes and parses it on
 * the server (lib/import), stages it as a draft batch with the mapping saved for its header or else
 * the guessed one, and answers { ok: true, batchId } for the screen to open /import/<batchId>.
 * Signed out is a bare 401 and a user who may not import a bare 403, before the body is read. A
 * request from another site is refused: this is a cookie-authenticated write.
 */
export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  if (!IMPORTERS.includes(user.role)) return new Response(null, { status: 403, headers: NO_STORE });
  const origin = request.headers.get('origin');
  if (origin && !sameHost(origin, request.headers.get('host'))) return new Response(null, { status: 403, headers: NO_STORE });

  const url = new URL(request.url);
  const params = query.safeParse({ kind: url.searchParams.get('kind'), name: url.searchParams.get('name') });
  if (!params.success) return fail(400, 'Choose what to import and a file.');

  const bytes = await readLimited(request, IMPORT_MAX_BYTES);
  if (!bytes) return fail(413, TOO_LARGE_MESSAGE);
  try {
    const { text } = decodeImportFile(bytes);
    const parsed = parseImportText(text);
    const { kind, name } = params.data;
    const mapping = savedMapping(getDb(), kind, parsed.headers) ?? guessMapping(kind, parsed.headers);
    const { batchId } = stageImport(
      getDb(),
      { kind, fileName: name, headers: parsed.headers, rows: parsed.rows, lines: parsed.lines, problems: parsed.problems, mapping },
      user,
    );
    return Response.json({ ok: true, batchId }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof AppError) return fail(422, error.message);
    console.error('Import upload failed', error);
    return fail(500, 'Something went wrong and nothing was saved. Try again.');
  }
}
