// The tf-idf weighting of an article's terms for related articles. Pure functions only; folding,
// stopwords and stemming are core/text's terms(); stored vectors live in related-store.ts,
// scoring in related-scoring.ts and related-candidates.ts.
import { terms, type TermCache } from '../../core/text/index.js';

/** Headline terms count three times, the dek twice, the body once (before the sublinear tf). */
export const FIELD_WEIGHTS = { headline: 3, dek: 2, body: 1 } as const;

/** Terms kept per article vector, by weight: bounds the rows a very long article stores. */
export const MAX_TERMS = 400;

/** Memo of word → term, for a batch that reads many texts of one language. */
export type TokenCache = TermCache;

export interface ArticleText {
  headline: string;
  dek?: string;
  body: string;
}

/** Field-weighted term counts of an article: each occurrence adds its field's weight. */
export function termCounts(article: ArticleText, language: string, cache?: TokenCache): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    for (const term of terms(text ?? '', language, cache)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(article.headline, FIELD_WEIGHTS.headline);
  add(article.dek, FIELD_WEIGHTS.dek);
  add(article.body, FIELD_WEIGHTS.body);
  return counts;
}

/** Sublinear term frequency: the tenth mention of a word matters less than the second. */
export const tf = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);

/** Smoothed inverse document frequency over `n` documents, `df` of which hold the term (≥ 1). */
export const idf = (df: number, n: number): number => Math.log((1 + n) / (1 + df)) + 1;

export type TermVector<K extends string | number = string> = Array<[term: K, weight: number]>;

/**
 * The unit-length tf-idf vector of an article, heaviest terms first, cut to `maxTerms`.
 * `dfOf` gives each term's document frequency counting this article; `n` counts it too.
 * Terms may be strings or the integer ids a batch job gives them.
 */
export function weighTerms<K extends string | number>(
  counts: Iterable<[K, number]>,
  dfOf: (term: K) => number,
  n: number,
  maxTerms = MAX_TERMS,
): TermVector<K> {
  const weighted: TermVector<K> = [];
  for (const [term, count] of counts) weighted.push([term, tf(count) * idf(Math.max(1, dfOf(term)), Math.max(1, n))]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = weighted.slice(0, maxTerms);
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
  return norm > 0 ? kept.map(([term, w]) => [term, w / norm]) : [];
}

/** Cosine similarity of two unit vectors: the dot product over the terms they share. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}
