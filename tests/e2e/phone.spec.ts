import { expect, test, type Page } from '@playwright/test';
import { appRoutes, demoRecords, everyRoute } from './app-routes';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// Every screen, for every role and signed out, fits a phone: the document never scrolls sideways at
// 390 px. Something that scrolls inside its own box (a wide table in its wrapper, the board's
// columns) is fine; the check is the page's. Forbidden and not-found pages are screens too.

const PHONE = { width: 390, height: 844 };

const VIEWERS = [
  // The public pages (sign-in, a reset link, a quote sent to a customer) are seen signed out.
  { name: 'signed out', email: null, ownRecordsOnly: false },
  { name: 'admin', email: USERS.admin.email, ownRecordsOnly: false },
  { name: 'manager', email: USERS.manager.email, ownRecordsOnly: false },
  // A rep opens their own records, so a detail page is the real page rather than a not-found.
  { name: 'rep', email: USERS.rep.email, ownRecordsOnly: true },
] as const;

type Overflow = { width: number; scrollWidth: number; culprits: string[] };

/**
 * How far the document reaches past the viewport, and what reaches out: each outermost element whose
 * right edge passes the viewport's (not clipped by an ancestor that hides or scrolls its overflow), the
 * container that let it grow (usually a grid or flex layout whose track or item will not go below its
 * content's width), and the innermost content that is wider, even at its narrowest, than that
 * container: a nowrap or truncated line, a long word, a row of pieces that do not shrink.
 */
function measureOverflow(): Overflow | null {
  const width = document.documentElement.clientWidth;
  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scrollWidth <= width) return null;

  const rect = (el: Element) => el.getBoundingClientRect();
  const within = (el: Element, test: (style: CSSStyleDeclaration) => boolean) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (test(getComputedStyle(a))) return true;
    return false;
  };
  const reachesOut = (el: Element) =>
    rect(el).right > width + 0.5 && getComputedStyle(el).position !== 'fixed' && !within(el, (s) => s.overflowX !== 'visible' || s.position === 'fixed');
  const offending = new Set([...document.body.querySelectorAll('*')].filter(reachesOut));
  const outermost = [...offending].filter((el) => !offending.has(el.parentElement!)).sort((a, b) => rect(b).right - rect(a).right);

  const describe = (el: Element, withText = true) => {
    const testId = el.getAttribute('data-testid');
    const classes = [...el.classList].slice(0, 5).map((c) => `.${c}`).join('');
    const text = withText ? ((el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim().slice(0, 50) ?? '') : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${testId ? `[data-testid=${testId}]` : ''}${classes}${text ? ` “${text}”` : ''}`;
  };
  // Laid out at its narrowest; measured after everything above, since it reflows the page.
  const minContent = (el: HTMLElement) => {
    const saved = el.style.cssText;
    el.style.cssText += ';width:min-content;min-width:0;max-width:none';
    const w = rect(el).width;
    el.style.cssText = saved;
    return w;
  };
  const culprits = outermost.slice(0, 3).map((root) => {
    const parent = root.parentElement!;
    const head = `${describe(root)} is ${Math.round(rect(root).width)} px wide (right edge ${Math.round(rect(root).right)} px) in ${describe(parent, false)}, ${Math.round(rect(parent).width)} px wide`;
    // What is wider than the container, even at its narrowest: the innermost such content is the cause.
    const tooWide = [...root.querySelectorAll<HTMLElement>('*')]
      .filter((el) => !within(el, (s) => s.overflowX === 'auto' || s.overflowX === 'scroll'))
      .map((el) => ({ el, need: minContent(el) }))
      .filter(({ need }) => need > rect(parent).width + 0.5);
    const innermost = tooWide.filter(({ el }) => !tooWide.some((o) => o.el !== el && el.contains(o.el))).sort((a, b) => b.need - a.need)[0];
    return innermost ? `${head}; what will not wrap or shrink to fit: ${describe(innermost.el)}, ${Math.round(innermost.need)} px at its narrowest` : head;
  });
  return { width, scrollWidth, culprits };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Charts and other measured layouts draw in the frame after they are first given a size.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// Each viewer's walk is independent and long: spread them over the workers.
test.describe.configure({ mode: 'parallel' });

for (const viewer of VIEWERS) {
  test(`every page fits a ${PHONE.width} px phone, ${viewer.name}`, async ({ page }) => {
    test.setTimeout(60_000 + appRoutes('page').length * 5_000);
    const ownerId = viewer.ownRecordsOnly ? one<{ id: number }>(`select id from users where email = ?`, viewer.email).id : undefined;
    const routes = everyRoute(demoRecords(ownerId), 'page');
    // Signing in waits for the navigation, which a phone keeps behind its menu button.
    if (viewer.email) await signIn(page, viewer.email);
    await page.setViewportSize(PHONE);

    const problems: string[] = [];
    for (const url of routes) {
      const response = await page.goto(url);
      await settle(page);
      const overflow = await page.evaluate(measureOverflow);
      if (!overflow) continue;
      const landed = new URL(page.url()).pathname;
      problems.push(
        [
          `${url}${landed !== url ? ` (shown as ${landed})` : ''}, ${viewer.name}, status ${response?.status()}: the page is ${overflow.scrollWidth} px wide in a ${overflow.width} px window`,
          ...overflow.culprits.map((c) => `    ${c}`),
        ].join('\n'),
      );
    }
    expect(problems.join('\n'), `pages wider than a ${PHONE.width} px phone`).toBe('');
  });
}
