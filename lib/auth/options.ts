import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { databasePath } from '@/db/client';
import { getDb } from '@/db';
import { signIn } from '@/db/queries/auth';
import { createSession, revokeSession } from '@/db/queries/sessions';
import { CLIENT_IP_HEADER, normaliseIp } from '@/lib/http/client-ip';
import { servedOverHttps } from '@/lib/http/security-headers';
import { loginSchema } from '@/lib/users/schemas';
import { loadAuthSecret } from './secret';
import { UNKNOWN_ADDRESS } from './throttle';
import { randomToken, SESSION_MAX_AGE_MS } from './tokens';

/** What authorize() hands the jwt callback, which creates the session row. */
type SignedInUser = User & { ip: string; userAgent: string | null };

function header(headers: unknown, name: string): string | undefined {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

export const authOptions: NextAuthOptions = {
  secret: loadAuthSecret(databasePath()),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_MS / 1000 },
  pages: { signIn: '/login' },
  // Over HTTPS (PUBLIC_URL, README "Security and data") the cookie is Secure and __Secure- prefixed, so a
  // browser never sends it over plain HTTP; on a plain-HTTP box a Secure cookie would never come back.
  useSecureCookies: servedOverHttps(process.env.PUBLIC_URL),
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // The front door (scripts/server.ts) sets this from the socket or a trusted proxy and drops
        // any copy the client sent; without it every such request shares one bucket.
        const ip = normaliseIp(header(req?.headers, CLIENT_IP_HEADER)) ?? UNKNOWN_ADDRESS;
        const result = signIn(getDb(), parsed.data.email, parsed.data.password, ip, Date.now());
        // A thrown message reaches the login form as the error; a null becomes "CredentialsSignin".
        if (result.kind === 'locked') throw new Error(`LOCKED:${result.minutes}`);
        if (result.kind !== 'ok') return null;
        const user: SignedInUser = { id: String(result.user.id), name: result.user.name, email: result.user.email, ip, userAgent: header(req?.headers, 'user-agent') ?? null };
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A fresh session per sign-in: the token carries its id, and only the row makes it count.
        const { ip, userAgent } = user as SignedInUser;
        const sid = randomToken();
        createSession(getDb(), { id: sid, userId: Number(user.id), ip: ip === UNKNOWN_ADDRESS ? null : ip, userAgent }, Date.now());
        token.sub = user.id;
        token.sid = sid;
      }
      return token;
    },
    // The session id rides along for lib/auth/session.ts; on its own it opens nothing, since a
    // token must be sealed with the server's secret.
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub }, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') revokeSession(getDb(), token.sid, Date.now());
    },
  },
};
