import { getDb } from '@/db';
import { formSigningSecret, getWebFormBySlug } from '@/db/queries/lead-forms';
import { requestOrigin } from '@/lib/http/origin';
import { DEFAULT_THANK_YOU, FORM_FIELD_INPUT, HONEYPOT, RENDERED_FIELD, signRenderTime } from '@/lib/leads/forms';

export const dynamic = 'force-dynamic';

// GET /f/<slug>/embed.js: the script embed. It draws the form into each <div data-keel-form="<slug>">
// of the page that loads it (or just before the script tag), in that page's fonts, and sends it as
// JSON to /api/forms/<slug> (CORS: the page's site must be one of the form's allowed origins) with
// the page's address, referrer and UTM parameters. Served fresh each time: it carries a signed
// render time for the minimum fill time. A form with Turnstile keys gets Cloudflare's widget too.

const RUNTIME = String.raw`(function (c) {
  var doc = document, current = doc.currentScript;
  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  var box = 'display:block;width:100%;box-sizing:border-box;padding:10px 12px;border:1px solid #cbd5e1;border-radius:8px;font:inherit;margin-top:4px;background:#fff;color:#0f172a';
  function render(host, n) {
    var form = el('form', { novalidate: '', 'data-keel-form-rendered': c.slug, style: 'display:grid;gap:14px;font:inherit;color:inherit;max-width:36rem' });
    var errors = {};
    c.fields.forEach(function (f) {
      var id = 'keel-' + c.slug + '-' + n + '-' + f.field;
      var wrap = el('div');
      var label = el('label', { for: id, style: 'display:block;font-weight:600;font-size:0.9em' }, f.label + (f.required ? '' : ' (optional)'));
      var input = f.type === 'textarea' ? el('textarea', { id: id, name: f.field, rows: '4', style: box }) : el('input', { id: id, name: f.field, type: f.type, autocomplete: f.autoComplete, style: box });
      if (f.required) input.required = true;
      var err = el('p', { id: id + '-error', style: 'color:#b91c1c;margin:4px 0 0;font-size:0.875em', hidden: '' });
      errors[f.field] = { input: input, p: err };
      wrap.appendChild(label); wrap.appendChild(input); wrap.appendChild(err); form.appendChild(wrap);
    });
    if (c.consent) {
      var cw = el('div');
      var cl = el('label', { style: 'display:flex;gap:10px;align-items:flex-start;font-size:0.9em' });
      var cb = el('input', { type: 'checkbox', name: 'consent', value: 'on', style: 'margin-top:3px' });
      cl.appendChild(cb); cl.appendChild(el('span', {}, c.consent)); cw.appendChild(cl);
      var ce = el('p', { style: 'color:#b91c1c;margin:4px 0 0;font-size:0.875em', hidden: '' });
      cw.appendChild(ce); form.appendChild(cw);
      errors.consent = { input: cb, p: ce };
    }
    var trap = el('div', { 'aria-hidden': 'true', style: 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden' });
    var trapLabel = el('label', {}, 'Leave this empty');
    trapLabel.appendChild(el('input', { type: 'text', name: c.honeypot, tabindex: '-1', autocomplete: 'off' }));
    trap.appendChild(trapLabel); form.appendChild(trap);
    if (c.turnstile) {
      form.appendChild(el('div', { class: 'cf-turnstile', 'data-sitekey': c.turnstile }));
      if (!doc.querySelector('script[src^="https://challenges.cloudflare.com/turnstile/"]')) doc.head.appendChild(el('script', { src: 'https://challenges.cloudflare.com/turnstile/v0/api.js', async: '', defer: '' }));
    }
    var status = el('p', { role: 'alert', style: 'color:#b91c1c;margin:0', hidden: '' });
    form.appendChild(status);
    var button = el('button', { type: 'submit', style: 'justify-self:start;padding:10px 18px;border:0;border-radius:8px;background:#4f46e5;color:#fff;font:inherit;font-weight:600;cursor:pointer' }, 'Send');
    form.appendChild(button);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var data = {};
      new FormData(form).forEach(function (v, k) { data[k] = String(v); });
      var q = new URLSearchParams(location.search);
      data[c.rendered] = c.token;
      data.page_url = location.href;
      data.referrer = doc.referrer;
      ['utm_source', 'utm_medium', 'utm_campaign'].forEach(function (k) { if (q.get(k)) data[k] = q.get(k); });
      button.disabled = true; button.textContent = 'Sending…';
      fetch(c.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(data) })
        .then(function (r) { return r.json(); })
        .then(function (a) {
          for (var k in errors) { errors[k].p.hidden = true; errors[k].input.removeAttribute('aria-invalid'); }
          status.hidden = true;
          if (a.ok) {
            if (a.redirectUrl) { location.href = a.redirectUrl; return; }
            var done = el('p', { role: 'status', tabindex: '-1', 'data-testid': 'form-thank-you', style: 'padding:16px;border-radius:10px;background:#ecfdf5;color:#065f46;white-space:pre-line' }, a.message || c.thankYou);
            form.replaceWith(done); done.focus();
            return;
          }
          var fe = a.fieldErrors || {}, shown = false;
          for (var f in fe) if (errors[f]) { errors[f].p.textContent = fe[f]; errors[f].p.hidden = false; errors[f].input.setAttribute('aria-invalid', 'true'); errors[f].input.setAttribute('aria-describedby', errors[f].p.id || ''); shown = true; }
          if (!shown || fe.form) { status.textContent = fe.form || a.error || 'Something went wrong. Try again.'; status.hidden = false; }
        })
        .catch(function () { status.textContent = 'The form could not be sent. Check your connection and try again.'; status.hidden = false; })
        .then(function () { button.disabled = false; button.textContent = 'Send'; });
    });
    host.appendChild(form);
  }
  var hosts = doc.querySelectorAll('[data-keel-form="' + c.slug + '"]');
  if (!hosts.length && current) { var d = el('div'); current.parentNode.insertBefore(d, current); hosts = [d]; }
  Array.prototype.forEach.call(hosts, function (h, i) { if (!h.hasAttribute('data-keel-ready')) { h.setAttribute('data-keel-ready', ''); render(h, i); } });
})`;

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const form = /^[a-z0-9-]{1,60}$/.test(slug) ? getWebFormBySlug(getDb(), slug) : null;
  const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'cross-origin' };
  if (!form?.active) return new Response('console.warn("This Keel form does not exist or is turned off.");\n', { status: 404, headers });
  const config = {
    slug: form.slug,
    endpoint: `${requestOrigin(request.headers)}/api/forms/${form.slug}`,
    fields: form.fields.map((f) => ({ ...f, ...FORM_FIELD_INPUT[f.field] })),
    consent: form.consentEnabled ? form.consentText : null,
    thankYou: form.thankYouMessage ?? DEFAULT_THANK_YOU,
    honeypot: HONEYPOT,
    rendered: RENDERED_FIELD,
    token: signRenderTime(formSigningSecret(), form.slug, Date.now()),
    turnstile: form.turnstileSiteKey,
  };
  // JSON inside a script: "<" escaped so no value can close the script element of a page inlining it.
  return new Response(`${RUNTIME}(${JSON.stringify(config).replace(/</g, '\\u003c')});\n`, { status: 200, headers });
}
