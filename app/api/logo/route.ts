import { getDb } from '@/db';
import { getWorkspaceLogo } from '@/db/queries/workspace';

export const dynamic = 'force-dynamic';

// The workspace's logo, to anyone: it is printed on every quote sent to customers, so the public
// quote page (/q/[token]) shows it to people without an account, and it tells nothing a customer
// does not see already. It is only ever drawn by <img>, never inlined into a page; its Content-Type
// is the type read from its bytes when it was stored, and lib/http/front-door.ts serves this path
// under a policy of its own (UPLOADED_IMAGE_CSP: no script, nothing loaded, sandboxed) with nosniff.
export async function GET(request: Request) {
  const logo = getWorkspaceLogo(getDb());
  if (!logo) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  // The URL Keel hands out carries the logo's version: that one never changes, so it may be kept for
  // good; any other asks again each time.
  const current = new URL(request.url).searchParams.get('v') === String(logo.version);
  const extension = logo.mimeType === 'image/svg+xml' ? 'svg' : logo.mimeType === 'image/png' ? 'png' : 'jpg';
  return new Response(new Uint8Array(logo.data), {
    headers: {
      'Content-Type': logo.mimeType,
      'Content-Length': String(logo.data.byteLength),
      'Content-Disposition': `inline; filename="logo.${extension}"`,
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
