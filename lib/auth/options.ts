import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { databasePath } from '@/db/client';
import { getDb } from '@/db';
import { signIn } from '@/db/queries/auth';
import { loginSchema } from '@/lib/users/schemas';
import { loadAuthSecret } from './secret';

export const authOptions: NextAuthOptions = {
  secret: loadAuthSecret(databasePath()),
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = signIn(getDb(), parsed.data.email, parsed.data.password, Date.now());
        // A thrown message reaches the login form as the error; a null becomes "CredentialsSignin".
        if (result.kind === 'locked') throw new Error(`LOCKED:${result.minutes}`);
        if (result.kind !== 'ok') return null;
        return { id: String(result.user.id), name: result.user.name, email: result.user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
