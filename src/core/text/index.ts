// The public surface of core/text: folding, tokens, stopwords, stems and terms for every feature
// that compares text (slugs, taxonomy names, related articles, search, comment rules).
export { ARABIC_LETTER_FOLDS, foldArabicLetters, hasArabicScript, stripArabicMarks } from './arabic-script.js';
export { toAsciiDigits } from './digits.js';
export { cleanLine, cleanTextBlock, stripDirectionControls } from './line.js';
export { countInvisible, removeJoiners, stripInvisible } from './invisible.js';
export { baseLanguage, ruleLanguage, scriptOf, type Script } from './language.js';
export { LATIN_LETTER_FOLDS, foldLatinLetters } from './latin.js';
export { nameKey } from './name-key.js';
export { AhoCorasick, type AhoCorasickMatch } from './aho-corasick.js';
export { foldCase, foldForMatch, foldForSlug, foldName } from './normalize.js';
export { stem } from './stem.js';
export { stemArabic, stemPersian } from './stem-arabic-script.js';
export { stemEnglish, stemFrench, stemSpanish } from './stem-latin.js';
export { isStopword, stopwordsOf } from './stopwords.js';
export { terms, wordTerms, type TermCache, type WordTerm } from './terms.js';
export { tokenize } from './tokenize.js';
