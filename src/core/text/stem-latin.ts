// Light stemmers for English, French and Spanish: inflection only (plural, -ing/-ed, gender),
// never derivation, so that a stem gathers the forms of one word and rarely of two. Hand-written:
// Snowball stemmers are heavier and conflate more than related articles or search want.

const EN_KEEP_S = new Set(['news', 'series', 'species', 'always', 'perhaps', 'thus', 'plus', 'lens', 'bias', 'chaos', 'whereas']);
const VOWEL = /[aeiouy]/;

/**
 * English: plurals (-s, -es, -ies), -ing and -ed (undoubling planned → plan), then a final -e
 * or -y, so that prices/price, flooded/floods/flooding and cities/city meet. Stems need not be
 * words (citi, pric): only their equality matters. Expects a folded ASCII word.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || EN_KEEP_S.has(w)) return w;
  if (/ie[sd]$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else {
    const m = /^(.*?)(ing|ed)$/.exec(w);
    if (m?.[1] && m[1].length >= 3 && VOWEL.test(m[1])) {
      w = m[1];
      // planned → plan, stopping → stop; but fall(ing), pass(ed), buzz(ing) keep their pair.
      if (w.length >= 4 && /([b-df-hj-kmnp-rtv-x])\1$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/**
 * French, after Savoy's minimal stemmer (as in Lucene's FrenchMinimalStemmer): words of six
 * letters or more lose a plural -x (journaux → journal) or -s, then -r, -e and a doubled final
 * letter, so grand/grande/grands/grandes and élection/élections meet. Expects a folded word
 * (accents gone).
 */
export function stemFrench(word: string): string {
  let w = word;
  if (w.length < 6) return w;
  if (w.endsWith('x')) return w.endsWith('aux') && w.at(-4) !== 'e' ? `${w.slice(0, -3)}al` : w.slice(0, -1);
  if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('r')) w = w.slice(0, -1);
  if (w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 1 && w.at(-1) === w.at(-2) && /[a-z]/.test(w.at(-1) ?? '')) w = w.slice(0, -1);
  return w;
}

/**
 * Spanish, after Savoy's light stemmer (as in Lucene's SpanishLightStemmer): words of five
 * letters or more lose a final vowel of gender or a plural (-s, -es; -ces → -z, so luces and
 * luz meet), so ciudad/ciudades and nuevo/nueva/nuevos meet. Expects a folded word.
 */
export function stemSpanish(word: string): string {
  const w = word;
  if (w.length < 5) return w;
  const last = w.at(-1);
  if (last === 'o' || last === 'a' || last === 'e') return w.slice(0, -1);
  if (last !== 's') return w;
  if (w.endsWith('eses')) return w.slice(0, -2);
  if (w.endsWith('ces')) return `${w.slice(0, -3)}z`;
  return /[aeo]s$/.test(w) ? w.slice(0, -2) : w;
}
