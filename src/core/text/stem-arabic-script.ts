// Light stemmers for Persian and Arabic, over folded words (ی ک ه forms): affixes that rarely
// belong to a root, removed only when enough of the word remains. Hand-written: light stemming
// of this kind (Larkey's light10, reduced) is a table and a loop, and root stemmers conflate
// too much for matching news.

const ZWNJ = '\u200C';

// Written after a ZWNJ these are never part of the stem: plurals, comparatives, the indefinite
// and ezafe yeh, possessive and verb endings.
const FA_JOINED_SUFFIXES = new Set(['ها', 'های', 'هایی', 'ای', 'ی', 'تر', 'ترین', 'ام', 'ات', 'اش', 'مان', 'تان', 'شان', 'ایم', 'اید', 'اند']);
// Written without a ZWNJ, only the plural and the superlative are safe to remove.
const FA_UNJOINED_SUFFIXES = ['هایی', 'های', 'ها', 'ترین'];
// Words that end like a plural or superlative but are not one.
const FA_KEEP = new Set(['انتها', 'اشتها', 'دکترین']);

/**
 * Persian: a word written with ZWNJ loses the suffix parts after it (کتاب‌ها, ویژه‌ای,
 * بزرگ‌ترین, رفته‌اند); a word without one loses a plural ها/های/هایی or superlative ترین when
 * three letters remain (کتابها, روستاهای, بزرگترین). The verb prefix می stays: without a ZWNJ
 * it cannot be told apart from the word's own letters, and the two spellings must meet.
 * Returns the stem without ZWNJ.
 */
export function stemPersian(word: string): string {
  if (word.includes(ZWNJ)) {
    const parts = word.split(ZWNJ);
    while (parts.length > 1 && FA_JOINED_SUFFIXES.has(parts.at(-1) ?? '')) parts.pop();
    return parts.join('');
  }
  if (FA_KEEP.has(word)) return word;
  for (const suffix of FA_UNJOINED_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

// The definite article with its attached particles; the bare conjunction و is not removed, as
// too many words begin with it (وزیر، وزارت، وطن).
const AR_PREFIXES = ['وال', 'بال', 'کال', 'فال', 'لل', 'ال'];
// Longest first: the pronoun ها, sound plurals, the nisba یه/ی, teh marbuta (folded to ه). The
// dual ان is left: it ends too many names (لبنان، ایران، عمان، برلمان).
const AR_SUFFIXES = ['ها', 'ات', 'ون', 'ین', 'یه', 'ه', 'ی'];

/**
 * Arabic (after Larkey's light10, reduced): the article and its particles when two letters
 * remain, then one suffix when three remain, so المزارعون/والمزارعين, حكومة/حكومات/الحكومية,
 * and مصر/المصري meet. ZWNJ, if any, is removed.
 */
export function stemArabic(word: string): string {
  let w = word.replaceAll(ZWNJ, '');
  for (const prefix of AR_PREFIXES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= 2) {
      w = w.slice(prefix.length);
      break;
    }
  }
  for (const suffix of AR_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}
