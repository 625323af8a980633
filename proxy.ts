import { NextResponse, type NextRequest } from 'next/server';
import { hostedFormPolicy } from '@/app/f/frame-policy';

// Pages check the session themselves (lib/auth/session.ts); the proxy only tells them which path was
// asked for, so that a signed-out visitor is sent to /login?next=<that path> and comes back after.
// A hosted web form (/f/<slug>) gets a page policy that lets its allowed sites frame it.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-keel-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  const formPolicy = hostedFormPolicy(request.nextUrl.pathname, request.headers.get('content-security-policy'));
  if (formPolicy) response.headers.set('Content-Security-Policy', formPolicy);
  return response;
}

export const config = {
  matcher: ['/((?!_next/|api/|favicon.ico|login).*)'],
};
