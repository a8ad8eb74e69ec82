// The snippet under a hit: about thirty words of the dek and body around the first word that
// matches the query, split into segments that say which words matched. Matching compares terms
// (core/text), so a word written with other letter forms, harakat or a ZWNJ still lights up.
import { terms } from '../../core/text/index.js';

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export const SNIPPET_WORDS = 30;
/**
 * A word as written → its terms, per language, shared by every snippet: folding and stemming are
 * the costly part, pure, and news repeats its words. Bounded: dropped whole when full.
 */
const PIECE_TERMS = new Map<string, Map<string, string[]>>();
const MAX_CACHED_WORDS = 50_000;

function termsOfPiece(piece: string, language: string): string[] {
  let cache = PIECE_TERMS.get(language);
  if (!cache || cache.size > MAX_CACHED_WORDS) {
    cache = new Map();
    PIECE_TERMS.set(language, cache);
  }
  let found = cache.get(piece);
  if (!found) {
    found = terms(piece, language);
    cache.set(piece, found);
  }
  return found;
}
/** Words shown before the first match, so it reads in context rather than at the very start. */
const LEAD_WORDS = 8;
// Words are runs of letters, marks and digits (held together by an apostrophe or a joiner);
// everything between them (spaces, punctuation, hyphens) is kept as written but never marked.
const PIECES = /([^\p{L}\p{M}\p{N}'’\u200C\u200D]+)/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;

/** Whether `word` holds a query term: equal to a token, or starting with the last one (typed as a prefix). */
function matches(word: string, tokens: ReadonlySet<string>, prefix: string | undefined, language: string): boolean {
  return termsOfPiece(word, language).some((t) => tokens.has(t) || (prefix !== undefined && t.startsWith(prefix)));
}

/**
 * The snippet of `text` for the query terms `tokens`; `prefix` (by default the last token; given
 * as undefined, none) also matches the words it begins, as the search did.
 */
export function buildSnippet(text: string, tokens: readonly string[], language: string, options: { size?: number; prefix?: string | undefined } = {}): SnippetSegment[] {
  const size = options.size ?? SNIPPET_WORDS;
  const pieces = text.split(PIECES).filter((p) => p !== '');
  const words: Array<{ text: string; index: number }> = [];
  pieces.forEach((p, index) => {
    if (WORD.test(p)) words.push({ text: p, index });
  });
  if (!words.length) return [];
  const wanted = new Set(tokens);
  const prefix = 'prefix' in options ? options.prefix : tokens.length ? tokens[tokens.length - 1] : undefined;
  const hit = tokens.length ? words.findIndex((w) => matches(w.text, wanted, prefix, language)) : -1;
  const first = hit < 0 ? 0 : Math.max(0, Math.min(hit - LEAD_WORDS, words.length - size));
  const last = Math.min(words.length, first + size) - 1;

  const segments: SnippetSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match && !match) prev.text += piece;
    else segments.push({ text: piece, match });
  };
  if (first > 0) push('… ', false);
  // At either end of the text its punctuation is kept (the closing full stop); inside, the ellipsis stands for what is cut.
  const start = first === 0 ? 0 : words[first]!.index;
  const end = last === words.length - 1 ? pieces.length - 1 : words[last]!.index;
  for (let i = start; i <= end; i++) {
    const piece = pieces[i]!;
    const isWord = WORD.test(piece);
    push(piece, isWord && tokens.length > 0 && matches(piece, wanted, prefix, language));
  }
  if (last < words.length - 1) push(' …', false);
  return segments;
}
