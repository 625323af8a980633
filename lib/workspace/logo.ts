// What an uploaded logo really is, read from its bytes (never from its name or the type the browser
// claims): PNG and JPEG by their signatures, SVG by being UTF-8 text whose first element is <svg>.

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const LOGO_WRONG_TYPE = 'Upload a PNG, JPEG or SVG image';
export const LOGO_EMPTY = 'That file is empty';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

// Before the root element an SVG file may have a byte order mark, an XML declaration, comments and
// white space. A DOCTYPE is refused: it is how entity tricks (billion laughs, external entities) begin.
const SVG_PROLOGUE = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/;

function isSvg(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // The start is enough to find the root element; `fatal` refuses bytes that are not UTF-8 at all.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)), { stream: true });
  } catch {
    return false;
  }
  return SVG_PROLOGUE.test(text);
}

/** The image type the bytes are, or null when they are none of the three. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (isSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** Where the logo is served; the version (when it was stored) makes every new logo a new URL. */
export function logoUrl(version: number | null): string | null {
  return version === null ? null : `/api/logo?v=${version}`;
}

/** PDFs draw PNG and JPEG; react-pdf cannot draw SVG, so an SVG logo leaves the company's name there. */
export function pdfDrawsLogo(type: string): boolean {
  return type === 'image/png' || type === 'image/jpeg';
}
