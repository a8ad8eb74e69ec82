// Slugs from headlines in any script. Persian and Arabic keep their letters (browsers show them
// decoded in the address bar); Latin loses its accents; punctuation becomes single hyphens.
// Which characters survive is core/text's foldForSlug; the shape of a URL segment is here.
import { foldForSlug } from '../../core/text/index.js';

const DISALLOWED = /[^\p{L}\p{N}\p{M}]+/gu;

export const SLUG_MAX = 80;

export function slugify(headline: string, maxLength = SLUG_MAX): string {
  let s = foldForSlug(headline).replace(DISALLOWED, '-').replace(/^-+|-+$/g, '');
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
