const BASE = 'http://keel.invalid';

// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil" or "/\\evil" becomes
// "//evil", another site. Anything of the kind, in the value or in any percent-decoded form of it,
// makes the whole value suspect: there is no honest reason for it in a path of ours.
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\\\s\u200b-\u200f\u2028-\u202f\u2060\ufeff]/;
// The path itself must be plain ASCII: look-alikes of "/" and "." (U+FF0F, U+2215, U+3002…) get
// mapped to the real thing by some parsers. Queries may carry any text (a search for "José").
const PLAIN_PATH = /^[\x21-\x7e]*$/;

/** The value and each percent-decoding of it, until it stops changing; null when one is malformed. */
function decodings(value: string): string[] | null {
  const layers = [value];
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(layers[layers.length - 1]);
    } catch {
      return null;
    }
    if (next === layers[layers.length - 1]) return layers;
    layers.push(next);
  }
  // Still changing after four rounds: nobody encodes an honest path that many times.
  return null;
}

function staysHere(layer: string): boolean {
  if (SUSPECT.test(layer) || !PLAIN_PATH.test(layer.split(/[?#]/)[0])) return false;
  if (!layer.startsWith('/') || layer.startsWith('//')) return false;
  let url: URL;
  try {
    url = new URL(layer, BASE);
  } catch {
    return false;
  }
  // "/.//evil" resolves to the path "//evil", which a browser would read as another host.
  return url.origin === BASE && !url.pathname.startsWith('//');
}

/**
 * Where to go after sign-in: a path on this site, else "/". Unsafe in any encoding (control
 * characters, whitespace, backslashes, "//", absolute URLs, look-alike slashes) falls back to "/".
 * The answer is the URL's own serialisation, plain ASCII, so it is always a valid Location header.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  const layers = decodings(next);
  if (!layers || !layers.every(staysHere)) return '/';
  const url = new URL(next, BASE);
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname.startsWith('/api/') || url.pathname.startsWith('/reset/')) return '/';
  return url.pathname + url.search + url.hash;
}
