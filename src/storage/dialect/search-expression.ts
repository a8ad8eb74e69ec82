// The full-text query strings of both dialects, built from folded terms only: each term is
// reduced to letters, marks and digits and quoted, so a query can never carry FTS5 or tsquery
// operators, whatever the reader typed. The shape is fixed: every group must match (or, in the
// relaxed pass, any group), a group matches when one of its alternatives does, and an
// alternative when all of its terms do.

const NOT_TOKEN = /[^\p{L}\p{M}\p{N}]+/gu;

/** A query's text part: groups of alternatives, each alternative a list of terms. */
export type TermGroups = ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>>;

/** The tokens as they may appear inside quotes: anything but letters, marks and digits removed, empties dropped. */
export function safeTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.replace(NOT_TOKEN, '')).filter(Boolean);
}

/** One token per group, as a reader's words read without alternatives. */
export const groupsOf = (tokens: readonly string[]): string[][][] => tokens.map((t) => [[t]]);

interface Syntax {
  term(token: string, prefix: boolean): string;
  and: string;
  or: string;
}

function build(groups: TermGroups, any: boolean, syntax: Syntax, prefixLast: boolean): string {
  const cleaned = groups
    .map((alternatives) => alternatives.map((terms) => safeTokens(terms)).filter((terms) => terms.length))
    .filter((alternatives) => alternatives.length);
  const last = cleaned.length - 1;
  const parts = cleaned.map((alternatives, g) => {
    const options = alternatives.map((terms, a) => {
      // The reader may still be typing the last word: its first spelling is also a prefix.
      const inner = terms.map((t, i) => syntax.term(t, prefixLast && g === last && a === 0 && i === terms.length - 1)).join(syntax.and);
      return terms.length > 1 && alternatives.length > 1 ? `(${inner})` : inner;
    });
    return options.length > 1 && cleaned.length > 1 ? `(${options.join(syntax.or)})` : options.join(syntax.or);
  });
  return parts.join(any ? syntax.or : syntax.and);
}

const FTS5: Syntax = { term: (t, prefix) => `"${t}"${prefix ? '*' : ''}`, and: ' AND ', or: ' OR ' };
const TSQUERY: Syntax = { term: (t, prefix) => `'${t}'${prefix ? ':*' : ''}`, and: ' & ', or: ' | ' };

/** FTS5 MATCH text, e.g. `"a" AND ("b"* OR "c")`; '' when nothing is left. */
export function fts5Expression(groups: TermGroups, any = false, prefixLast = true): string {
  return build(groups, any, FTS5, prefixLast);
}

/** to_tsquery text, e.g. `'a' & ('b':* | 'c')`; '' when nothing is left. */
export function tsqueryExpression(groups: TermGroups, any = false, prefixLast = true): string {
  return build(groups, any, TSQUERY, prefixLast);
}

/** Recency's share of a relevance score: score × (0.7 + 0.3·e^(−age in days / 30)). */
export const RECENCY = { floor: 0.7, weight: 0.3, days: 30 } as const;

/**
 * Scoring costs the index a bm25 (ts_rank_cd) for every matching article of the edition. A query
 * matching more than this (a word in most articles) scores and ranks only the newest this many,
 * by id, which news ranking favours anyway; the count stays exact. 2,000 bm25 scores take about
 * 2.5 ms on the benchmark machine, where every match of a word in a third of 100,000 articles took 40.
 */
export const SCORED_MATCHES = 2000;

/** What a link to a matched entity adds to a document's score: linked articles come first. */
export const ENTITY_BONUS = 1;
