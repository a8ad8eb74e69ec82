// Reads for syndication: the latest published articles with their full content for RSS, Atom and
// JSON Feed, and the URL inventory for sitemaps (edition pages with their translations, the
// sections and tags readers can list, and the Google News window). Each is a fixed number of
// queries, whatever the number of articles.
import type { DbCtx } from '../../storage/database.js';
import { findMediaMany, listPublished } from './queries.js';
import type { ArticleSummary, MediaRef } from './records.js';
import { nowOf, visible } from './visibility.js';

/** How many articles a feed carries. */
export const FEED_SIZE = 50;
/** Google News reads articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_LIMIT = 1000;

/** Feeds need the media type and size for enclosures; MediaRef carries both. */
export type FeedMedia = MediaRef;

export interface FeedArticle extends ArticleSummary {
  byline: string;
  creditLine: string;
  /** Sanitized when it was stored (see document.ts). */
  bodyHtml: string;
  tags: Array<{ id: number; slug: string; name: string }>;
  featuredMedia: FeedMedia | null;
}

export interface FeedFilter {
  edition: string;
  sectionId?: number;
  tagId?: number;
  /** At most FEED_SIZE. */
  limit?: number;
}

/** One published version of a story, for hreflang alternates. */
export interface ArticleVersion {
  id: number;
  edition: string;
  slug: string;
}

export interface SitemapArticle {
  id: number;
  edition: string;
  slug: string;
  publishedAt: string;
  updatedAt: string;
  /** Every published version of the story, this one included, by edition; empty when it has no published translation. */
  versions: ArticleVersion[];
}

export interface SitemapTerm {
  kind: 'section' | 'tag';
  id: number;
  slug: string;
  name: string;
  /** The latest change among its published articles. */
  lastModified: string;
}

export interface SitemapCount {
  edition: string;
  articles: number;
  /** Sections and tags with at least one published article. */
  terms: number;
  lastModified: string;
}

export interface NewsArticle {
  id: number;
  edition: string;
  slug: string;
  headline: string;
  publishedAt: string;
}

/**
 * The latest published articles of an edition (or of one of its sections or tags), newest first,
 * with body, byline, credit, tags and featured image: five queries for the whole list.
 */
export async function listPublishedForFeed(ctx: DbCtx, filter: FeedFilter): Promise<FeedArticle[]> {
  const limit = Math.min(FEED_SIZE, Math.max(1, Math.trunc(filter.limit ?? FEED_SIZE)));
  // The same selection and order as the listing pages; then the content of just those articles.
  const { items } = await listPublished(ctx, { edition: filter.edition, sectionId: filter.sectionId, tagId: filter.tagId, limit });
  if (items.length === 0) return [];

  const ids = items.map((a) => a.id);
  const mediaIds = [...new Set(items.flatMap((a) => (a.featuredMediaId === null ? [] : [a.featuredMediaId])))];
  const [contents, tagRows, media] = await Promise.all([
    ctx.db.selectFrom('articles').select(['id', 'byline', 'credit_line', 'body_html']).where('id', 'in', ids).execute(),
    ctx.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', 'in', ids)
      .orderBy('tags.name')
      .orderBy('tags.id')
      .execute(),
    findMediaMany(ctx, mediaIds, filter.edition),
  ]);
  const contentOf = new Map(contents.map((c) => [c.id, c]));

  const tagsOf = new Map<number, FeedArticle['tags']>();
  for (const t of tagRows) {
    let list = tagsOf.get(t.article_id);
    if (!list) tagsOf.set(t.article_id, (list = []));
    list.push({ id: t.id, slug: t.slug, name: t.name });
  }
  const mediaFor = (id: number | null): FeedMedia | null => (id === null ? null : (media.get(id) ?? null));

  return items.map((a) => ({
    ...a,
    byline: contentOf.get(a.id)?.byline ?? '',
    creditLine: contentOf.get(a.id)?.credit_line ?? '',
    bodyHtml: contentOf.get(a.id)?.body_html ?? '',
    tags: tagsOf.get(a.id) ?? [],
    featuredMedia: mediaFor(a.featuredMediaId),
  }));
}

/**
 * Per edition that has published articles (or just `edition`): how many, how many sections and
 * tags list them, and the latest change. Three grouped queries; a sitemap index needs no more.
 */
export async function countSitemapEntries(ctx: DbCtx, edition?: string): Promise<SitemapCount[]> {
  const shown = visible({ now: nowOf(ctx), edition });
  const [articles, sections, tags] = await Promise.all([
    ctx.db
      .selectFrom('articles')
      .select(['edition_code', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('updated_at').as('last')])
      .where(shown)
      .groupBy('edition_code')
      .execute(),
    ctx.db
      .selectFrom('articles')
      .select(['edition_code', (eb) => eb.fn.count<number | string>('section_id').distinct().as('n')])
      .where(shown)
      .where('section_id', 'is not', null)
      .groupBy('edition_code')
      .execute(),
    ctx.db
      .selectFrom('articles')
      .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
      .select(['articles.edition_code', (eb) => eb.fn.count<number | string>('article_tags.tag_id').distinct().as('n')])
      .where(shown)
      .groupBy('articles.edition_code')
      .execute(),
  ]);
  // PostgreSQL returns count(*) as a bigint string.
  const termsOf = (edition: string) =>
    Number(sections.find((s) => s.edition_code === edition)?.n ?? 0) + Number(tags.find((t) => t.edition_code === edition)?.n ?? 0);
  return articles
    .map((a) => ({ edition: a.edition_code, articles: Number(a.n), terms: termsOf(a.edition_code), lastModified: String(a.last) }))
    .sort((a, b) => (a.edition < b.edition ? -1 : a.edition > b.edition ? 1 : 0));
}

/** Sections and tags of an edition that list at least one published article, most recently changed first. */
export async function listSitemapTerms(ctx: DbCtx, edition: string, limit: number): Promise<SitemapTerm[]> {
  const shown = visible({ now: nowOf(ctx), edition });
  const [sections, tags] = await Promise.all([
    ctx.db
      .selectFrom('sections')
      .innerJoin('articles', 'articles.section_id', 'sections.id')
      .select(['sections.id', 'sections.slug', 'sections.name', (eb) => eb.fn.max('articles.updated_at').as('last')])
      .where(shown)
      .groupBy(['sections.id', 'sections.slug', 'sections.name'])
      .execute(),
    ctx.db
      .selectFrom('tags')
      .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .select(['tags.id', 'tags.slug', 'tags.name', (eb) => eb.fn.max('articles.updated_at').as('last')])
      .where(shown)
      .groupBy(['tags.id', 'tags.slug', 'tags.name'])
      .execute(),
  ]);
  const terms: SitemapTerm[] = [
    ...sections.map((s) => ({ kind: 'section' as const, id: s.id, slug: s.slug, name: s.name, lastModified: String(s.last) })),
    ...tags.map((t) => ({ kind: 'tag' as const, id: t.id, slug: t.slug, name: t.name, lastModified: String(t.last) })),
  ];
  terms.sort((a, b) => (a.lastModified < b.lastModified ? 1 : a.lastModified > b.lastModified ? -1 : a.kind.localeCompare(b.kind) || a.id - b.id));
  return terms.slice(0, Math.max(0, limit));
}

/**
 * A slice of an edition's published articles in publication order, oldest first: new articles
 * land on the last page, so earlier pages stay put. Each carries the published versions of its
 * story (two queries for the slice: the page, then the versions of the stories in its range).
 */
export async function listSitemapArticles(ctx: DbCtx, where: { edition: string; offset: number; limit: number }): Promise<SitemapArticle[]> {
  if (where.limit <= 0) return [];
  const now = nowOf(ctx);
  const rows = await ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code', 'slug', 'story_id', 'published_at', 'updated_at'])
    .where(visible({ now, edition: where.edition }))
    .orderBy('published_at')
    .orderBy('id')
    .offset(Math.max(0, where.offset))
    .limit(where.limit)
    .execute();
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return [];

  // The page's own rows are exactly the edition's published rows between its first and last
  // (published_at, id), so the versions can be found by that range instead of a list of up to
  // 50,000 ids (SQLite allows 32,766 bound values per statement).
  const firstAt = first.published_at ?? '';
  const lastAt = last.published_at ?? '';
  const versions = await ctx.db
    .selectFrom('articles as page')
    .innerJoin('articles as other', 'other.story_id', 'page.story_id')
    .select(['page.story_id', 'other.id', 'other.edition_code', 'other.slug'])
    .where(visible({ now, edition: where.edition, alias: 'page' }))
    .where((eb) =>
      eb.and([
        eb.or([eb('page.published_at', '>', firstAt), eb.and([eb('page.published_at', '=', firstAt), eb('page.id', '>=', first.id)])]),
        eb.or([eb('page.published_at', '<', lastAt), eb.and([eb('page.published_at', '=', lastAt), eb('page.id', '<=', last.id)])]),
      ]),
    )
    .where(visible({ now, alias: 'other' }))
    .orderBy('page.story_id')
    .orderBy('other.edition_code')
    .execute();

  const byStory = new Map<number, ArticleVersion[]>();
  for (const v of versions) {
    let list = byStory.get(v.story_id);
    if (!list) byStory.set(v.story_id, (list = []));
    list.push({ id: v.id, edition: v.edition_code, slug: v.slug });
  }
  return rows.map((r) => {
    const story = byStory.get(r.story_id) ?? [];
    return {
      id: r.id,
      edition: r.edition_code,
      slug: r.slug,
      publishedAt: r.published_at ?? r.updated_at,
      updatedAt: r.updated_at,
      versions: story.length > 1 ? story : [],
    };
  });
}

/** Articles of every edition first published within NEWS_WINDOW_MS of the context's clock, newest first. */
export async function listRecentlyPublished(ctx: DbCtx, options: { limit?: number } = {}): Promise<NewsArticle[]> {
  const since = new Date(ctx.clock.now().getTime() - NEWS_WINDOW_MS).toISOString();
  const limit = Math.min(NEWS_LIMIT, Math.max(1, Math.trunc(options.limit ?? NEWS_LIMIT)));
  const rows = await ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code', 'slug', 'headline', 'published_at'])
    .where(visible({ now: nowOf(ctx) }))
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, edition: r.edition_code, slug: r.slug, headline: r.headline, publishedAt: r.published_at ?? since }));
}
