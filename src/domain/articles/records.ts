// The shapes articles leave this module in, and the row loaders and mappings behind them, written
// once for the reads (queries.ts, feed-queries.ts, related-list.ts) and the writes (commands.ts).
import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { ArticleRow, ArticleStatus, DB } from '../../storage/schema.js';
import type { BodyDocument, BodyPart } from './document.js';
import type { ArticleFields } from './rules.js';

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
  /** Renditions in modern formats (AVIF, WebP), narrowest first, for <picture> sources. */
  variants?: Array<{ key: string; width: number; mimeType: string }>;
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
  /**
   * A body with images or embeds, in parts for the page to draw (responsive pictures, the
   * click-to-load cards), with its images' current texts; absent for a body of text only.
   */
  rich?: { parts: BodyPart[]; media: Map<number, MediaRef> } | undefined;
  commentsOpen: boolean;
  featuredMedia: MediaRef | null;
  tags: Array<{ id: number; slug: string; name: string }>;
  entities: Array<{ id: number; key: string; kind: string; name: string }>;
  translations: Array<{ id: number; edition: string; slug: string; headline: string }>;
}

/** An article as the newsroom edits it: its identity, its fields, and its workflow times. */
export interface StaffArticle extends ArticleRef, ArticleFields {
  bodyHtml: string;
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

/** What a command answers: enough to link to the article and to send the next expected version. */
export interface ArticleRef {
  id: number;
  storyId: number;
  edition: string;
  slug: string;
  status: ArticleStatus;
  version: number;
}

/** The columns of an ArticleSummary, for queries over `articles` left-joined to `sections`. */
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

export const refOf = (row: ArticleRow): ArticleRef => ({
  id: row.id,
  storyId: row.story_id,
  edition: row.edition_code,
  slug: row.slug,
  status: row.status,
  version: row.version,
});

/** An article's row in any status, or NotFound. Pass the transaction when writing. */
export async function getArticleRow(db: Kysely<DB>, id: number): Promise<ArticleRow> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ARTICLE_NOT_FOUND');
  return row;
}

/** The ids of an article's tags and entities, each ascending (revisions and change checks compare them as JSON). */
export async function loadLinkIds(db: Kysely<DB>, articleId: number): Promise<{ tagIds: number[]; entityIds: number[] }> {
  const [tags, entities] = await Promise.all([
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).orderBy('tag_id').execute(),
    db.selectFrom('article_entities').select('entity_id').where('article_id', '=', articleId).orderBy('entity_id').execute(),
  ]);
  return { tagIds: tags.map((t) => t.tag_id), entityIds: entities.map((e) => e.entity_id) };
}

/** The editable fields of a stored article, as commands compare and revisions record them. */
export async function storedFields(db: Kysely<DB>, row: ArticleRow): Promise<ArticleFields> {
  const { tagIds, entityIds } = await loadLinkIds(db, row.id);
  return {
    headline: row.headline,
    dek: row.dek,
    dateline: row.dateline,
    creditLine: row.credit_line,
    byline: row.byline,
    body: JSON.parse(row.body_doc) as BodyDocument,
    sectionId: row.section_id,
    tagIds,
    entityIds,
    featuredMediaId: row.featured_media_id,
    commentsOpen: row.comments_open === 1,
  };
}

export function toStaffArticle(row: ArticleRow, fields: ArticleFields): StaffArticle {
  return {
    ...refOf(row),
    ...fields,
    bodyHtml: row.body_html,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scheduledAt: row.scheduled_at,
    publishedAt: row.published_at,
  };
}
