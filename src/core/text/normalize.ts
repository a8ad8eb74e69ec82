// The two foldings every text feature starts from: the matching form (search, related articles,
// taxonomy names, spam rules) and the slug form (URLs, which keep each script's own letters).
import { foldArabicLetters, stripArabicMarks } from './arabic-script.js';
import { toAsciiDigits } from './digits.js';
import { removeJoiners, stripInvisible } from './invisible.js';
import { foldLatinLetters, stripCombiningMarks } from './latin.js';

const APOSTROPHE_VARIANTS = /[’ʼ‘`´′]/g;
const FORMAT = /\p{Cf}/gu;
const HAS_FORMAT = /\p{Cf}/u;
// Printable ASCII has nothing to fold but case and the backtick, and most English text is just that.
const ASCII = /^[\t\n\r -~]*$/;

/** Lower case, with final sigma meeting sigma: JavaScript has no full case folding, this is the part that matters. */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/**
 * The matching form with ZWNJ still marking where a Persian word's parts meet, for the stemmer
 * that strips suffixes written after it (کتاب‌ها). Everything else is as in foldForMatch.
 */
export function foldKeepingZwnj(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHE_VARIANTS, "'");
  let s = stripInvisible(text.normalize('NFKC'));
  s = foldArabicLetters(foldCase(s).replace(APOSTROPHE_VARIANTS, "'"));
  s = stripArabicMarks(stripCombiningMarks(s.normalize('NFD'))).normalize('NFC');
  s = toAsciiDigits(foldLatinLetters(s));
  return HAS_FORMAT.test(s) ? s.replace(FORMAT, (c) => (c === '\u200C' ? c : '')) : s;
}

/**
 * The form in which two spellings of one word are equal: NFKC (presentation forms, full-width
 * letters, ligatures), no invisible characters, lower case, Arabic-script letters folded
 * (ARABIC_LETTER_FOLDS), no harakat or tatweel, no Latin accents, ß → ss and kin, ASCII digits,
 * one apostrophe, and no joiners: ZWNJ joins (می‌روم = میروم). Idempotent.
 */
export function foldForMatch(text: string): string {
  return removeJoiners(foldKeepingZwnj(text));
}

/**
 * The key under which a name and its aliases are stored and looked up: the match form with
 * everything but letters and digits removed, so "Deir ez-Zor" ~ "Deir Ezzor" and علي ~ علی.
 */
export function foldName(name: string): string {
  return foldForMatch(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The characters a slug is made of, before slug.ts gives it its shape: Latin loses its accents
 * (NFKD, so ß, ø and ł stay, as slugs always had them), Arabic-script text loses harakat and
 * tatweel but keeps its letters as written (an Arabic slug stays Arabic, not Persian), digits
 * become ASCII, apostrophes vanish (ministers, not minister-s), and everything is lower case.
 * ZWNJ and the zero-width space are word boundaries here (می‌شود → می شود): a URL cannot show a
 * non-joiner, and fusing the parts would join letters the writer kept apart. Other invisible
 * characters vanish.
 */
export function foldForSlug(text: string): string {
  let s = stripCombiningMarks(text.normalize('NFKD')).normalize('NFC');
  s = toAsciiDigits(stripArabicMarks(s)).replace(/['’ʼ‘`]/g, '');
  s = stripInvisible(s.replace(/[\u200B\u200C]/g, ' ')).replace(FORMAT, '');
  return s.toLowerCase();
}
