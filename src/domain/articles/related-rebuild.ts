// Batch rebuild of related articles for a whole edition (rebuildRelated): every visible article's
// vector and list recomputed in memory over an inverted index, with the candidate generation and
// scoring refreshRelated does in SQL, then written in batches. For operators and jobs.
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole, getEdition } from '../editions/index.js';
import { countsOf, publishedTime, textColumns } from './related-candidates.js';
import { serialized } from './related-queue.js';
import { byRank, DAY, RELATED, relatedScore, specificity, type Entry } from './related-scoring.js';
import { append, chunks, lockEdition, ROW_CHUNK } from './related-store.js';
import { weighTerms, type TokenCache } from './related-text.js';
import { visible } from './visibility.js';

/**
 * Recomputes the vectors and lists of every visible article of one edition (or of all), in
 * memory: an inverted index over the edition replaces the per-article queries of refreshRelated.
 * For operators and jobs (after an import, or when the formula changes).
 */
export async function rebuildRelated(ctx: DbCtx, edition?: string): Promise<{ articles: number }> {
  assertSystemOrRole(ctx.actor, ['admin']);
  if (edition !== undefined) await getEdition(ctx.db, edition);
  return serialized(async () => {
    const now = ctx.clock.now().toISOString();
    const codes =
      edition !== undefined ? [edition] : (await ctx.db.selectFrom('editions').select('code').orderBy('position').execute()).map((r) => r.code);
    let articles = 0;
    for (const code of codes) articles += await rebuildEdition(ctx, code, now);
    return { articles };
  });
}

interface BatchDoc {
  id: number;
  at: number;
  /** Term ids, heaviest first, with their unit-vector weights. */
  terms: Int32Array;
  weights: Float64Array;
}

/** The published articles of an edition as unit vectors over integer term ids. */
async function loadVectors(ctx: DbCtx, edition: string, now: string): Promise<{ docs: BatchDoc[]; termNames: string[] }> {
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const df: number[] = [];
  const counted: Array<{ id: number; at: number; counts: Array<[number, number]> }> = [];
  const cache: TokenCache = new Map();
  // Read in pages so that only the term counts, never all the bodies, are held at once.
  for (let after = 0; ; ) {
    const rows = await ctx.db
      .selectFrom('articles')
      .select(textColumns)
      .where(visible({ now, edition }))
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (!rows.length) break;
    for (const row of rows) {
      const counts: Array<[number, number]> = [];
      for (const [term, count] of countsOf(row, cache)) {
        let t = termIds.get(term);
        if (t === undefined) {
          t = termNames.length;
          termIds.set(term, t);
          termNames.push(term);
          df.push(0);
        }
        df[t] = (df[t] ?? 0) + 1;
        counts.push([t, count]);
      }
      counted.push({ id: row.id, at: publishedTime(row), counts });
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
  const n = counted.length;
  const docs = counted.map((c): BatchDoc => {
    const vector = weighTerms(c.counts, (t) => df[t] ?? 1, n);
    return { id: c.id, at: c.at, terms: Int32Array.from(vector, ([t]) => t), weights: Float64Array.from(vector, ([, w]) => w) };
  });
  return { docs, termNames };
}

/**
 * Postings of every term in compressed rows: term t's are at [start[t], start[t] + length[t]),
 * heaviest first and cut to `postingsPerTerm`, the same postings refreshRelated reads in SQL.
 */
function invertedIndex(docs: BatchDoc[], vocabulary: number) {
  const start = new Int32Array(vocabulary + 1);
  for (const d of docs) for (const t of d.terms) start[t + 1] = (start[t + 1] ?? 0) + 1;
  for (let t = 0; t < vocabulary; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, vocabulary);
  const doc = new Int32Array(start[vocabulary] ?? 0);
  const weight = new Float64Array(doc.length);
  docs.forEach((d, i) => {
    d.terms.forEach((t, k) => {
      const at = fill[t] ?? 0;
      fill[t] = at + 1;
      doc[at] = i;
      weight[at] = d.weights[k] ?? 0;
    });
  });
  const length = new Int32Array(vocabulary);
  for (let t = 0; t < vocabulary; t++) {
    const from = start[t] ?? 0;
    const all = (start[t + 1] ?? 0) - from;
    length[t] = Math.min(all, RELATED.postingsPerTerm);
    if (all <= RELATED.postingsPerTerm) continue;
    const order = Array.from({ length: all }, (_, k) => from + k)
      .sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0))
      .slice(0, RELATED.postingsPerTerm);
    const keptDocs = order.map((p) => doc[p] ?? 0);
    const keptWeights = order.map((p) => weight[p] ?? 0);
    doc.set(keptDocs, from);
    weight.set(keptWeights, from);
  }
  return { start, length, doc, weight };
}

interface LinkIndex {
  /** Per article (by position), the tags or entities it carries. */
  ofDoc: number[][];
  /** Per tag or entity, the positions of the articles carrying it. */
  docsOf: Map<number, number[]>;
}

async function loadLinks(ctx: DbCtx, edition: string, now: string, docs: BatchDoc[]): Promise<{ tags: LinkIndex; entities: LinkIndex }> {
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const shown = visible({ now, edition });
  const [tagRows, entityRows] = await Promise.all([
    ctx.db
      .selectFrom('article_tags')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['article_tags.article_id as article', 'article_tags.tag_id as link'])
      .where(shown)
      .execute(),
    ctx.db
      .selectFrom('article_entities')
      .innerJoin('articles', 'articles.id', 'article_entities.article_id')
      .select(['article_entities.article_id as article', 'article_entities.entity_id as link'])
      .where(shown)
      .execute(),
  ]);
  const index = (rows: Array<{ article: number; link: number }>): LinkIndex => {
    const ofDoc: number[][] = docs.map(() => []);
    const docsOf = new Map<number, number[]>();
    for (const r of rows) {
      const i = position.get(r.article);
      if (i === undefined) continue;
      ofDoc[i]?.push(r.link);
      append(docsOf, r.link, i);
    }
    return { ofDoc, docsOf };
  };
  return { tags: index(tagRows), entities: index(entityRows) };
}

/** Specificities of the links two articles share. */
function sharedLinks(index: LinkIndex, i: number, j: number, n: number): number[] {
  const mine = index.ofDoc[i] ?? [];
  if (!mine.length) return [];
  const theirs = index.ofDoc[j] ?? [];
  return mine.filter((link) => theirs.includes(link)).map((link) => specificity(index.docsOf.get(link)?.length ?? 1, n));
}

/** Every article's list, with the candidate generation and scoring of scoreCandidates, in memory. */
function scoreAll(docs: BatchDoc[], vocabulary: number, links: { tags: LinkIndex; entities: LinkIndex }): Entry[][] {
  const n = docs.length;
  const postings = invertedIndex(docs, vocabulary);
  const provisional = new Float64Array(n);
  const seen = new Uint8Array(n);
  const dense = new Float64Array(vocabulary);
  const scratch = new Float64Array(n);
  const linkKinds = [
    [links.tags, RELATED.tagBonus],
    [links.entities, RELATED.entityBonus],
  ] as const;
  const lists: Entry[][] = [];

  for (let i = 0; i < n; i++) {
    const doc = docs[i] as BatchDoc;
    const touched: number[] = [];
    seen[i] = 1; // never its own candidate
    const queryTerms = Math.min(RELATED.queryTerms, doc.terms.length);
    for (let q = 0; q < queryTerms; q++) {
      const t = doc.terms[q] ?? 0;
      const w = doc.weights[q] ?? 0;
      const from = postings.start[t] ?? 0;
      const to = from + (postings.length[t] ?? 0);
      for (let p = from; p < to; p++) {
        const j = postings.doc[p] ?? 0;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        provisional[j] = (provisional[j] ?? 0) + w * (postings.weight[p] ?? 0);
      }
    }
    for (const [index, bonus] of linkKinds) {
      for (const link of index.ofDoc[i] ?? []) {
        const sharers = index.docsOf.get(link) ?? [];
        if (sharers.length > RELATED.maxLinkDf) continue;
        const value = bonus * specificity(sharers.length, n);
        for (const j of sharers) {
          if (!seen[j]) {
            seen[j] = 1;
            touched.push(j);
          }
          provisional[j] = (provisional[j] ?? 0) + value;
        }
      }
    }

    let candidates = touched;
    if (touched.length > RELATED.candidates) {
      touched.forEach((j, k) => (scratch[k] = provisional[j] ?? 0));
      const threshold = kthLargest(scratch, touched.length, RELATED.candidates);
      candidates = touched.filter((j) => (provisional[j] ?? 0) >= threshold);
    }

    doc.terms.forEach((t, k) => (dense[t] = doc.weights[k] ?? 0));
    const scored: Entry[] = [];
    for (const j of candidates) {
      const other = docs[j] as BatchDoc;
      let dot = 0;
      for (let k = 0; k < other.terms.length; k++) dot += (dense[other.terms[k] ?? 0] ?? 0) * (other.weights[k] ?? 0);
      const score = relatedScore({
        cosine: dot,
        tags: sharedLinks(links.tags, i, j, n),
        entities: sharedLinks(links.entities, i, j, n),
        daysApart: (other.at - doc.at) / DAY,
      });
      if (score >= RELATED.minScore) scored.push({ id: other.id, score });
    }
    lists.push(scored.sort(byRank).slice(0, RELATED.stored));

    for (const t of doc.terms) dense[t] = 0;
    seen[i] = 0;
    for (const j of touched) {
      provisional[j] = 0;
      seen[j] = 0;
    }
  }
  return lists;
}

/**
 * Writes vectors and lists in batched transactions. Each batch replaces its articles' rows
 * atomically, so a reader never finds a published article without its list, and takes the
 * edition's lock, so a refresh in another process runs between batches, never inside one. A
 * refresh that lands between batches can be overwritten by a later batch computed before it;
 * the next refresh touching those lists, or the next rebuild, repairs it.
 */
async function writeEdition(ctx: DbCtx, edition: string, now: string, docs: BatchDoc[], termNames: string[], lists: Entry[][]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockEdition(trx, edition);
    const hidden = trx
      .selectFrom('articles')
      .select('id')
      .where('edition_code', '=', edition)
      .where((eb) => eb.not(visible({ now })));
    await trx.deleteFrom('article_terms').where('edition_code', '=', edition).where('article_id', 'in', hidden).execute();
    await trx.deleteFrom('related_articles').where('article_id', 'in', hidden).execute();
  });
  const BATCH = 500;
  for (let from = 0; from < docs.length; from += BATCH) {
    const batch = docs.slice(from, from + BATCH);
    const ids = batch.map((d) => d.id);
    // In term order, the postings index grows by appends within runs rather than random inserts.
    const termRows = batch
      .flatMap((d) => Array.from(d.terms, (t, k) => ({ article_id: d.id, edition_code: edition, term: termNames[t] ?? '', weight: d.weights[k] ?? 0 })))
      .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.article_id - b.article_id));
    const listRows = batch.flatMap((d, b) =>
      (lists[from + b] ?? []).map((e, rank) => ({ article_id: d.id, related_id: e.id, rank: rank + 1, score: e.score })),
    );
    await ctx.db.transaction().execute(async (trx) => {
      await lockEdition(trx, edition);
      await trx.deleteFrom('article_terms').where('article_id', 'in', ids).execute();
      await trx.deleteFrom('related_articles').where('article_id', 'in', ids).execute();
      for (const part of chunks(termRows, ROW_CHUNK)) await trx.insertInto('article_terms').values(part).execute();
      for (const part of chunks(listRows, ROW_CHUNK)) await trx.insertInto('related_articles').values(part).execute();
    });
  }
}

async function rebuildEdition(ctx: DbCtx, edition: string, now: string): Promise<number> {
  const { docs, termNames } = await loadVectors(ctx, edition, now);
  const links = await loadLinks(ctx, edition, now, docs);
  const lists = scoreAll(docs, termNames.length, links);
  await writeEdition(ctx, edition, now, docs, termNames, lists);
  return docs.length;
}

/** The k-th largest of values[0..count) (Hoare's selection; reorders the buffer). */
function kthLargest(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}
