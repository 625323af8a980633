// Canonical forms of the fields duplicate detection compares: emails, website domains, company and
// person names, phones. Two values "match" when their canonical forms are equal, so every rule here
// errs towards keeping distinct things distinct: a missed duplicate costs a merge later, a false one
// puts two real customers on the same screen as "the same".
//
// Phones use libphonenumber-js with its default "min" metadata. Min cannot check a number's digits
// (isValid() falls back to a length check) but it can tell a possible number from junk, which is all
// a match key needs: the canonical E.164 form is the same either way, and a digits check would reject
// real numbers in ranges allocated after the metadata was built (and, in the shared sample files,
// two thirds of the numbers). So we accept isPossible() numbers and keep the bundle 65 kB lighter.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

type Raw = string | null | undefined;

// NFKD splits "é" into "e" + a combining mark; these letters have no decomposition and are folded by
// hand, so "Ørsted" and "Orsted", "Straße" and "Strasse" agree.
const UNDECOMPOSABLE: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/** Lower-case, compatibility-decomposed, without diacritics; punctuation is left for the caller. */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

// ─── Emails ──────────────────────────────────────────────────────────────────────────────────────

// One address: a local part and a dotted domain ending in a 2+ letter label, with nothing that could
// separate two addresses (comma, semicolon, brackets, quotes) anywhere in it.
const EMAIL = /^[^\s@,;<>()[\]"]+@(?:[^\s@,;<>()[\]".]+\.)+[^\s@,;<>()[\]".\d]{2,}$/u;

/**
 * The matching form of an email: no whitespace anywhere (pasted values often carry a space around
 * the @), lower-case, "mailto:" dropped, and a display-name form `Ann <ann@x.com>` reduced to the
 * address in the brackets. Null unless exactly one address is left. Plus-tags and Gmail dots are
 * kept: folding them is right for one provider and wrong for others.
 */
export function normaliseEmail(raw: Raw): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const bracketed = /^[^<>]*<([^<>]*)>$/.exec(text);
  if (bracketed) text = bracketed[1];
  text = text.replace(/\s+/gu, '').toLowerCase().replace(/^mailto:/, '');
  return EMAIL.test(text) ? text : null;
}

/** The domain part of an email (normalised first), or null when it is not one address. */
export function emailDomain(email: Raw): string | null {
  const normalised = normaliseEmail(email);
  return normalised ? normalised.slice(normalised.lastIndexOf('@') + 1) : null;
}

/**
 * Mailbox providers anyone can sign up to: two companies whose contacts use gmail.com are not the
 * same company. `brand.*` covers that brand under any country ending (yahoo.co.uk, gmx.de, yandex.ru).
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.*', 'ymail.com', 'rocketmail.com', 'hotmail.*', 'outlook.*',
  'live.*', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.*', 'aim.com', 'gmx.*', 'web.de',
  't-online.de', 'freenet.de', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com',
  'tuta.io', 'zoho.com', 'zohomail.com', 'mail.com', 'email.com', 'fastmail.com', 'hey.com',
  'caramail.com', 'laposte.net', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'libero.it',
  'virgilio.it', 'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'yandex.*', 'ya.ru',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'naver.com', 'daum.net',
  'hanmail.net', 'rediffmail.com', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'bol.com.br',
  'uol.com.br', 'terra.com.br',
];

const FREE_MAIL_EXACT = new Set(FREE_MAIL_DOMAINS.filter((d) => !d.endsWith('.*')));
const FREE_MAIL_BRANDS = new Set(FREE_MAIL_DOMAINS.filter((d) => d.endsWith('.*')).map((d) => d.slice(0, -2)));

// A country-style ending: one or two short labels (com, de, co.uk, com.br). Longer tails such as
// yahoo.example.org are someone else's host, not the provider's.
const COUNTRY_ENDING = /^[a-z]{2,3}(?:\.[a-z]{2})?$/;

export function isFreeMailDomain(domain: Raw): boolean {
  if (!domain) return false;
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (FREE_MAIL_EXACT.has(d)) return true;
  const dot = d.indexOf('.');
  return dot > 0 && FREE_MAIL_BRANDS.has(d.slice(0, dot)) && COUNTRY_ENDING.test(d.slice(dot + 1));
}

/**
 * Sites that host many businesses' pages under one domain. A company whose "website" is its Facebook
 * page has no domain of its own; matching on facebook.com would merge every such company.
 */
export const SHARED_SITE_DOMAINS: readonly string[] = [
  'facebook.com', 'fb.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com', 'youtube.com',
  'tiktok.com', 'pinterest.com', 'github.com', 'google.com', 'goo.gl', 'bit.ly', 'linktr.ee',
  'wa.me', 't.me', 'yelp.com', 'tripadvisor.com', 'etsy.com', 'amazon.com', 'ebay.com',
];
const SHARED_SITES = new Set(SHARED_SITE_DOMAINS);

export function isSharedSiteDomain(domain: Raw): boolean {
  return !!domain && SHARED_SITES.has(domain.trim().toLowerCase().replace(/\.$/, ''));
}

// ─── Domains ─────────────────────────────────────────────────────────────────────────────────────

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The host a website field points at: `HTTPS://WWW.Acme.co.uk/about?x=1` → `acme.co.uk`. Scheme,
 * credentials, port, path, query, fragment, a trailing dot and a leading `www.` are ignored; the
 * WHATWG URL parser does the splitting and lower-cases and punycodes the host, so "münchen.de" and
 * "xn--mnchen-3ya.de" agree. Null for anything that is not a dotted host name (IPs, localhost, words).
 *
 * Other subdomains are kept: without the Public Suffix List we cannot tell `shop.acme.com` (Acme's)
 * from `acme.co.uk` (registrable) or `anna.github.io` (one of thousands of tenants on a shared host),
 * and cutting to the last two labels would merge every `*.co.uk` and every tenant of a host.
 */
export function normaliseDomain(raw: Raw): string | null {
  const text = raw?.trim();
  if (!text || /\s/.test(text)) return null;
  let host: string;
  try {
    const url = new URL(HAS_SCHEME.test(text) ? text : `http://${text.replace(/^\/\//, '')}`);
    host = url.hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.+$/, '');
  if (host.startsWith('[')) return null; // IPv6 literal
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => !/^[a-z\d](?:[a-z\d-]*[a-z\d])?$/.test(l))) return null;
  const tld = labels[labels.length - 1];
  if (/^\d+$/.test(tld) || !/^(?:[a-z]{2,}|xn--[a-z\d-]+)$/.test(tld)) return null; // IPv4 or no TLD
  if (labels.length > 2 && /^www\d*$/.test(labels[0])) labels.shift();
  return labels.join('.');
}

// ─── Names ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Legal forms dropped from the end of a company name, written as they come out of the punctuation
 * step ("L.L.C." → "llc", "S.à r.l." → "sa rl", "A/S" → "a s"); "and co" is "& Co.".
 * Deliberately absent: "group", "holding(s)", "international", "partners". "Rasmussen Group" and
 * "Rasmussen" may be a parent and its subsidiary or two unrelated firms; equating them is a guess,
 * so they stay different names (and, at 0.79, are not similar ones either).
 */
export const LEGAL_SUFFIXES: readonly string[] = [
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg',
  'ug', 'ev', 'co', 'corp', 'corporation', 'company', 'and co', 'plc', 'sa', 's a', 'sas', 'sasu', 'sarl',
  'sa rl', 'eurl', 'sl', 'srl', 'spa', 'sapa', 'bv', 'nv', 'vof', 'oy', 'oyj', 'ab', 'as', 'a s', 'asa',
  'aps', 'pty', 'pty ltd', 'pvt', 'pvt ltd', 'pte', 'pte ltd', 'kk', 'sro', 'sp z oo', 'z oo', 'doo',
];
const SUFFIX_TOKENS = LEGAL_SUFFIXES.map((s) => s.split(' ')).sort((a, b) => b.length - a.length);

/** Lower-case letters and digits in single-space-separated tokens; dotted initials joined (L.L.C. → llc). */
function nameTokens(raw: string): string[] {
  const text = foldText(raw)
    .replace(/&/g, ' and ')
    .replace(/['’‘`´]/g, '') // O'Brien → obrien, McDonald's → mcdonalds
    // Single letters joined by dots are one abbreviation: "s.a." → "sa", "u.s.a" → "usa".
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}])\.?/gu, (m) => m.replace(/\./g, ''));
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The matching form of a company name: `Grimes Madden & Huff Inc.` → `grimes madden and huff`.
 * Diacritics, case and punctuation ignored, `&` read as "and", a leading "the" and trailing legal forms
 * (repeatedly: "GmbH & Co. KG") dropped. Null when nothing is left, so a name that is only a legal form
 * ("Ltd.") never matches another.
 */
export function normaliseCompanyName(raw: Raw): string | null {
  if (!raw) return null;
  const tokens = nameTokens(raw);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  for (let dropped = true; dropped && tokens.length > 0; ) {
    dropped = false;
    for (const suffix of SUFFIX_TOKENS) {
      const tail = tokens.slice(-suffix.length);
      if (tail.length === suffix.length && tail.every((t, i) => t === suffix[i])) {
        tokens.splice(-suffix.length);
        dropped = true;
        break;
      }
    }
  }
  return tokens.some((t) => t !== 'and') ? tokens.join(' ') : null;
}

/** "José  Núñez" → "jose nunez": lower-case, no diacritics or punctuation, single spaces. */
export function normalisePersonName(first: Raw, last: Raw): string | null {
  const tokens = nameTokens(`${first ?? ''} ${last ?? ''}`);
  return tokens.length ? tokens.join(' ') : null;
}

// ─── Phones ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The E.164 form of a phone (`+15551234567`), reading national numbers as the workspace's country.
 * Extensions are dropped: they pick a desk behind the same line, and the line is what identifies.
 * Null for junk ("n/a", "0", "12") and for numbers of an impossible length.
 *
 * "00" is the international prefix in most of the world but not in North America (011), so
 * `001-808-617-6467` read as a US number is 14 digits of nonsense; when the national reading is not
 * possible and the value starts with 00, it is read again as `+1 808 617 6467`.
 */
export function normalisePhone(raw: Raw, defaultCountry?: string | null): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const country: CountryCode | undefined =
    defaultCountry && isSupportedCountry(defaultCountry.toUpperCase()) ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const national = possibleE164(text, country);
  if (national) return national;
  const idd = /^[\s(]*0[\s.-]*0/.exec(text);
  return idd ? possibleE164(`+${text.slice(idd[0].length)}`, undefined) : null;
}

function possibleE164(text: string, country: CountryCode | undefined): string | null {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: country });
  return parsed?.isPossible() ? parsed.number : null;
}
