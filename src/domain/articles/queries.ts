// Reads of articles: the published projection readers see (by edition and id, and keyset-paginated
// lists), and the staff view with drafts and revision history.
import { gone, invalid, notFound } from '../../core/errors.js';
import { clampLimit, type Page } from '../../core/page.js';
import type { DbCtx } from '../../storage/database.js';
import { prepared } from '../../storage/prepared.js';
import type { ArticleStatus } from '../../storage/schema.js';
import { documentMediaIds, documentParts, type BodyDocument } from './document.js';
import { assertCan, visibleTo } from './policy.js';
import {
  getArticleRow,
  storedFields,
  summaryColumns,
  toStaffArticle,
  toSummary,
  type ArticleSummary,
  type MediaRef,
  type PublishedArticle,
  type Revision,
  type StaffArticle,
} from './records.js';
import { nowOf, visible } from './visibility.js';

// The article page's reads, compiled once (see storage/prepared.ts): they run on every cache miss.
// The row is read whatever its status, so that a removed article can answer Gone; whether readers
// may see it comes back as a column rather than as a second query.
const publishedRow = prepared((db, id: number, edition: string, now: string) =>
  db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      ...summaryColumns,
      'articles.status',
      'articles.story_id',
      'articles.dateline',
      'articles.credit_line',
      'articles.byline',
      'articles.body_html',
      'articles.comments_open',
      visible({ now, edition }).as('visible'),
    ])
    .where('articles.id', '=', id),
);

const tagsOfArticle = prepared((db, id: number) =>
  db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', id)
    .orderBy('tags.name'),
);

const entitiesOfArticle = prepared((db, id: number, language: string) =>
  db
    .selectFrom('article_entities')
    .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
    .innerJoin('entity_names', (join) =>
      join.onRef('entity_names.entity_id', '=', 'entities.id').on('entity_names.language', '=', language).on('entity_names.is_primary', '=', 1),
    )
    .select(['entities.id', 'entities.key', 'entities.kind', 'entity_names.name'])
    .where('article_entities.article_id', '=', id)
    .orderBy('entity_names.name'),
);

// A translation is in another edition by definition: only its status and date are checked.
const publishedTranslations = prepared((db, storyId: number, id: number, now: string) =>
  db
    .selectFrom('articles')
    .select(['id', 'edition_code as edition', 'slug', 'headline'])
    .where('story_id', '=', storyId)
    .where('id', '!=', id)
    .where(visible({ now }))
    .orderBy('edition_code'),
);

/** The article readers may see, or NotFound (never published, unpublished, other edition) / Gone (removed). */
export async function getPublished(ctx: DbCtx, where: { edition: string; id: number }): Promise<PublishedArticle> {
  const now = nowOf(ctx);
  const [row] = await publishedRow(ctx.db, where.id, where.edition, now);
  // Another edition's article, even a removed one, is simply not here.
  if (!row || row.edition_code !== where.edition) throw notFound('ARTICLE_NOT_FOUND');
  if (row.status === 'removed') throw gone('ARTICLE_REMOVED');
  if (!row.visible) throw notFound('ARTICLE_NOT_FOUND');

  const [tags, entities, translations, featuredMedia] = await Promise.all([
    tagsOfArticle(ctx.db, row.id),
    entitiesOfArticle(ctx.db, row.id, where.edition),
    publishedTranslations(ctx.db, row.story_id, row.id, now),
    row.featured_media_id === null ? undefined : findMedia(ctx, row.featured_media_id, where.edition),
  ]);

  return {
    ...toSummary(row),
    storyId: row.story_id,
    dateline: row.dateline,
    creditLine: row.credit_line,
    byline: row.byline,
    bodyHtml: row.body_html,
    rich: await richBody(ctx, row.id, row.body_html, where.edition),
    commentsOpen: row.comments_open === 1,
    featuredMedia: featuredMedia ?? null,
    tags,
    entities,
    translations,
  };
}

/**
 * Only image and embed blocks render a <figure> (text is escaped), so a body without one needs
 * nothing more than its stored HTML and costs no second read.
 */
async function richBody(ctx: DbCtx, id: number, bodyHtml: string, edition: string): Promise<PublishedArticle['rich']> {
  if (!bodyHtml.includes('<figure')) return undefined;
  const row = await ctx.db.selectFrom('articles').select('body_doc').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const doc = JSON.parse(row.body_doc) as BodyDocument;
  return { parts: documentParts(doc), media: await findMediaMany(ctx, documentMediaIds(doc), edition) };
}

/** A media item with its alt text and caption in `language` (falling back to any language). */
export async function findMedia(ctx: DbCtx, id: number, language: string): Promise<MediaRef | undefined> {
  return (await findMediaMany(ctx, [id], language)).get(id);
}

/** Several media items at once, keyed by id, with texts in `language` (falling back to any). */
export async function findMediaMany(ctx: DbCtx, ids: number[], language: string): Promise<Map<number, MediaRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const [media, texts, variants] = await Promise.all([
    ctx.db.selectFrom('media').selectAll().where('id', 'in', unique).execute(),
    ctx.db.selectFrom('media_texts').selectAll().where('media_id', 'in', unique).execute(),
    ctx.db.selectFrom('media_variants').select(['media_id', 'width', 'blob_key', 'mime_type']).where('media_id', 'in', unique).orderBy('width').execute(),
  ]);
  return new Map(
    media.map((m) => {
      const own = texts.filter((t) => t.media_id === m.id);
      const text = own.find((t) => t.language === language) ?? own[0];
      return [
        m.id,
        {
          id: m.id,
          blobKey: m.blob_key,
          width: m.width,
          height: m.height,
          alt: text?.alt_text ?? '',
          caption: text?.caption ?? '',
          credit: m.credit,
          mimeType: m.mime_type,
          byteSize: m.byte_size,
          variants: variants.filter((v) => v.media_id === m.id).map((v) => ({ key: v.blob_key, width: v.width, mimeType: v.mime_type })),
        },
      ];
    }),
  );
}

/** Published articles of an edition among `ids`, in the order of `ids` (curated slots). */
export async function listPublishedByIds(ctx: DbCtx, edition: string, ids: number[]): Promise<ArticleSummary[]> {
  if (!ids.length) return [];
  // The rule is selected, not filtered on: a filter lets a planner without fresh statistics
  // walk the edition's feed index (every article of it) instead of ten primary-key lookups, which
  // SQLite did at 100,000 articles (2.4 ms instead of 0.05 ms a search page).
  const rows = await ctx.db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(summaryColumns)
    .select(visible({ now: nowOf(ctx), edition }).as('shown'))
    .where('articles.id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.filter((r) => Boolean(r.shown)).map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function encodeCursor(publishedAt: string, id: number): string {
  return Buffer.from(`${publishedAt}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: string; id: number } {
  const [publishedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!publishedAt || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(publishedAt) || !/^\d{1,15}$/.test(id ?? '')) {
    throw invalid('CURSOR_INVALID', [{ field: 'before', key: 'errors.cursor' }]);
  }
  return { publishedAt, id: Number(id) };
}

export interface ListFilter {
  edition: string;
  sectionId?: number;
  tagId?: number;
  entityId?: number;
  /** Articles left out (a page's other blocks already show them), so a short list is not spent repeating them. */
  excludeIds?: number[];
  /** Cursor from a previous page's `next`: older articles. */
  before?: string;
  /** Cursor from a page's `prev`: the page of newer articles just above it. */
  after?: string;
  limit?: number;
}

/**
 * Published articles of an edition, newest first, keyset-paginated on (published_at, id):
 * a page's contents do not shift when newer articles are published meanwhile.
 */
export async function listPublished(ctx: DbCtx, filter: ListFilter): Promise<Page<ArticleSummary>> {
  const limit = clampLimit(filter.limit);
  let query = ctx.db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(summaryColumns)
    .where(visible({ now: nowOf(ctx), edition: filter.edition }));
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.excludeIds?.length) query = query.where('articles.id', 'not in', filter.excludeIds);
  // SQLite walks the edition's feed index newest first and probes the link table's primary key;
  // sparse tags therefore cost more rows than sections, which have their own feed index.
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.innerJoin('article_tags', (join) => join.onRef('article_tags.article_id', '=', 'articles.id').on('article_tags.tag_id', '=', tagId));
  }
  if (filter.entityId !== undefined) {
    const entityId = filter.entityId;
    query = query.innerJoin('article_entities', (join) =>
      join.onRef('article_entities.article_id', '=', 'articles.id').on('article_entities.entity_id', '=', entityId),
    );
  }
  if (filter.after !== undefined) {
    const cursor = decodeCursor(filter.after);
    const rows = await query
      .where((eb) =>
        eb.or([
          eb('articles.published_at', '>', cursor.publishedAt),
          eb.and([eb('articles.published_at', '=', cursor.publishedAt), eb('articles.id', '>', cursor.id)]),
        ]),
      )
      .orderBy('articles.published_at', 'asc')
      .orderBy('articles.id', 'asc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).reverse().map(toSummary);
    const first = items[0];
    const last = items[items.length - 1];
    return {
      items,
      // The cursor item itself is older than this page, so an older page always exists.
      next: last ? encodeCursor(last.publishedAt, last.id) : filter.after,
      prev: rows.length > limit && first ? encodeCursor(first.publishedAt, first.id) : undefined,
    };
  }
  if (filter.before !== undefined) {
    const cursor = decodeCursor(filter.before);
    query = query.where((eb) =>
      eb.or([
        eb('articles.published_at', '<', cursor.publishedAt),
        eb.and([eb('articles.published_at', '=', cursor.publishedAt), eb('articles.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(toSummary);
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > limit && last ? encodeCursor(last.publishedAt, last.id) : undefined,
    // Reached through ?before=, a page has newer articles above it.
    prev: filter.before !== undefined && first ? encodeCursor(first.publishedAt, first.id) : undefined,
  };
}

/** Any article in any status, for the newsroom. */
export async function getArticle(ctx: DbCtx, id: number): Promise<StaffArticle> {
  const row = await getArticleRow(ctx.db, id);
  assertCan(ctx.actor, 'read', { authorId: row.author_id, status: row.status, edition: row.edition_code });
  return toStaffArticle(row, await storedFields(ctx.db, row));
}

export async function listRevisions(ctx: DbCtx, articleId: number): Promise<Revision[]> {
  await getArticle(ctx, articleId);
  const rows = await ctx.db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    headline: r.headline,
    editor: r.editor_label,
    note: r.note,
    createdAt: r.created_at,
    snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
  }));
}

/** The articles of a story the actor may read (any status), for the newsroom's translation view. */
export async function listStoryArticles(ctx: DbCtx, storyId: number): Promise<Array<{ id: number; edition: string; status: ArticleStatus; headline: string }>> {
  assertCan(ctx.actor, 'read');
  return ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code as edition', 'status', 'headline'])
    .where('story_id', '=', storyId)
    .where(visibleTo(ctx.actor))
    .orderBy('edition_code')
    .execute();
}

export interface StaffListFilter {
  edition?: string;
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  /** Part of the headline, in any script and case (see DialectAdapter.headlineContains). */
  text?: string;
  /**
   * 'id' (the default, the API's): newest created first, `before` an article id. 'updated': last
   * update newest first, keyset on (updated_at, id) with `older` / `newer` cursors (the newsroom's list).
   */
  order?: 'id' | 'updated';
  /** An article id from the previous page's `next`: articles created before it ('id' order). */
  before?: number;
  /** A page's `next` cursor: the articles updated before its last row ('updated' order). */
  older?: string;
  /** A page's `prev` cursor: the page of articles updated just after its first row ('updated' order). */
  newer?: string;
  limit?: number;
  /** Only these articles (the media library's "used in"); those the actor may not read are left out. */
  ids?: number[];
}

export interface StaffListItem {
  id: number;
  storyId: number;
  edition: string;
  slug: string;
  status: ArticleStatus;
  headline: string;
  authorId: number | null;
  authorName: string | null;
  sectionId: number | null;
  sectionName: string | null;
  version: number;
  updatedAt: string;
  scheduledAt: string | null;
  publishedAt: string | null;
}

/** Longest headline text filter: a headline is at most 300 characters (rules.ts). */
export const TEXT_FILTER_MAX = 300;

/**
 * The newsroom's list of articles the actor may read, keyset-paginated. The read policy is a
 * condition of the query itself, so a page never holds what getArticle refuses and its size does
 * not depend on rows filtered afterwards. In 'updated' order the walk follows articles_updated,
 * articles_edition_status_updated or articles_author_updated (migration 2026-12-04-601).
 */
export async function listArticles(ctx: DbCtx, filter: StaffListFilter = {}): Promise<Page<StaffListItem>> {
  assertCan(ctx.actor, 'read');
  const limit = clampLimit(filter.limit);
  const text = filter.text?.trim();
  if (text !== undefined && text.length > TEXT_FILTER_MAX) throw invalid('ARTICLE_INVALID', [{ field: 'text', key: 'list.error.text', params: { max: TEXT_FILTER_MAX } }]);
  let query = ctx.db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.story_id',
      'articles.edition_code',
      'articles.slug',
      'articles.status',
      'articles.headline',
      'articles.author_id',
      'users.name as author_name',
      'articles.section_id',
      'sections.name as section_name',
      'articles.version',
      'articles.updated_at',
      'articles.scheduled_at',
      'articles.published_at',
    ])
    .where(visibleTo(ctx.actor));
  if (filter.edition !== undefined) query = query.where('articles.edition_code', '=', filter.edition);
  if (filter.status !== undefined) query = query.where('articles.status', '=', filter.status);
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.authorId !== undefined) query = query.where('articles.author_id', '=', filter.authorId);
  if (text) query = query.where(await ctx.adapter.headlineContains(ctx.db, text));
  if (filter.ids !== undefined) query = filter.ids.length ? query.where('articles.id', 'in', filter.ids) : query.where((eb) => eb.lit(false));
  const toItem = (r: Awaited<ReturnType<typeof query.execute>>[number]): StaffListItem => ({
    id: r.id,
    storyId: r.story_id,
    edition: r.edition_code,
    slug: r.slug,
    status: r.status,
    headline: r.headline,
    authorId: r.author_id,
    authorName: r.author_name,
    sectionId: r.section_id,
    sectionName: r.section_name,
    version: r.version,
    updatedAt: r.updated_at,
    scheduledAt: r.scheduled_at,
    publishedAt: r.published_at,
  });

  if (filter.order !== 'updated') {
    if (filter.before !== undefined) query = query.where('articles.id', '<', filter.before);
    const rows = await query.orderBy('articles.id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toItem);
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? String(last.id) : undefined };
  }

  const cursorOf = (item: StaffListItem) => encodeCursor(item.updatedAt, item.id);
  if (filter.newer !== undefined) {
    const cursor = decodeCursor(filter.newer);
    const rows = await query
      .where((eb) => eb(eb.refTuple('articles.updated_at', 'articles.id'), '>', eb.tuple(cursor.publishedAt, cursor.id)))
      .orderBy('articles.updated_at', 'asc')
      .orderBy('articles.id', 'asc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).reverse().map(toItem);
    const first = items[0];
    const last = items[items.length - 1];
    return {
      items,
      // The cursor's own row is older than this page, so an older page always exists.
      next: last ? cursorOf(last) : filter.newer,
      prev: rows.length > limit && first ? cursorOf(first) : undefined,
    };
  }
  if (filter.older !== undefined) {
    const cursor = decodeCursor(filter.older);
    // A row value, not (a < x or a = x and b < y): both dialects read it as one index range,
    // where the OR made SQLite scan from the top (120 ms for a page 90 % down 100,000 articles).
    query = query.where((eb) => eb(eb.refTuple('articles.updated_at', 'articles.id'), '<', eb.tuple(cursor.publishedAt, cursor.id)));
  }
  const rows = await query.orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(toItem);
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > limit && last ? cursorOf(last) : undefined,
    // Reached through an older-cursor, a page has newer articles above it.
    prev: filter.older !== undefined && first ? cursorOf(first) : undefined,
  };
}

/** How many articles the actor may read, per edition and status (the dashboard's table). */
export async function countArticlesByStatus(ctx: DbCtx): Promise<Array<{ edition: string; status: ArticleStatus; count: number }>> {
  assertCan(ctx.actor, 'read');
  const rows = await ctx.db
    .selectFrom('articles')
    .select(['articles.edition_code', 'articles.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(visibleTo(ctx.actor))
    .groupBy(['articles.edition_code', 'articles.status'])
    .orderBy('articles.edition_code')
    .execute();
  return rows.map((r) => ({ edition: r.edition_code, status: r.status, count: Number(r.n) }));
}
