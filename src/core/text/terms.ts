// Index terms of a text: what related articles compare and what search will index and query.
import { baseLanguage, ruleLanguageOfBase } from './language.js';
import { removeJoiners } from './invisible.js';
import { foldKeepingZwnj } from './normalize.js';
import { stemUnder } from './stem.js';
import { stopwordsOf } from './stopwords.js';
import { wordsOf } from './tokenize.js';

/** Memo of word → term for a batch over texts of one language; '' marks a dropped word. */
export type TermCache = Map<string, string>;

const TWO_LETTERS = /\p{L}\P{L}*\p{L}/u;

function termOf(word: string, base: string): string {
  const joined = word.includes('\u200C') ? word.replaceAll('\u200C', '') : word;
  if (!TWO_LETTERS.test(joined)) return '';
  const ruleLang = ruleLanguageOfBase(joined, base);
  if (stopwordsOf(ruleLang).has(joined)) return '';
  const term = stemUnder(ruleLang, word);
  return TWO_LETTERS.test(term) ? term : '';
}

/**
 * The terms of a text in reading order: folded words (foldForMatch), without stopwords and
 * without words of fewer than two letters (digits alone, G7's G), stemmed. `lang` is the
 * language tag of the text; words of another script follow that script's default rules.
 * Pass one `cache` across texts of the same language to fold and stem each word once.
 */
export function terms(text: string, lang: string, cache?: TermCache): string[] {
  const base = baseLanguage(lang);
  const out: string[] = [];
  for (const word of wordsOf(foldKeepingZwnj(text), base)) {
    let term = cache?.get(word);
    if (term === undefined) {
      term = termOf(word, base);
      cache?.set(word, term);
    }
    if (term) out.push(term);
  }
  return out;
}

/** A word of a text as a reader typed it (folded, no joiners) and its term ('' when dropped). */
export interface WordTerm {
  word: string;
  term: string;
}

/**
 * The words of a text in reading order, each with its term: what search needs to look a word up
 * in the vocabulary (which holds words, not stems) and still query the index by its term.
 */
export function wordTerms(text: string, lang: string, cache?: TermCache): WordTerm[] {
  const base = baseLanguage(lang);
  return wordsOf(foldKeepingZwnj(text), base).map((word) => {
    let term = cache?.get(word);
    if (term === undefined) {
      term = termOf(word, base);
      cache?.set(word, term);
    }
    return { word: word.includes('\u200C') ? removeJoiners(word) : word, term };
  });
}
