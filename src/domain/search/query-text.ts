// What a reader's query becomes before it reaches the index: visible characters only, bounded in
// length, and read into terms by core/text exactly as articles are, so both sides fold alike.
import { stripInvisible, terms } from '../../core/text/index.js';

/** Longer queries are cut here: nobody types more, and each token costs a posting-list walk. */
export const MAX_QUERY_LENGTH = 200;
/** Tokens beyond these add little but work: a pasted paragraph still answers quickly. */
export const MAX_QUERY_TOKENS = 8;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;

/** The query as shown back to the reader: no invisible or control characters, trimmed, at most 200 characters. */
export function cleanQuery(q: string): string {
  const visible = stripInvisible(q).replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
  return Array.from(visible).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** The query's terms in `language` (folded, no stopwords, stemmed), each once, in order. */
export function queryTokens(cleaned: string, language: string): string[] {
  return [...new Set(terms(cleaned, language))].slice(0, MAX_QUERY_TOKENS);
}
