// Slugs from headlines in any script. Persian and Arabic keep their letters (browsers show them
// decoded in the address bar); Latin loses its accents; punctuation becomes single hyphens.

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const LATIN_COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’ʼ‘`]/g;
const ZERO_WIDTH = /[\u200B-\u200F\u2066-\u2069\uFEFF]/g; // ZWNJ/ZWJ and direction marks join or split nothing in a URL
const DISALLOWED = /[^\p{L}\p{N}\p{M}]+/gu;

export const SLUG_MAX = 80;

function asciiDigits(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export function slugify(headline: string, maxLength = SLUG_MAX): string {
  let s = headline.normalize('NFKD').replace(LATIN_COMBINING, '').normalize('NFC');
  s = asciiDigits(s.replace(ARABIC_MARKS, '').replace(APOSTROPHES, ''));
  s = s.replace(ZERO_WIDTH, '-').toLowerCase().replace(DISALLOWED, '-').replace(/^-+|-+$/g, '');
  const chars = Array.from(s);
  if (chars.length > maxLength) {
    const cut = chars.slice(0, maxLength).join('');
    const lastHyphen = cut.lastIndexOf('-');
    s = (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
  }
  return s || 'article';
}

/** True when a value is a slug this module could have produced (used to validate explicit slugs). */
export function isValidSlug(value: string): boolean {
  return value.length > 0 && Array.from(value).length <= SLUG_MAX && slugify(value) === value;
}

/** The first of base, base-2, base-3… not in `taken`. */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
