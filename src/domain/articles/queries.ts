// Reads of articles: the published projection readers see (by edition and id, and keyset-paginated
// lists), and the staff view with drafts and revision history.
import { gone, invalid, notFound } from '../../core/errors.js';
import { clampLimit, type Page } from '../../core/page.js';
import type { DbCtx } from '../../storage/database.js';
import { prepared } from '../../storage/prepared.js';
import type { ArticleStatus } from '../../storage/schema.js';
import type { BodyDocument } from './document.js';
import { assertCan } from './policy.js';

export interface MediaRef {
  id: number;
  blobKey: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  mimeType: string;
  byteSize: number;
  /** Smaller renditions (WebP), narrowest first, for srcset. */
  variants?: Array<{ key: string; width: number }>;
}

export interface ArticleSummary {
  id: number;
  edition: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: string;
  updatedAt: string;
  section: { id: number; slug: string; name: string } | null;
  featuredMediaId: number | null;
}

export interface PublishedArticle extends ArticleSummary {
  storyId: number;
  dateline: string;
  creditLine: string;
  byline: string;
  bodyHtml: string;
  commentsOpen: boolean;
  featuredMedia: MediaRef | null;
  tags: Array<{ id: number; slug: string; name: string }>;
  entities: Array<{ id: number; key: string; kind: string; name: string }>;
  translations: Array<{ id: number; edition: string; slug: string; headline: string }>;
}

export interface StaffArticle {
  id: number;
  storyId: number;
  edition: string;
  slug: string;
  status: ArticleStatus;
  version: number;
  headline: string;
  dek: string;
  dateline: string;
  creditLine: string;
  byline: string;
  body: BodyDocument;
  bodyHtml: string;
  sectionId: number | null;
  tagIds: number[];
  entityIds: number[];
  featuredMediaId: number | null;
  commentsOpen: boolean;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
  scheduledAt: string | null;
  publishedAt: string | null;
}

export interface Revision {
  number: number;
  headline: string;
  editor: string;
  note: string;
  createdAt: string;
  snapshot: Record<string, unknown>;
}

export const summaryColumns = [
  'articles.id',
  'articles.edition_code',
  'articles.slug',
  'articles.headline',
  'articles.dek',
  'articles.published_at',
  'articles.updated_at',
  'articles.featured_media_id',
  'sections.id as section_id',
  'sections.slug as section_slug',
  'sections.name as section_name',
] as const;

type SummaryRow = {
  id: number;
  edition_code: string;
  slug: string;
  headline: string;
  dek: string;
  published_at: string | null;
  updated_at: string;
  featured_media_id: number | null;
  section_id: number | null;
  section_slug: string | null;
  section_name: string | null;
};

export const toSummary = (r: SummaryRow): ArticleSummary => ({
  id: r.id,
  edition: r.edition_code,
  slug: r.slug,
  headline: r.headline,
  dek: r.dek,
  publishedAt: r.published_at ?? r.updated_at,
  updatedAt: r.updated_at,
  section: r.section_id !== null ? { id: r.section_id, slug: r.section_slug ?? '', name: r.section_name ?? '' } : null,
  featuredMediaId: r.featured_media_id,
});

// The article page's reads, compiled once (see storage/prepared.ts): they run on every cache miss.
const publishedRow = prepared((db, id: number, edition: string) =>
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
    ])
    .where('articles.id', '=', id)
    .where('articles.edition_code', '=', edition),
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

const publishedTranslations = prepared((db, storyId: number, id: number) =>
  db
    .selectFrom('articles')
    .select(['id', 'edition_code as edition', 'slug', 'headline'])
    .where('story_id', '=', storyId)
    .where('id', '!=', id)
    .where('status', '=', 'published')
    .orderBy('edition_code'),
);

/** The article readers may see, or NotFound (never published, unpublished, other edition) / Gone (removed). */
export async function getPublished(ctx: DbCtx, where: { edition: string; id: number }): Promise<PublishedArticle> {
  const [row] = await publishedRow(ctx.db, where.id, where.edition);
  if (!row) throw notFound('ARTICLE_NOT_FOUND');
  if (row.status === 'removed') throw gone('ARTICLE_REMOVED');
  if (row.status !== 'published') throw notFound('ARTICLE_NOT_FOUND');

  const [tags, entities, translations, featuredMedia] = await Promise.all([
    tagsOfArticle(ctx.db, row.id),
    entitiesOfArticle(ctx.db, row.id, where.edition),
    publishedTranslations(ctx.db, row.story_id, row.id),
    row.featured_media_id === null ? undefined : findMedia(ctx, row.featured_media_id, where.edition),
  ]);

  return {
    ...toSummary(row),
    storyId: row.story_id,
    dateline: row.dateline,
    creditLine: row.credit_line,
    byline: row.byline,
    bodyHtml: row.body_html,
    commentsOpen: row.comments_open === 1,
    featuredMedia: featuredMedia ?? null,
    tags,
    entities,
    translations,
  };
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
    ctx.db.selectFrom('media_variants').select(['media_id', 'width', 'blob_key']).where('media_id', 'in', unique).orderBy('width').execute(),
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
          variants: variants.filter((v) => v.media_id === m.id).map((v) => ({ key: v.blob_key, width: v.width })),
        },
      ];
    }),
  );
}

/** Published articles of an edition among `ids`, in the order of `ids` (curated slots). */
export async function listPublishedByIds(ctx: DbCtx, edition: string, ids: number[]): Promise<ArticleSummary[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(summaryColumns)
    .where('articles.id', 'in', [...new Set(ids)])
    .where('articles.edition_code', '=', edition)
    .where('articles.status', '=', 'published')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
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
    .where('articles.edition_code', '=', filter.edition)
    .where('articles.status', '=', 'published');
  if (filter.sectionId !== undefined) query = query.where('articles.section_id', '=', filter.sectionId);
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
  const row = await ctx.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ARTICLE_NOT_FOUND');
  assertCan(ctx.actor, 'read', { authorId: row.author_id, status: row.status });
  const [tags, entities] = await Promise.all([
    ctx.db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).orderBy('tag_id').execute(),
    ctx.db.selectFrom('article_entities').select('entity_id').where('article_id', '=', id).orderBy('entity_id').execute(),
  ]);
  return {
    id: row.id,
    storyId: row.story_id,
    edition: row.edition_code,
    slug: row.slug,
    status: row.status,
    version: row.version,
    headline: row.headline,
    dek: row.dek,
    dateline: row.dateline,
    creditLine: row.credit_line,
    byline: row.byline,
    body: JSON.parse(row.body_doc) as BodyDocument,
    bodyHtml: row.body_html,
    sectionId: row.section_id,
    tagIds: tags.map((t) => t.tag_id),
    entityIds: entities.map((e) => e.entity_id),
    featuredMediaId: row.featured_media_id,
    commentsOpen: row.comments_open === 1,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scheduledAt: row.scheduled_at,
    publishedAt: row.published_at,
  };
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

/** All articles of a story (any status), for the newsroom's translation view. */
export async function listStoryArticles(ctx: DbCtx, storyId: number): Promise<Array<{ id: number; edition: string; status: ArticleStatus; headline: string }>> {
  assertCan(ctx.actor, 'read');
  return ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code as edition', 'status', 'headline'])
    .where('story_id', '=', storyId)
    .orderBy('edition_code')
    .execute();
}
