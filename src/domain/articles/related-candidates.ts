// Candidate generation and exact scoring in SQL for one source article, as refreshRelated runs it:
// the source's vector (idf from the stored postings), the articles its heaviest terms and specific
// tags and entities point to, and their exact scores. Only visible articles take part.
import type { DbCtx } from '../../storage/database.js';
import { documentText, type BodyDocument } from './document.js';
import { loadLinkIds } from './records.js';
import { DAY, RELATED, relatedScore, specificity } from './related-scoring.js';
import { append, chunks, IN_CHUNK, storeTerms } from './related-store.js';
import { termCounts, weighTerms, type TermVector, type TokenCache } from './related-text.js';
import { nowOf, visible } from './visibility.js';

export interface ArticleTextRow {
  id: number;
  edition_code: string;
  headline: string;
  dek: string;
  body_doc: string;
  published_at: string | null;
  updated_at: string;
}

export const textColumns = ['id', 'edition_code', 'headline', 'dek', 'body_doc', 'published_at', 'updated_at'] as const;

export function countsOf(row: ArticleTextRow, cache?: TokenCache): Map<string, number> {
  const body = documentText(JSON.parse(row.body_doc) as BodyDocument);
  return termCounts({ headline: row.headline, dek: row.dek, body }, row.edition_code, cache);
}

export const publishedTime = (row: { published_at: string | null; updated_at: string }) => Date.parse(row.published_at ?? row.updated_at);

/** What scoring needs of the article whose list is computed. */
export interface Source {
  id: number;
  edition: string;
  publishedAt: number;
  vector: Map<string, number>;
  tags: number[];
  entities: number[];
}

export async function sourceOf(ctx: DbCtx, row: ArticleTextRow, vector: TermVector): Promise<Source> {
  const { tagIds, entityIds } = await loadLinkIds(ctx.db, row.id);
  return { id: row.id, edition: row.edition_code, publishedAt: publishedTime(row), vector: new Map(vector), tags: tagIds, entities: entityIds };
}

async function visibleCount(ctx: DbCtx, edition: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(visible({ now: nowOf(ctx), edition }))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The article's vector with idf from the stored postings of the other published articles. */
export async function computeVector(ctx: DbCtx, row: ArticleTextRow): Promise<TermVector> {
  const counts = countsOf(row);
  const n = await visibleCount(ctx, row.edition_code);
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

/** A visible article as a scoring source, from its stored vector (computed and stored if missing). */
export async function storedSource(ctx: DbCtx, articleId: number): Promise<Source | undefined> {
  const row = await ctx.db
    .selectFrom('articles')
    .select(textColumns)
    .where('id', '=', articleId)
    .where(visible({ now: nowOf(ctx) }))
    .executeTakeFirst();
  if (!row) return undefined;
  const terms = await ctx.db.selectFrom('article_terms').select(['term', 'weight']).where('article_id', '=', articleId).execute();
  let vector: TermVector = terms.map((t) => [t.term, t.weight]);
  if (!vector.length) {
    vector = await computeVector(ctx, row);
    await storeTerms(ctx.db, row.id, row.edition_code, vector);
  }
  return sourceOf(ctx, row, vector);
}

/** Visible articles of the edition carrying each of `ids` (tags or entities). */
async function linkFrequencies(ctx: DbCtx, kind: 'tag' | 'entity', edition: string, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const shown = visible({ now: nowOf(ctx), edition });
  const rows =
    kind === 'tag'
      ? await ctx.db
          .selectFrom('article_tags')
          .innerJoin('articles', 'articles.id', 'article_tags.article_id')
          .select(['article_tags.tag_id as link', (eb) => eb.fn.countAll<number>().as('n')])
          .where('article_tags.tag_id', 'in', ids)
          .where(shown)
          .groupBy('article_tags.tag_id')
          .execute()
      : await ctx.db
          .selectFrom('article_entities')
          .innerJoin('articles', 'articles.id', 'article_entities.article_id')
          .select(['article_entities.entity_id as link', (eb) => eb.fn.countAll<number>().as('n')])
          .where('article_entities.entity_id', 'in', ids)
          .where(shown)
          .groupBy('article_entities.entity_id')
          .execute();
  return new Map(rows.map((r) => [r.link, Number(r.n)]));
}

/** Visible articles of the edition (other than `exclude`) carrying one of `ids`, with which. */
async function linkSharers(ctx: DbCtx, kind: 'tag' | 'entity', edition: string, ids: number[], exclude: number): Promise<Array<{ article: number; link: number }>> {
  if (!ids.length) return [];
  const shown = visible({ now: nowOf(ctx), edition });
  if (kind === 'tag') {
    return ctx.db
      .selectFrom('article_tags')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['article_tags.article_id as article', 'article_tags.tag_id as link'])
      .where('article_tags.tag_id', 'in', ids)
      .where(shown)
      .where('articles.id', '!=', exclude)
      .execute();
  }
  return ctx.db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select(['article_entities.article_id as article', 'article_entities.entity_id as link'])
    .where('article_entities.entity_id', 'in', ids)
    .where(shown)
    .where('articles.id', '!=', exclude)
    .execute();
}

/**
 * Scores of the source against its candidates: the postings of its heaviest terms and the
 * articles sharing a specific tag or entity give provisional scores; the best `candidates` of
 * them (plus `extra`, e.g. the articles that list the source today) are scored exactly.
 */
export async function scoreCandidates(ctx: DbCtx, source: Source, extra: number[]): Promise<Map<number, number>> {
  const n = await visibleCount(ctx, source.edition);
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
      .where(visible({ now: nowOf(ctx), edition: source.edition }))
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
