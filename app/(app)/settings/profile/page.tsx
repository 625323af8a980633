import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Card } from '@/components/ui/card';
import { Fact } from '@/components/ui/fact';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getCalendarSecret } from '@/db/queries/calendar';
import { countActiveSessions } from '@/db/queries/sessions';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { FEED_DAYS_BACK } from '@/lib/calendar/feed';
import { feedPath } from '@/lib/calendar/feed-url';
import { requestOrigin } from '@/lib/http/origin';
import { CalendarFeed } from './_components/calendar-feed';
import { ChangePasswordForm } from './_components/change-password-form';
import { SignOutEverywhere } from './_components/sign-out-everywhere';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const me = await requireUser();
  const db = getDb();
  const secret = getCalendarSecret(db, me.id);
  const browsers = countActiveSessions(db, me.id);
  const feedUrl = secret ? `${requestOrigin(await headers())}${feedPath(secret)}` : null;
  return (
    <>
      <PageHeader title="Your profile" />
      <div className="grid max-w-3xl gap-6">
        <Card className="p-5">
          <dl className="grid gap-4 sm:grid-cols-3">
            <Fact label="Name">{me.name}</Fact>
            <Fact label="Email">{me.email}</Fact>
            <Fact label="Role">{ROLE_LABELS[me.role]}</Fact>
          </dl>
        </Card>
        <Card className="p-5" data-testid="password">
          <h2 className="text-base font-semibold text-slate-900">Password</h2>
          <p className="mt-1 text-sm text-slate-500">
            Changing your password keeps you signed in here and signs you out on every other browser and device.
          </p>
          <ChangePasswordForm email={me.email} />
        </Card>
        <Card className="p-5" data-testid="sessions">
          <h2 className="text-base font-semibold text-slate-900">Where you are signed in</h2>
          <p className="mt-1 text-sm text-slate-500">
            {browsers <= 1
              ? 'You are signed in on this browser only.'
              : `You are signed in on ${browsers} browsers or devices, this one included.`}{' '}
            Signing out everywhere ends all of them, this one too; use it if you signed in on a shared computer or think someone else
            knows your password.
          </p>
          <SignOutEverywhere />
        </Card>
        <Card className="p-5" data-testid="calendar-feed">
          <h2 className="text-base font-semibold text-slate-900">Calendar feed</h2>
          <p className="mt-1 text-sm text-slate-500">
            A private link that calendar apps (Google Calendar, Outlook, Apple Calendar) can subscribe to: your open tasks on their due dates
            and your meetings, from {FEED_DAYS_BACK} days ago on. Anyone with the link can read it, so keep it to yourself; if it leaks, revoke it
            and create a new one.
          </p>
          <CalendarFeed url={feedUrl} />
        </Card>
      </div>
    </>
  );
}
