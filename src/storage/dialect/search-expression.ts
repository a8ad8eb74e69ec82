// The full-text query strings of both dialects, built from folded tokens only: each token is
// reduced to letters, marks and digits and quoted, so a query can never carry FTS5 or tsquery
// operators, whatever the reader typed.

const NOT_TOKEN = /[^\p{L}\p{M}\p{N}]+/gu;

/** The tokens as they may appear inside quotes: anything but letters, marks and digits removed, empties dropped. */
export function safeTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.replace(NOT_TOKEN, '')).filter(Boolean);
}

/** FTS5 MATCH text: `"a" AND "b"*` (every token, the last as a prefix); '' when nothing is left. */
export function fts5Expression(tokens: readonly string[]): string {
  const safe = safeTokens(tokens);
  return safe.map((t, i) => `"${t}"${i === safe.length - 1 ? '*' : ''}`).join(' AND ');
}

/** to_tsquery text: `'a' & 'b':*` (every token, the last as a prefix); '' when nothing is left. */
export function tsqueryExpression(tokens: readonly string[]): string {
  const safe = safeTokens(tokens);
  return safe.map((t, i) => `'${t}'${i === safe.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Recency's share of a relevance score: score × (0.7 + 0.3·e^(−age in days / 30)). */
export const RECENCY = { floor: 0.7, weight: 0.3, days: 30 } as const;

/** What a link to a matched entity adds to a document's score: linked articles come first. */
export const ENTITY_BONUS = 1;
