// Incremental upkeep of related articles after one article changes (refreshRelated, run by the
// related.refresh job of each article event): its vector and list, its place in other articles'
// lists, and the refill of the lists it leaves.
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { computeVector, scoreCandidates, sourceOf, storedSource, textColumns, type ArticleTextRow } from './related-candidates.js';
import { serialized } from './related-queue.js';
import { byRank, RELATED, topList, type Entry } from './related-scoring.js';
import { holdersOf, loadLists, lockEdition, storeList, storeTerms } from './related-store.js';
import { visible } from './visibility.js';

/** Recomputes a visible article's list from its stored vector. */
async function refill(ctx: DbCtx, articleId: number, old: Entry[]): Promise<boolean> {
  const source = await storedSource(ctx, articleId);
  if (!source) return false;
  return storeList(ctx.db, articleId, old, topList(await scoreCandidates(ctx, source, [])));
}

/** Removes a withdrawn article's vector and list, takes it out of every list and refills those. */
async function withdraw(ctx: DbCtx, articleId: number): Promise<Set<number>> {
  const changed = new Set<number>();
  const own = (await loadLists(ctx.db, [articleId])).get(articleId) ?? [];
  const holders = await holdersOf(ctx.db, articleId);
  const hasTerms = await ctx.db.selectFrom('article_terms').select('term').where('article_id', '=', articleId).limit(1).executeTakeFirst();
  // Drafts are refreshed on every edit: with nothing stored there is nothing to write.
  if (!own.length && !holders.length && !hasTerms) return changed;
  const before = await loadLists(ctx.db, holders);
  await ctx.db.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
  await ctx.db.deleteFrom('related_articles').where((eb) => eb.or([eb('article_id', '=', articleId), eb('related_id', '=', articleId)])).execute();
  if (own.length) changed.add(articleId);
  for (const holder of holders) {
    changed.add(holder);
    await refill(ctx, holder, (before.get(holder) ?? []).filter((e) => e.id !== articleId));
  }
  return changed;
}

async function refreshVisible(ctx: DbCtx, row: ArticleTextRow): Promise<Set<number>> {
  const changed = new Set<number>();
  const vector = await computeVector(ctx, row);
  await storeTerms(ctx.db, row.id, row.edition_code, vector);
  const source = await sourceOf(ctx, row, vector);
  // The articles listing it today are scored too: an edit may push it out of their lists.
  const holders = await holdersOf(ctx.db, row.id);
  const scores = await scoreCandidates(ctx, source, holders);
  const lists = await loadLists(ctx.db, [row.id, ...scores.keys(), ...holders]);
  if (await storeList(ctx.db, row.id, lists.get(row.id) ?? [], topList(scores))) changed.add(row.id);

  // Scores are symmetric, so the source's score against a candidate is also the candidate's
  // score against it: merging it into the candidate's stored list needs no second search, unless
  // it held a place in a full list and fell below the last entry (an unstored 11th may now
  // outrank it), or a holder is no longer a candidate at all.
  for (const other of new Set([...scores.keys(), ...holders])) {
    const old = lists.get(other) ?? [];
    const score = scores.get(other);
    const held = old.some((e) => e.id === row.id);
    if (score === undefined) {
      if (held && (await refill(ctx, other, old))) changed.add(other);
      continue;
    }
    const lowest = Math.min(...old.map((e) => e.score));
    if (held && old.length >= RELATED.stored && score < lowest) {
      if (await refill(ctx, other, old)) changed.add(other);
      continue;
    }
    const rest = old.filter((e) => e.id !== row.id);
    const next = (score >= RELATED.minScore ? [...rest, { id: row.id, score }] : rest).sort(byRank).slice(0, RELATED.stored);
    if (await storeList(ctx.db, other, old, next)) changed.add(other);
  }
  return changed;
}

/**
 * Recomputes what an article's state implies: a visible article gets a fresh vector and list,
 * and joins (or leaves) the lists of the articles it now ranks among; any other state removes it
 * everywhere and refills the lists it leaves. Returns the ids of the articles whose related list
 * changed, and records them as a related.changed event for every server's cache. Idempotent, and
 * safe to run in several processes at once: the whole refresh, reads included, is one transaction
 * holding its edition's lock, so each refresh starts from every earlier one's committed lists and
 * commits all of its own (and its event) or none.
 */
export function refreshRelated(ctx: DbCtx, articleId: number): Promise<number[]> {
  return serialized(async () => {
    // An article never changes edition, so its edition can be read before taking that edition's lock.
    const article = await ctx.db.selectFrom('articles').select('edition_code').where('id', '=', articleId).executeTakeFirst();
    if (!article) return [];
    // One reading of the clock for the whole refresh, so that every query sees the same articles.
    const now = ctx.clock.now();
    return transact(ctx, async (trx, record) => {
      // Every query of the refresh runs on the transaction: on SQLite a query on ctx.db would wait
      // for the one connection this transaction holds.
      const inTrx: DbCtx = { ...ctx, db: trx, clock: { now: () => new Date(now) } };
      await lockEdition(trx, article.edition_code);
      const row = await trx
        .selectFrom('articles')
        .select([...textColumns, visible({ now: now.toISOString() }).as('visible')])
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow();
      const changed = [...(row.visible ? await refreshVisible(inTrx, row) : await withdraw(inTrx, articleId))].sort((a, b) => a - b);
      // The pages showing the lists that changed are stale on every server; the event commits
      // with the lists, so no crash can keep one without the other.
      if (changed.length) await record('related.changed', { articleIds: changed });
      return changed;
    });
  });
}
