// Latin (and Greek, Cyrillic) accents and the letters that carry a diacritic without
// decomposing: café = cafe, straße = strasse, øre = ore. Hand-written: the list is short.

// Combining diacritical marks and their supplements: what NFD splits off é, ñ, ç, ő, ά.
// eslint-disable-next-line no-misleading-character-class
const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;

/** Lower-case letters that no normalization form takes apart, and their plain spelling. */
export const LATIN_LETTER_FOLDS: Readonly<Record<string, string>> = {
  'ß': 'ss',
  'æ': 'ae',
  'œ': 'oe',
  'ø': 'o',
  'đ': 'd',
  'ð': 'd',
  'þ': 'th',
  'ł': 'l',
  'ı': 'i',
  'ħ': 'h',
  'ŧ': 't',
};
const FOLDABLE = new RegExp(`[${Object.keys(LATIN_LETTER_FOLDS).join('')}]`, 'g');

/** The text without combining diacritics; expects decomposed (NFD or NFKD) input to act on accents. */
export function stripCombiningMarks(text: string): string {
  return text.replace(COMBINING, '');
}

/** ß, æ, œ, ø, đ, ð, þ, ł, ı, ħ, ŧ (lower case) in plain letters. */
export function foldLatinLetters(text: string): string {
  return text.replace(FOLDABLE, (c) => LATIN_LETTER_FOLDS[c] ?? c);
}
