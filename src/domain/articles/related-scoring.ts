// The related-articles formula and ranking, free of SQL: the constants, how specific a shared tag
// or entity is, the score of a pair, and the order lists are kept in (docs/related-articles.md).
export const RELATED = {
  /** Entries stored per article; pages show the first few that are still published. */
  stored: 10,
  /** The source's heaviest terms whose postings generate candidates. */
  queryTerms: 30,
  /** Postings read per query term, heaviest first: bounds the work for very common terms. */
  postingsPerTerm: 300,
  /** Candidates scored exactly, by their provisional score. */
  candidates: 150,
  /** Tags and entities on more published articles than this add to scores but generate no candidates. */
  maxLinkDf: 500,
  /**
   * Below this an article is not related: it shares wording or a tag, not a subject. Lists are
   * never padded up to `stored` with such articles (docs/related-articles.md, "Floor").
   */
  minScore: 0.15,
  tagBonus: 0.04,
  entityBonus: 0.06,
  /** At most this many shared tags (and, separately, entities) count. */
  linkCap: 3,
  /** A tag or entity on 1/20 of the edition's articles or fewer counts fully. */
  specificityRef: 20,
  /** The share of the score that recency can take away, and its decay in days. */
  recencyShare: 0.2,
  recencyDays: 30,
} as const;

export const DAY = 86_400_000;

/** How much a tag (or entity) on `df` of `n` published articles says: 0 if on all, 1 if rare. */
export function specificity(df: number, n: number): number {
  if (df <= 0 || n <= 1) return 0;
  return Math.min(1, Math.max(0, Math.log(n / df) / Math.log(RELATED.specificityRef)));
}

/**
 * score = (cosine + Σ tagBonus·specificity + Σ entityBonus·specificity) · (1 − r + r·e^(−Δdays/τ)),
 * with the strongest `linkCap` tags and entities counted. Symmetric in the two articles and
 * independent of the current time, so a stored score stays valid until one of them changes.
 */
export function relatedScore(input: { cosine: number; tags: number[]; entities: number[]; daysApart: number }): number {
  const bonus = (specificities: number[], each: number) =>
    [...specificities]
      .sort((a, b) => b - a)
      .slice(0, RELATED.linkCap)
      .reduce((sum, s) => sum + each * s, 0);
  const base = input.cosine + bonus(input.tags, RELATED.tagBonus) + bonus(input.entities, RELATED.entityBonus);
  const recency = 1 - RELATED.recencyShare + RELATED.recencyShare * Math.exp(-Math.abs(input.daysApart) / RELATED.recencyDays);
  return base * recency;
}

export interface Entry {
  id: number;
  score: number;
}

/** Highest score first; among equals, the newer article (higher id). */
export const byRank = (a: Entry, b: Entry) => b.score - a.score || b.id - a.id;

export function topList(scores: Map<number, number>): Entry[] {
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .filter((e) => e.score >= RELATED.minScore)
    .sort(byRank)
    .slice(0, RELATED.stored);
}
