// Suggestions for a query that found nothing: entity names of the edition and index terms within
// two edits of what was typed. The work is bounded: at most 2,000 candidates a term (index terms
// sharing its first letter, entity names of a close length), compared with a cut-off edit distance.
import { foldName, nameKey } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';

export const MAX_SUGGESTIONS = 3;
const MAX_CANDIDATES = 2000;
/** Shorter tokens are one or two edits from too many words to suggest anything useful. */
const MIN_TOKEN_LENGTH = 4;

/** Levenshtein distance, or max + 1 as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length]!;
}

const allowedDistance = (length: number): number => (length >= 7 ? 2 : 1);

/** Entity names (in the edition's language) whose folded form is one or two edits from the query's. */
export async function similarEntityNames(ctx: DbCtx, language: string, cleaned: string): Promise<string[]> {
  const key = foldName(cleaned);
  const length = Array.from(key).length;
  if (length < MIN_TOKEN_LENGTH) return [];
  // By length rather than by first letter: entity_names.normalized sorts by the database's
  // collation, and an edition has few enough names that its close lengths are a small set.
  const rows = await ctx.db
    .selectFrom('entity_names')
    .select(['name', 'normalized', 'is_primary'])
    .where('language', '=', language)
    .where((eb) => eb.between(eb.fn('length', ['normalized']), length - 2, length + 2))
    .orderBy('is_primary', 'desc')
    .limit(MAX_CANDIDATES)
    .execute();
  const max = allowedDistance(length);
  return rank(rows.map((r) => ({ value: r.name, distance: editDistance(key, r.normalized, max) })), max);
}

/** Indexed words of the edition one or two edits from `word` (sharing its first letter), closest first. */
export async function similarWords(ctx: DbCtx, edition: string, word: string): Promise<string[]> {
  const chars = Array.from(word);
  if (chars.length < MIN_TOKEN_LENGTH) return [];
  const max = allowedDistance(chars.length);
  const rows = await ctx.db
    .selectFrom('search_terms')
    .select('term')
    .where('edition_code', '=', edition)
    .where('term', '>=', chars[0]!)
    .where('term', '<', `${chars[0]!}\uFFFF`)
    .where('term', '!=', word)
    .limit(MAX_CANDIDATES)
    .execute();
  return rank(rows.map((r) => ({ value: r.term, distance: editDistance(word, r.term, max) })), max);
}

/** Index terms of the edition one or two edits from a query token, closest first. */
export async function similarTerms(ctx: DbCtx, edition: string, tokens: readonly string[]): Promise<string[]> {
  const found: string[][] = [];
  for (const token of tokens) found.push(await similarWords(ctx, edition, token));
  return [...new Set(found.flat())].slice(0, MAX_SUGGESTIONS * 2);
}

/** Whether the index holds a word starting with `prefix` other than itself (a reader still typing). */
export async function isPrefixOfIndexed(ctx: DbCtx, edition: string, prefix: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('search_terms')
    .select('term')
    .where('edition_code', '=', edition)
    .where('term', '>', prefix)
    .where('term', '<', `${prefix}\uFFFF`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function rank(candidates: Array<{ value: string; distance: number }>, max: number): string[] {
  const kept = candidates.filter((c) => c.distance >= 1 && c.distance <= max).sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  return [...new Set(kept.map((c) => c.value))].slice(0, MAX_SUGGESTIONS * 2);
}

/**
 * Entities of the edition with a name whose transliteration key is the query's and which is at
 * most three edits away (Dayr az-Zor ~ Deir ez-Zor): names of a close length only, bounded.
 */
export async function entitiesByNameKey(ctx: DbCtx, language: string, folded: string): Promise<number[]> {
  const key = nameKey(folded);
  const length = Array.from(folded).length;
  const rows = await ctx.db
    .selectFrom('entity_names')
    .select(['entity_id', 'normalized'])
    .where('language', '=', language)
    .where((eb) => eb.between(eb.fn('length', ['normalized']), length - 3, length + 3))
    .limit(MAX_CANDIDATES)
    .execute();
  const ids = rows.filter((r) => nameKey(r.normalized) === key && editDistance(folded, r.normalized, 3) <= 3).map((r) => r.entity_id);
  return [...new Set(ids)];
}
