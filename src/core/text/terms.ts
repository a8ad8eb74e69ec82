// Index terms of a text: what related articles compare and what search will index and query.
import { ruleLanguage } from './language.js';
import { foldKeepingZwnj } from './normalize.js';
import { stem } from './stem.js';
import { stopwordsOf } from './stopwords.js';
import { wordsOf } from './tokenize.js';

/** Memo of word → term for a batch over texts of one language; '' marks a dropped word. */
export type TermCache = Map<string, string>;

const TWO_LETTERS = /\p{L}[^]*\p{L}/u;

function termOf(word: string, lang: string): string {
  const joined = word.replaceAll('\u200C', '');
  if (!TWO_LETTERS.test(joined) || stopwordsOf(ruleLanguage(joined, lang)).has(joined)) return '';
  const term = stem(word, lang);
  return TWO_LETTERS.test(term) ? term : '';
}

/**
 * The terms of a text in reading order: folded words (foldForMatch), without stopwords and
 * without words of fewer than two letters (digits alone, G7's G), stemmed. `lang` is the
 * language tag of the text; words of another script follow that script's default rules.
 * Pass one `cache` across texts of the same language to fold and stem each word once.
 */
export function terms(text: string, lang: string, cache?: TermCache): string[] {
  const out: string[] = [];
  for (const word of wordsOf(foldKeepingZwnj(text), lang)) {
    let term = cache?.get(word);
    if (term === undefined) {
      term = termOf(word, lang);
      cache?.set(word, term);
    }
    if (term) out.push(term);
  }
  return out;
}
