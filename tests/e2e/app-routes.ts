import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { one } from './workspace-db';

// Audits that must cover every screen (security headers, phone widths) walk app/ instead of keeping a
// list, so a new route is covered the day it is added: a dynamic segment fillRoute cannot fill fails
// the audit until it is taught here.

export type DemoRecords = {
  deal: { id: number; title: string };
  /** A sent, current quote: its public page can be opened and accepted. */
  quote: { id: number; number: string; token: string };
  /** A draft: the only kind of quote the edit page shows rather than redirects away from. */
  draftQuote: { id: number };
  contact: { id: number; name: string };
  company: { id: number; name: string };
  product: { id: number; name: string };
  lead: { id: number; name: string };
  form: { id: number };
};

/**
 * Records of the demo workspace to fill dynamic segments with; with ownerId, only that user's, so a
 * rep opens the real page rather than a not-found. Each is the one with the longest name, the widest
 * text the workspace has for a layout to hold.
 */
export function demoRecords(ownerId?: number): DemoRecords {
  const mine = ownerId === undefined ? '' : `and owner_id = ${Number(ownerId)}`;
  return {
    deal: one(`select id, title from deals where 1 ${mine} order by length(title) desc, id limit 1`),
    quote: one(
      `select id, number, public_token as token from quotes
       where status = 'sent' and superseded_by_id is null and valid_until >= date('now') ${mine} order by length(title) desc, id limit 1`,
    ),
    draftQuote: one(`select id from quotes where status = 'draft' ${mine} order by length(title) desc, id limit 1`),
    contact: one(`select id, first_name || ' ' || last_name as name from contacts where 1 ${mine} order by length(name) desc, id limit 1`),
    company: one(`select id, name from companies where 1 ${mine} order by length(name) desc, id limit 1`),
    // The catalogue is shared: it has no owner.
    product: one(`select id, name from products order by length(name) desc, id limit 1`),
    // An open lead, so that its page shows everything it can (the status form, Convert).
    lead: one(`select id, first_name || ' ' || last_name as name from leads where status != 'converted' ${mine} order by length(name) desc, id limit 1`),
    form: one(`select id from web_forms order by id limit 1`),
  };
}

/** The URL pattern of every page.tsx (kind 'page') or of every page and route handler under app/. */
export function appRoutes(kind: 'page' | 'all' = 'all'): string[] {
  const files = kind === 'page' ? ['page.tsx'] : ['page.tsx', 'route.ts'];
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (files.includes(entry.name)) routes.push('/' + segments.filter((s) => !/^\(.*\)$/.test(s)).join('/'));
    }
  };
  walk(path.resolve('app'), []);
  return [...new Set(routes)].sort();
}

export function fillRoute(route: string, r: DemoRecords): string {
  return route
    .replace(/^\/deals\/\[id\]/, `/deals/${r.deal.id}`)
    .replace(/^\/quotes\/\[id\]\/edit$/, `/quotes/${r.draftQuote.id}/edit`)
    .replace(/^\/quotes\/\[id\]/, `/quotes/${r.quote.id}`)
    .replace(/^\/contacts\/\[id\]/, `/contacts/${r.contact.id}`)
    .replace(/^\/companies\/\[id\]/, `/companies/${r.company.id}`)
    .replace(/^\/products\/\[id\]/, `/products/${r.product.id}`)
    .replace(/^\/leads\/\[id\]/, `/leads/${r.lead.id}`)
    .replace(/^\/settings\/forms\/\[id\]/, `/settings/forms/${r.form.id}`)
    // The demo's web form.
    .replace(/^\/f\/\[slug\]/, '/f/contact-us')
    .replace(/^\/api\/forms\/\[slug\]/, '/api/forms/contact-us')
    .replace(/^\/q\/\[token\]/, `/q/${r.quote.token}`)
    .replace(/^\/reset\/\[token\]/, `/reset/${'x'.repeat(43)}`)
    .replace(/^\/api\/calendar\/\[file\]/, `/api/calendar/${'y'.repeat(43)}.ics`)
    .replace(/^\/api\/jobs\/\[id\]$/, '/api/jobs/1')
    .replace(/^\/import\/\[id\]$/, '/import/1')
    .replace(/^\/api\/auth\/\[\.\.\.nextauth\]/, '/api/auth/session');
}

/** Every route of the given kind with its dynamic segments filled from the demo workspace. */
export function everyRoute(r: DemoRecords, kind: 'page' | 'all' = 'all'): string[] {
  const filled = appRoutes(kind).map((route) => fillRoute(route, r));
  expect(filled.filter((u) => u.includes('[')), 'routes whose dynamic segments this audit cannot fill').toEqual([]);
  return [...new Set(filled)].sort();
}
