'use client';

import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { renewCalendarLinkAction } from '../actions';

/** The feed URL with Copy, or a button to create one; and revoking, which replaces the link. */
export function CalendarFeed({ url }: { url: string | null }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function renew(successText: string) {
    setMessage(null);
    setCopied(false);
    startTransition(async () => {
      const result = await renewCalendarLinkAction({});
      setMessage(result.ok ? { tone: 'success', text: successText } : { tone: 'error', text: result.error });
    });
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http): select the text so the user can copy it.
      input.current?.select();
      setMessage({ tone: 'error', text: 'Copying is blocked here: the link is selected, press Ctrl+C or ⌘C.' });
    }
  }

  return (
    <div className="mt-4 space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {url ? (
        <>
          <div className="flex flex-col gap-2 sm:flex-row">
            <label className="min-w-0 flex-1">
              <span className="sr-only">Calendar feed URL</span>
              <input
                ref={input}
                data-testid="calendar-feed-url"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
                className={cx(inputClass, 'font-mono text-xs')}
              />
            </label>
            <Button
              type="button"
              variant="secondary"
              onClick={copy}
              aria-live="polite"
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <Button type="button" variant="danger" disabled={pending} onClick={() => renew('New link created. The old link no longer works; subscribe to this one instead.')}>
            {pending ? 'Creating…' : 'Revoke and create a new link'}
          </Button>
        </>
      ) : (
        <Button type="button" disabled={pending} onClick={() => renew('Your calendar feed link is ready.')}>
          {pending ? 'Creating…' : 'Create feed link'}
        </Button>
      )}
    </div>
  );
}
