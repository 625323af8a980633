import { NextResponse, type NextRequest } from 'next/server';

// Pages check the session themselves (lib/auth/session.ts); the proxy only tells them which path was
// asked for, so that a signed-out visitor is sent to /login?next=<that path> and comes back after.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-keel-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/|api/|favicon.ico|login).*)'],
};
