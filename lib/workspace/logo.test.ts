import { expect, test } from 'vitest';
import { logoUrl, pdfDrawsLogo, sniffLogoType } from './logo';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.each([
  ['a PNG', bytes(PNG, [0, 0, 0, 13]), 'image/png'],
  ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg'],
  ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
  ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'), 'image/svg+xml'],
  ['an SVG with a BOM, a declaration and a comment', bytes('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Made by hand -->\n<svg>\n</svg>'), 'image/svg+xml'],
  ['an SVG named .png (the name is never asked)', bytes('  <svg width="1" height="1"></svg>'), 'image/svg+xml'],
  ['an SVG behind a DOCTYPE (entity tricks)', bytes('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'), null],
  ['HTML', bytes('<!doctype html><html><script>alert(1)</script></html>'), null],
  ['HTML that holds an svg later', bytes('<html><body><svg></svg></body></html>'), null],
  ['an element whose name starts with svg', bytes('<svgfoo/>'), null],
  ['a GIF', bytes('GIF89a', [1, 0, 1, 0]), null],
  ['a PDF', bytes('%PDF-1.7\n'), null],
  ['half a PNG signature', bytes(PNG.slice(0, 4)), null],
  ['bytes that are not UTF-8', bytes([0xc3, 0x28, 0x3c, 0x73, 0x76, 0x67, 0x3e]), null],
  ['nothing', bytes(), null],
])('%s is %s', (_what, data, type) => {
  expect(sniffLogoType(data)).toBe(type);
});

test('the logo URL carries its version, so a new logo is never served from a cache', () => {
  expect(logoUrl(1_764_000_000_000)).toBe('/api/logo?v=1764000000000');
  expect(logoUrl(null)).toBeNull();
});

test.each([
  ['image/png', true],
  ['image/jpeg', true],
  ['image/svg+xml', false],
])('a PDF draws a %s logo: %s', (type, draws) => expect(pdfDrawsLogo(type)).toBe(draws));
