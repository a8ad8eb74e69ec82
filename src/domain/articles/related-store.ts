// The stored form of related articles: term vectors (article_terms) and ranked lists
// (related_articles), read and written in statements kept under the bound-parameter limits.
// The writers expect to run inside the transaction of a refresh that holds lockEdition.
import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import type { TermVector } from './related-text.js';
import type { Entry } from './related-scoring.js';

// Kysely binds one parameter per IN element; these keep every statement well under SQLite's
// and PostgreSQL's limits.
export const IN_CHUNK = 500;
export const ROW_CHUNK = 1000;

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function append<V>(map: Map<number, V[]>, key: number, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Serializes the related-article writes of one edition across processes until the transaction
 * ends. A refresh reads lists and writes them back merged, so two at once could each overwrite a
 * list the other has just changed. Updating a non-key column of the edition row is the portable
 * lock: PostgreSQL takes a row lock that still lets articles reference the edition, and SQLite
 * takes its write lock at once (waiting out busy_timeout) instead of failing at the first write of
 * a transaction whose reads another process has since made stale.
 */
export async function lockEdition(db: Kysely<DB>, edition: string): Promise<void> {
  await db
    .updateTable('editions')
    .set((eb) => ({ position: eb.ref('position') }))
    .where('code', '=', edition)
    .execute();
}

export async function storeTerms(db: Kysely<DB>, articleId: number, edition: string, vector: TermVector): Promise<void> {
  await db.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
  for (const part of chunks(vector, ROW_CHUNK)) {
    await db
      .insertInto('article_terms')
      .values(part.map(([term, weight]) => ({ article_id: articleId, edition_code: edition, term, weight })))
      .execute();
  }
}

export async function loadLists(db: Kysely<DB>, ids: number[]): Promise<Map<number, Entry[]>> {
  const lists = new Map<number, Entry[]>();
  for (const part of chunks(ids, IN_CHUNK)) {
    const rows = await db
      .selectFrom('related_articles')
      .select(['article_id', 'related_id', 'score'])
      .where('article_id', 'in', part)
      .orderBy('article_id')
      .orderBy('rank')
      .execute();
    for (const r of rows) append(lists, r.article_id, { id: r.related_id, score: r.score });
  }
  return lists;
}

/** The articles whose stored list includes `articleId`. */
export const holdersOf = async (db: Kysely<DB>, articleId: number): Promise<number[]> =>
  (await db.selectFrom('related_articles').select('article_id').where('related_id', '=', articleId).execute()).map((r) => r.article_id);

// Scores computed from either side, or in another order, differ in the last bits; such a
// difference is no reason to write.
const SCORE_EPSILON = 1e-9;

/** Replaces a stored list; true when the related ids or their order changed (what pages show). */
export async function storeList(db: Kysely<DB>, articleId: number, old: Entry[], next: Entry[]): Promise<boolean> {
  const sameIds = old.length === next.length && old.every((e, i) => e.id === next[i]?.id);
  if (sameIds && old.every((e, i) => Math.abs(e.score - (next[i]?.score ?? Infinity)) <= SCORE_EPSILON)) return false;
  let stale = db.deleteFrom('related_articles').where('article_id', '=', articleId);
  if (next.length) stale = stale.where('related_id', 'not in', next.map((e) => e.id));
  await stale.execute();
  if (next.length) {
    await db
      .insertInto('related_articles')
      .values(next.map((e, i) => ({ article_id: articleId, related_id: e.id, rank: i + 1, score: e.score })))
      .onConflict((oc) =>
        oc.columns(['article_id', 'related_id']).doUpdateSet((eb) => ({ rank: eb.ref('excluded.rank'), score: eb.ref('excluded.score') })),
      )
      .execute();
  }
  return !sameIds;
}
