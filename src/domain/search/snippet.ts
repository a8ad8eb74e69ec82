// The snippet under a hit: about thirty words of the dek and body around the first word that
// matches the query, split into segments that say which words matched. Matching compares terms
// (core/text), so a word written with other letter forms, harakat or a ZWNJ still lights up.
import { terms, type TermCache } from '../../core/text/index.js';

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export const SNIPPET_WORDS = 30;
/** Words shown before the first match, so it reads in context rather than at the very start. */
const LEAD_WORDS = 8;
// A word is a run of anything but spaces; its terms decide whether it matches.
const PIECES = /(\s+)/u;

/** Whether `word` holds a query term: equal to a token, or starting with the last one (typed as a prefix). */
function matches(word: string, tokens: ReadonlySet<string>, prefix: string | undefined, language: string, cache: TermCache): boolean {
  return terms(word, language, cache).some((t) => tokens.has(t) || (prefix !== undefined && t.startsWith(prefix)));
}

export function buildSnippet(text: string, tokens: readonly string[], language: string, size = SNIPPET_WORDS): SnippetSegment[] {
  const pieces = text.split(PIECES).filter((p) => p !== '');
  const words: Array<{ text: string; index: number }> = [];
  pieces.forEach((p, index) => {
    if (!/^\s+$/u.test(p)) words.push({ text: p, index });
  });
  if (!words.length) return [];
  const wanted = new Set(tokens);
  const prefix = tokens.length ? tokens[tokens.length - 1] : undefined;
  const cache: TermCache = new Map();
  const hit = tokens.length ? words.findIndex((w) => matches(w.text, wanted, prefix, language, cache)) : -1;
  const first = hit < 0 ? 0 : Math.max(0, Math.min(hit - LEAD_WORDS, words.length - size));
  const last = Math.min(words.length, first + size) - 1;

  const segments: SnippetSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match && !match) prev.text += piece;
    else segments.push({ text: piece, match });
  };
  if (first > 0) push('… ', false);
  for (let i = words[first]!.index; i <= words[last]!.index; i++) {
    const piece = pieces[i]!;
    const isWord = !/^\s+$/u.test(piece);
    push(piece, isWord && tokens.length > 0 && matches(piece, wanted, prefix, language, cache));
  }
  if (last < words.length - 1) push(' …', false);
  return segments;
}
