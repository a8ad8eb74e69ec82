// Words of a text in any script: runs of letters, marks and digits, held together by an
// apostrophe or a ZWNJ inside them; the apostrophe's meaning depends on the language.
import { baseLanguage } from './language.js';
import { foldForMatch } from './normalize.js';

const NON_WORD = /[^\p{L}\p{M}\p{N}'\u200C]+/u;
const EDGE_JOINERS = /^['\u200C]+|['\u200C]+$/g;
// French elision: l'état is the word état. Other apostrophes join (don't → dont, O'Brien → obrien).
const FR_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

function shapeApostrophes(word: string, base: string): string {
  if (!word.includes("'")) return word;
  const w = base === 'fr' ? word.replace(FR_ELISION, '') : word;
  return w.replace(/'s$/, '').replace(/'/g, '');
}

/**
 * The words of text already folded (foldForMatch, or foldKeepingZwnj to keep the ZWNJ inside
 * Persian words), in reading order. Punctuation, hyphens and spaces separate words.
 */
export function wordsOf(folded: string, lang = ''): string[] {
  const base = baseLanguage(lang);
  const out: string[] = [];
  for (const piece of folded.split(NON_WORD)) {
    if (!piece) continue;
    const word = piece.includes("'") || piece.includes('\u200C') ? piece.replace(EDGE_JOINERS, '') : piece;
    const shaped = shapeApostrophes(word, base);
    if (shaped) out.push(shaped);
  }
  return out;
}

/**
 * The folded words of a text (foldForMatch applied), in reading order, stopwords and all:
 * "Café-owners' union's vote" → cafe, owners, union, vote. `lang` (a language tag) decides
 * what an apostrophe means: French elision drops l', d', qu'…; elsewhere a final 's goes.
 */
export function tokenize(text: string, lang = ''): string[] {
  return wordsOf(foldForMatch(text), lang);
}
