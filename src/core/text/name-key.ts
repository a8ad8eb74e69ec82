// A transliteration key for names written in Latin letters: the consonant skeleton that survives
// the usual romanisations of Persian and Arabic names (Nourbakhsh ~ Nurbakhsh, Hosseini ~
// Husseini, Dayr az-Zawr ~ Deir ez-Zor). Search uses it to offer a spelling the index holds when
// the reader typed another. Hand-written: romanisation variants are few and well known, and no
// library covers them for this purpose.

const DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/kh/g, 'k'],
  // غ and ق are both romanised gh and q (Ghasemi ~ Qasemi).
  [/gh/g, 'k'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/zh/g, 'z'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
];
// Short vowels are not written in Arabic script, so romanisations disagree on them, and on w/y
// standing for long vowels (Zawr ~ Zor, Dayr ~ Deir).
const VOWELS = /[aeiouwy]/g;
const REPEATS = /(.)\1+/g;
const LATIN_WORD = /^[a-z]+$/;

/**
 * The skeleton of a folded Latin word or name (foldForMatch/foldName output: lower case, no
 * accents; spaces and hyphens are ignored), or '' when it holds anything but a–z. Two spellings
 * of one romanised name usually share it; so do some unrelated short words, so callers require
 * a minimum length and a close edit distance as well.
 */
export function nameKey(folded: string): string {
  const letters = folded.replace(/[\s'-]+/g, '');
  if (!LATIN_WORD.test(letters)) return '';
  let s = letters;
  for (const [pattern, to] of DIGRAPHS) s = s.replace(pattern, to);
  return s.replace(VOWELS, '').replace(REPEATS, '$1');
}
