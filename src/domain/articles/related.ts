// Related articles: computed when an article is published, updated or withdrawn (refreshRelated,
// run by the event listener after commit) or for a whole edition at once (rebuildRelated), stored
// in related_articles, and only read at render time (listRelated). Same edition only; the formula
// and its constants are explained in docs/related-articles.md.
import type { DbCtx } from '../../storage/database.js';
import { prepared } from '../../storage/prepared.js';
import { assertSystemOrRole, getEdition } from '../editions/index.js';
import { documentText, type BodyDocument } from './document.js';
import { summaryColumns, toSummary, type ArticleSummary } from './queries.js';
import { termCounts, weighTerms, type TermVector, type TokenCache } from './related-text.js';

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
  /** Below this an article is not related at all (it shares nothing worth a link). */
  minScore: 0.01,
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

const DAY = 86_400_000;

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

interface Entry {
  id: number;
  score: number;
}

/** Highest score first; among equals, the newer article (higher id). */
const byRank = (a: Entry, b: Entry) => b.score - a.score || b.id - a.id;

function topList(scores: Map<number, number>): Entry[] {
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .filter((e) => e.score >= RELATED.minScore)
    .sort(byRank)
    .slice(0, RELATED.stored);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function append<V>(map: Map<number, V[]>, key: number, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Kysely binds one parameter per IN element; these keep every statement well under SQLite's
// and PostgreSQL's limits.
const IN_CHUNK = 500;
const ROW_CHUNK = 1000;

interface ArticleTextRow {
  id: number;
  edition_code: string;
  headline: string;
  dek: string;
  body_doc: string;
  published_at: string | null;
  updated_at: string;
}

const textColumns = ['id', 'edition_code', 'headline', 'dek', 'body_doc', 'published_at', 'updated_at'] as const;

function countsOf(row: ArticleTextRow, cache?: TokenCache): Map<string, number> {
  const body = documentText(JSON.parse(row.body_doc) as BodyDocument);
  return termCounts({ headline: row.headline, dek: row.dek, body }, row.edition_code, cache);
}

const publishedTime = (row: { published_at: string | null; updated_at: string }) => Date.parse(row.published_at ?? row.updated_at);

/** What scoring needs of the article whose list is computed. */
interface Source {
  id: number;
  edition: string;
  publishedAt: number;
  vector: Map<string, number>;
  tags: number[];
  entities: number[];
}

async function publishedCount(ctx: DbCtx, edition: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('edition_code', '=', edition)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The article's vector with idf from the stored postings of the other published articles. */
async function computeVector(ctx: DbCtx, row: ArticleTextRow): Promise<TermVector> {
  const counts = countsOf(row);
  const n = await publishedCount(ctx, row.edition_code);
  const df = new Map<string, number>();
  for (const terms of chunks([...counts.keys()], IN_CHUNK)) {
    const rows = await ctx.db
      .selectFrom('article_terms')
      .select(['term', (eb) => eb.fn.countAll<number>().as('n')])
      .where('edition_code', '=', row.edition_code)
      .where('term', 'in', terms)
      .where('article_id', '!=', row.id)
      .groupBy('term')
      .execute();
    for (const r of rows) df.set(r.term, Number(r.n));
  }
  return weighTerms(counts, (term) => (df.get(term) ?? 0) + 1, n);
}

async function storeTerms(ctx: DbCtx, articleId: number, edition: string, vector: TermVector): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
    for (const part of chunks(vector, ROW_CHUNK)) {
      await trx
        .insertInto('article_terms')
        .values(part.map(([term, weight]) => ({ article_id: articleId, edition_code: edition, term, weight })))
        // A concurrent refresh of the same article may have written first: last writer wins.
        .onConflict((oc) => oc.columns(['article_id', 'term']).doUpdateSet((eb) => ({ weight: eb.ref('excluded.weight') })))
        .execute();
    }
  });
}

async function linksOf(ctx: DbCtx, articleId: number): Promise<{ tags: number[]; entities: number[] }> {
  const [tags, entities] = await Promise.all([
    ctx.db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute(),
    ctx.db.selectFrom('article_entities').select('entity_id').where('article_id', '=', articleId).execute(),
  ]);
  return { tags: tags.map((t) => t.tag_id), entities: entities.map((e) => e.entity_id) };
}

/** A published article as a scoring source, from its stored vector (computed and stored if missing). */
async function storedSource(ctx: DbCtx, articleId: number): Promise<Source | undefined> {
  const row = await ctx.db
    .selectFrom('articles')
    .select(textColumns)
    .where('id', '=', articleId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) return undefined;
  const terms = await ctx.db.selectFrom('article_terms').select(['term', 'weight']).where('article_id', '=', articleId).execute();
  let vector: TermVector = terms.map((t) => [t.term, t.weight]);
  if (!vector.length) {
    vector = await computeVector(ctx, row);
    await storeTerms(ctx, row.id, row.edition_code, vector);
  }
  return { id: row.id, edition: row.edition_code, publishedAt: publishedTime(row), vector: new Map(vector), ...(await linksOf(ctx, row.id)) };
}

/** Published articles of the edition carrying each of `ids` (tags or entities). */
async function linkFrequencies(ctx: DbCtx, kind: 'tag' | 'entity', edition: string, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows =
    kind === 'tag'
      ? await ctx.db
          .selectFrom('article_tags')
          .innerJoin('articles', 'articles.id', 'article_tags.article_id')
          .select(['article_tags.tag_id as link', (eb) => eb.fn.countAll<number>().as('n')])
          .where('article_tags.tag_id', 'in', ids)
          .where('articles.edition_code', '=', edition)
          .where('articles.status', '=', 'published')
          .groupBy('article_tags.tag_id')
          .execute()
      : await ctx.db
          .selectFrom('article_entities')
          .innerJoin('articles', 'articles.id', 'article_entities.article_id')
          .select(['article_entities.entity_id as link', (eb) => eb.fn.countAll<number>().as('n')])
          .where('article_entities.entity_id', 'in', ids)
          .where('articles.edition_code', '=', edition)
          .where('articles.status', '=', 'published')
          .groupBy('article_entities.entity_id')
          .execute();
  return new Map(rows.map((r) => [r.link, Number(r.n)]));
}

/** Published articles of the edition (other than `exclude`) carrying one of `ids`, with which. */
async function linkSharers(ctx: DbCtx, kind: 'tag' | 'entity', edition: string, ids: number[], exclude: number): Promise<Array<{ article: number; link: number }>> {
  if (!ids.length) return [];
  if (kind === 'tag') {
    return ctx.db
      .selectFrom('article_tags')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['article_tags.article_id as article', 'article_tags.tag_id as link'])
      .where('article_tags.tag_id', 'in', ids)
      .where('articles.edition_code', '=', edition)
      .where('articles.status', '=', 'published')
      .where('articles.id', '!=', exclude)
      .execute();
  }
  return ctx.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.article_id as article', 'article_entities.entity_id as link'])
    .where('article_entities.entity_id', 'in', ids)
    .where('articles.edition_code', '=', edition)
    .where('articles.status', '=', 'published')
    .where('articles.id', '!=', exclude)
    .execute();
}

/**
 * Scores of the source against its candidates: the postings of its heaviest terms and the
 * articles sharing a specific tag or entity give provisional scores; the best `candidates` of
 * them (plus `extra`, e.g. the articles that list the source today) are scored exactly.
 */
async function scoreCandidates(ctx: DbCtx, source: Source, extra: number[]): Promise<Map<number, number>> {
  const n = await publishedCount(ctx, source.edition);
  const provisional = new Map<number, number>();
  const add = (id: number, value: number) => provisional.set(id, (provisional.get(id) ?? 0) + value);

  const queryTerms = [...source.vector].sort((a, b) => b[1] - a[1]).slice(0, RELATED.queryTerms);
  const postings = await Promise.all(
    queryTerms.map(([term]) =>
      ctx.db
        .selectFrom('article_terms')
        .select(['article_id', 'weight'])
        .where('edition_code', '=', source.edition)
        .where('term', '=', term)
        .where('article_id', '!=', source.id)
        .orderBy('weight', 'desc')
        .limit(RELATED.postingsPerTerm)
        .execute(),
    ),
  );
  postings.forEach((rows, i) => {
    const weight = queryTerms[i]?.[1] ?? 0;
    for (const r of rows) add(r.article_id, weight * r.weight);
  });

  const [tagDf, entityDf] = await Promise.all([
    linkFrequencies(ctx, 'tag', source.edition, source.tags),
    linkFrequencies(ctx, 'entity', source.edition, source.entities),
  ]);
  const spec = (df: Map<number, number>, id: number) => specificity(df.get(id) ?? 1, n);
  const linkable = (df: Map<number, number>, ids: number[]) => ids.filter((id) => (df.get(id) ?? 0) <= RELATED.maxLinkDf);
  const [tagSharers, entitySharers] = await Promise.all([
    linkSharers(ctx, 'tag', source.edition, linkable(tagDf, source.tags), source.id),
    linkSharers(ctx, 'entity', source.edition, linkable(entityDf, source.entities), source.id),
  ]);
  for (const s of tagSharers) add(s.article, RELATED.tagBonus * spec(tagDf, s.link));
  for (const s of entitySharers) add(s.article, RELATED.entityBonus * spec(entityDf, s.link));

  const chosen = new Set(
    [...provisional]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, RELATED.candidates)
      .map(([id]) => id),
  );
  for (const id of extra) if (id !== source.id) chosen.add(id);
  const candidates = [...chosen];
  if (!candidates.length) return new Map();

  const dots = new Map<number, number>();
  const sharedTags = new Map<number, number[]>();
  const sharedEntities = new Map<number, number[]>();
  const published = new Map<number, number>();
  const terms = [...source.vector.keys()];
  for (const ids of chunks(candidates, IN_CHUNK)) {
    const meta = await ctx.db
      .selectFrom('articles')
      .select(['id', 'published_at', 'updated_at'])
      .where('id', 'in', ids)
      .where('edition_code', '=', source.edition)
      .where('status', '=', 'published')
      .execute();
    for (const m of meta) published.set(m.id, publishedTime(m));
    for (const part of chunks(terms, IN_CHUNK)) {
      const rows = await ctx.db
        .selectFrom('article_terms')
        .select(['article_id', 'term', 'weight'])
        .where('article_id', 'in', ids)
        .where('term', 'in', part)
        .execute();
      for (const r of rows) dots.set(r.article_id, (dots.get(r.article_id) ?? 0) + r.weight * (source.vector.get(r.term) ?? 0));
    }
    if (source.tags.length) {
      const rows = await ctx.db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).where('tag_id', 'in', source.tags).execute();
      for (const r of rows) append(sharedTags, r.article_id, spec(tagDf, r.tag_id));
    }
    if (source.entities.length) {
      const rows = await ctx.db
        .selectFrom('article_entities')
        .select(['article_id', 'entity_id'])
        .where('article_id', 'in', ids)
        .where('entity_id', 'in', source.entities)
        .execute();
      for (const r of rows) append(sharedEntities, r.article_id, spec(entityDf, r.entity_id));
    }
  }

  const scores = new Map<number, number>();
  for (const [id, at] of published) {
    scores.set(
      id,
      relatedScore({
        cosine: dots.get(id) ?? 0,
        tags: sharedTags.get(id) ?? [],
        entities: sharedEntities.get(id) ?? [],
        daysApart: (at - source.publishedAt) / DAY,
      }),
    );
  }
  return scores;
}

async function loadLists(ctx: DbCtx, ids: number[]): Promise<Map<number, Entry[]>> {
  const lists = new Map<number, Entry[]>();
  for (const part of chunks(ids, IN_CHUNK)) {
    const rows = await ctx.db
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

const holdersOf = async (ctx: DbCtx, articleId: number): Promise<number[]> =>
  (await ctx.db.selectFrom('related_articles').select('article_id').where('related_id', '=', articleId).execute()).map((r) => r.article_id);

// Scores computed from either side, or in another order, differ in the last bits; such a
// difference is no reason to write (each write is a durable commit).
const SCORE_EPSILON = 1e-9;

/** Replaces a stored list; true when the related ids or their order changed (what pages show). */
async function storeList(ctx: DbCtx, articleId: number, old: Entry[], next: Entry[]): Promise<boolean> {
  const sameIds = old.length === next.length && old.every((e, i) => e.id === next[i]?.id);
  if (sameIds && old.every((e, i) => Math.abs(e.score - (next[i]?.score ?? Infinity)) <= SCORE_EPSILON)) return false;
  await ctx.db.transaction().execute(async (trx) => {
    let stale = trx.deleteFrom('related_articles').where('article_id', '=', articleId);
    if (next.length) stale = stale.where('related_id', 'not in', next.map((e) => e.id));
    await stale.execute();
    if (!next.length) return;
    await trx
      .insertInto('related_articles')
      .values(next.map((e, i) => ({ article_id: articleId, related_id: e.id, rank: i + 1, score: e.score })))
      .onConflict((oc) =>
        oc.columns(['article_id', 'related_id']).doUpdateSet((eb) => ({ rank: eb.ref('excluded.rank'), score: eb.ref('excluded.score') })),
      )
      .execute();
  });
  return !sameIds;
}

/** Recomputes a published article's list from its stored vector. */
async function refill(ctx: DbCtx, articleId: number, old: Entry[]): Promise<boolean> {
  const source = await storedSource(ctx, articleId);
  if (!source) return false;
  return storeList(ctx, articleId, old, topList(await scoreCandidates(ctx, source, [])));
}

/** Removes a withdrawn article's vector and list, takes it out of every list and refills those. */
async function withdraw(ctx: DbCtx, articleId: number): Promise<Set<number>> {
  const changed = new Set<number>();
  const own = (await loadLists(ctx, [articleId])).get(articleId) ?? [];
  const holders = await holdersOf(ctx, articleId);
  const hasTerms = await ctx.db.selectFrom('article_terms').select('term').where('article_id', '=', articleId).limit(1).executeTakeFirst();
  // Drafts are refreshed on every edit: with nothing stored there is nothing to write.
  if (!own.length && !holders.length && !hasTerms) return changed;
  const before = await loadLists(ctx, holders);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
    await trx.deleteFrom('related_articles').where((eb) => eb.or([eb('article_id', '=', articleId), eb('related_id', '=', articleId)])).execute();
  });
  if (own.length) changed.add(articleId);
  for (const holder of holders) {
    changed.add(holder);
    await refill(ctx, holder, (before.get(holder) ?? []).filter((e) => e.id !== articleId));
  }
  return changed;
}

// A refresh reads lists and then writes them, so two running at once could each overwrite a
// list the other has just changed; the server's listeners start them without waiting. Within a
// process they therefore run one after another (rebuilds too). Across processes (several servers
// on one PostgreSQL) that can still happen, rarely; the next refresh or a rebuild repairs it.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Recomputes what an article's publication state implies: a published article gets a fresh
 * vector and list, and joins (or leaves) the lists of the articles it now ranks among; any other
 * state removes it everywhere and refills the lists it leaves. Returns the ids of the articles
 * whose related list changed, for cache purges. Idempotent.
 */
export function refreshRelated(ctx: DbCtx, articleId: number): Promise<number[]> {
  return serialized(async () => {
    const row = await ctx.db
      .selectFrom('articles')
      .select([...textColumns, 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    const changed = row?.status === 'published' ? await refreshPublished(ctx, row) : await withdraw(ctx, articleId);
    return [...changed].sort((a, b) => a - b);
  });
}

async function refreshPublished(ctx: DbCtx, row: ArticleTextRow): Promise<Set<number>> {
  const changed = new Set<number>();
  const vector = await computeVector(ctx, row);
  await storeTerms(ctx, row.id, row.edition_code, vector);
  const source: Source = { id: row.id, edition: row.edition_code, publishedAt: publishedTime(row), vector: new Map(vector), ...(await linksOf(ctx, row.id)) };
  // The articles listing it today are scored too: an edit may push it out of their lists.
  const holders = await holdersOf(ctx, row.id);
  const scores = await scoreCandidates(ctx, source, holders);
  const lists = await loadLists(ctx, [row.id, ...scores.keys(), ...holders]);
  if (await storeList(ctx, row.id, lists.get(row.id) ?? [], topList(scores))) changed.add(row.id);

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
    if (await storeList(ctx, other, old, next)) changed.add(other);
  }
  return changed;
}

/** The stored related list of an article, best first, only articles still published. */
const storedRelated = prepared((db, articleId: number, limit: number) =>
  db
    .selectFrom('related_articles')
    .innerJoin('articles', 'articles.id', 'related_articles.related_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(summaryColumns)
    .where('related_articles.article_id', '=', articleId)
    .where('articles.status', '=', 'published')
    .orderBy('related_articles.rank')
    .limit(limit),
);

export async function listRelated(ctx: DbCtx, articleId: number, limit = 6): Promise<ArticleSummary[]> {
  const take = Number.isFinite(limit) ? Math.max(1, Math.min(RELATED.stored, Math.floor(limit))) : 6;
  return (await storedRelated(ctx.db, articleId, take)).map(toSummary);
}

/**
 * Recomputes the vectors and lists of every published article of one edition (or of all), in
 * memory: an inverted index over the edition replaces the per-article queries of refreshRelated.
 * For operators and jobs (after an import, or when the formula changes).
 */
export async function rebuildRelated(ctx: DbCtx, edition?: string): Promise<{ articles: number }> {
  assertSystemOrRole(ctx.actor, ['admin']);
  if (edition !== undefined) await getEdition(ctx.db, edition);
  return serialized(async () => {
    const codes =
      edition !== undefined ? [edition] : (await ctx.db.selectFrom('editions').select('code').orderBy('position').execute()).map((r) => r.code);
    let articles = 0;
    for (const code of codes) articles += await rebuildEdition(ctx, code);
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
async function loadVectors(ctx: DbCtx, edition: string): Promise<{ docs: BatchDoc[]; termNames: string[] }> {
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
      .where('edition_code', '=', edition)
      .where('status', '=', 'published')
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

async function loadLinks(ctx: DbCtx, edition: string, docs: BatchDoc[]): Promise<{ tags: LinkIndex; entities: LinkIndex }> {
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const [tagRows, entityRows] = await Promise.all([
    ctx.db
      .selectFrom('article_tags')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['article_tags.article_id as article', 'article_tags.tag_id as link'])
      .where('articles.edition_code', '=', edition)
      .where('articles.status', '=', 'published')
      .execute(),
    ctx.db
      .selectFrom('article_entities')
      .innerJoin('articles', 'articles.id', 'article_entities.article_id')
      .select(['article_entities.article_id as article', 'article_entities.entity_id as link'])
      .where('articles.edition_code', '=', edition)
      .where('articles.status', '=', 'published')
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
 * atomically, so a reader never finds a published article without its list.
 */
async function writeEdition(ctx: DbCtx, edition: string, docs: BatchDoc[], termNames: string[], lists: Entry[][]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const inEdition = (status: 'published' | 'other') =>
      trx
        .selectFrom('articles')
        .select('id')
        .where('edition_code', '=', edition)
        .where('status', status === 'published' ? '=' : '!=', 'published');
    await trx.deleteFrom('article_terms').where('edition_code', '=', edition).where('article_id', 'not in', inEdition('published')).execute();
    await trx.deleteFrom('related_articles').where('article_id', 'in', inEdition('other')).execute();
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
      await trx.deleteFrom('article_terms').where('article_id', 'in', ids).execute();
      await trx.deleteFrom('related_articles').where('article_id', 'in', ids).execute();
      for (const part of chunks(termRows, ROW_CHUNK)) await trx.insertInto('article_terms').values(part).execute();
      for (const part of chunks(listRows, ROW_CHUNK)) await trx.insertInto('related_articles').values(part).execute();
    });
  }
}

async function rebuildEdition(ctx: DbCtx, edition: string): Promise<number> {
  const { docs, termNames } = await loadVectors(ctx, edition);
  const links = await loadLinks(ctx, edition, docs);
  const lists = scoreAll(docs, termNames.length, links);
  await writeEdition(ctx, edition, docs, termNames, lists);
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
