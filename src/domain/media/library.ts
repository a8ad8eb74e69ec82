// The media library: images newest first with keyset paging and a text search over alt text,
// captions and credits; one item with its renditions and the articles that show it; editing its
// texts; deleting it (refused while an article or a curated block shows it) with its blobs.
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../core/context.js';
import { DomainError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import type { DB } from '../../storage/schema.js';
import { assertSystemOrRole } from '../editions/index.js';
import type { BlobStore } from './ports.js';

/** Who works with the library: everyone who writes or translates stories. */
export const MEDIA_ROLES: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];
/** Who may delete any image; the others only their own uploads. */
const DELETERS: readonly Role[] = ['admin', 'editor'];
export const MEDIA_TEXT_LIMITS = { alt: 300, caption: 600, credit: 200, query: 200 } as const;
const PAGE = 30;

export interface MediaText {
  language: string;
  alt: string;
  caption: string;
}

export interface MediaItem {
  id: number;
  blobKey: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  byteSize: number;
  credit: string;
  createdAt: string;
  uploadedBy: number | null;
  uploader: string | null;
  texts: MediaText[];
  /** The narrowest rendition (WebP before AVIF: every browser shows it), or the original. */
  thumbKey: string;
}

export interface MediaDetail extends MediaItem {
  variants: Array<{ key: string; width: number; height: number; mimeType: string; byteSize: number }>;
}

/** The text of an item in one language, falling back to the first it has. */
export function textIn(item: Pick<MediaItem, 'texts'>, language: string): MediaText {
  return item.texts.find((t) => t.language === language) ?? item.texts[0] ?? { language, alt: '', caption: '' };
}

/** `%`, `_` and the escape itself match literally in a LIKE pattern. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function itemsOf(db: Kysely<DB>, rows: Array<{ id: number; blob_key: string; mime_type: string; width: number | null; height: number | null; byte_size: number; credit: string; created_at: string; uploaded_by: number | null; uploader: string | null }>): Promise<MediaItem[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [texts, variants] = await Promise.all([
    db.selectFrom('media_texts').selectAll().where('media_id', 'in', ids).orderBy('language').execute(),
    db.selectFrom('media_variants').select(['media_id', 'width', 'blob_key', 'mime_type']).where('media_id', 'in', ids).orderBy('width').execute(),
  ]);
  return rows.map((r) => {
    const own = variants.filter((v) => v.media_id === r.id);
    const thumb = own.find((v) => v.mime_type === 'image/webp') ?? own[0];
    return {
      id: r.id,
      blobKey: r.blob_key,
      mimeType: r.mime_type,
      width: r.width,
      height: r.height,
      byteSize: r.byte_size,
      credit: r.credit,
      createdAt: r.created_at,
      uploadedBy: r.uploaded_by,
      uploader: r.uploader,
      texts: texts.filter((t) => t.media_id === r.id).map((t) => ({ language: t.language, alt: t.alt_text, caption: t.caption })),
      thumbKey: thumb?.blob_key ?? r.blob_key,
    };
  });
}

const baseQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('media')
    .leftJoin('users', 'users.id', 'media.uploaded_by')
    .select(['media.id', 'media.blob_key', 'media.mime_type', 'media.width', 'media.height', 'media.byte_size', 'media.credit', 'media.created_at', 'media.uploaded_by', 'users.name as uploader']);

/**
 * A page of the library, newest first, after the cursor `before` (an id). The search matches any
 * part of an alt text or caption in any language, or of the credit, ignoring letter case.
 */
export async function listMedia(ctx: DbCtx, options: { q?: string; before?: number; limit?: number } = {}): Promise<{ items: MediaItem[]; next?: number }> {
  assertSystemOrRole(ctx.actor, MEDIA_ROLES);
  const q = cleanLine(options.q ?? '').slice(0, MEDIA_TEXT_LIMITS.query);
  const limit = Math.min(100, Math.max(1, options.limit ?? PAGE));
  let query = baseQuery(ctx.db);
  if (options.before !== undefined) query = query.where('media.id', '<', options.before);
  if (q) {
    const pattern = likePattern(q);
    const like = (column: string) => sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('media.credit'),
        eb.exists(
          eb
            .selectFrom('media_texts')
            .select('media_texts.media_id')
            .whereRef('media_texts.media_id', '=', 'media.id')
            .where((inner) => inner.or([like('media_texts.alt_text'), like('media_texts.caption')])),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('media.id', 'desc').limit(limit + 1).execute();
  const items = await itemsOf(ctx.db, rows.slice(0, limit));
  return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
}

export async function getMediaItem(ctx: DbCtx, id: number): Promise<MediaDetail> {
  assertSystemOrRole(ctx.actor, MEDIA_ROLES);
  const row = await baseQuery(ctx.db).where('media.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('MEDIA_NOT_FOUND');
  const [item] = await itemsOf(ctx.db, [row]);
  const variants = await ctx.db.selectFrom('media_variants').selectAll().where('media_id', '=', id).orderBy('mime_type').orderBy('width').execute();
  return { ...item!, variants: variants.map((v) => ({ key: v.blob_key, width: v.width, height: v.height, mimeType: v.mime_type, byteSize: v.byte_size })) };
}

/** Ids of the articles that show the image, featured or in an image block of their body, ascending. */
export async function articlesUsingMedia(db: Kysely<DB>, id: number): Promise<number[]> {
  const [featured, inBody] = await Promise.all([
    db.selectFrom('articles').select('id').where('featured_media_id', '=', id).execute(),
    db.selectFrom('article_media').select('article_id as id').where('media_id', '=', id).execute(),
  ]);
  return [...new Set([...featured, ...inBody].map((r) => r.id))].sort((a, b) => a - b);
}

/** Who shows the image: the articles (ids) and how many curated blocks (cartoons). */
export async function getMediaUsage(ctx: DbCtx, id: number): Promise<{ articles: number[]; blocks: number }> {
  assertSystemOrRole(ctx.actor, MEDIA_ROLES);
  const [articles, blocks] = await Promise.all([articlesUsingMedia(ctx.db, id), ctx.db.selectFrom('curated_blocks').select('id').where('media_id', '=', id).execute()]);
  return { articles, blocks: blocks.length };
}

export interface MediaTextsInput {
  credit: string;
  /** Alt text and caption per language; a language with both empty is removed. */
  texts: Record<string, { alt: string; caption: string }>;
}

/** Cleaned texts, or the problems (field names `alt.<lang>`, `caption.<lang>`, `credit`). */
export function checkMediaTexts(input: MediaTextsInput): { credit: string; texts: MediaText[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const credit = cleanLine(input.credit);
  if (credit.length > MEDIA_TEXT_LIMITS.credit) problems.push({ field: 'credit', key: 'errors.field.too_long', params: { max: MEDIA_TEXT_LIMITS.credit } });
  const texts: MediaText[] = [];
  for (const [language, raw] of Object.entries(input.texts)) {
    const alt = cleanLine(raw.alt);
    const caption = cleanLine(raw.caption);
    if (!alt && !caption) continue;
    if (!alt) problems.push({ field: `alt.${language}`, key: 'errors.media.alt_for_caption' });
    if (alt.length > MEDIA_TEXT_LIMITS.alt) problems.push({ field: `alt.${language}`, key: 'errors.field.too_long', params: { max: MEDIA_TEXT_LIMITS.alt } });
    if (caption.length > MEDIA_TEXT_LIMITS.caption) problems.push({ field: `caption.${language}`, key: 'errors.field.too_long', params: { max: MEDIA_TEXT_LIMITS.caption } });
    texts.push({ language, alt, caption });
  }
  if (!texts.length) problems.push({ field: 'alt', key: 'errors.media.alt_required' });
  return { credit, texts, problems };
}

export async function updateMediaTexts(ctx: DbCtx, id: number, input: MediaTextsInput): Promise<void> {
  assertSystemOrRole(ctx.actor, MEDIA_ROLES);
  const { credit, texts, problems } = checkMediaTexts(input);
  if (problems.length) throw invalid('MEDIA_INVALID', problems);
  await transact(ctx, async (trx, record) => {
    const updated = await trx.updateTable('media').set({ credit }).where('id', '=', id).executeTakeFirst();
    if (!updated.numUpdatedRows) throw notFound('MEDIA_NOT_FOUND');
    await trx.deleteFrom('media_texts').where('media_id', '=', id).execute();
    await trx.insertInto('media_texts').values(texts.map((t) => ({ media_id: id, language: t.language, alt_text: t.alt, caption: t.caption }))).execute();
    await record('media.changed', { id });
  });
}

/**
 * Deletes an image no article and no curated block shows, then its files. In use: Conflict
 * MEDIA_IN_USE with the ids of the articles (`params.articles`, comma-separated) for the screen to list.
 */
export async function deleteMedia(ctx: DbCtx, blobs: BlobStore, id: number): Promise<void> {
  assertSystemOrRole(ctx.actor, MEDIA_ROLES);
  const keys = await transact(ctx, async (trx, record) => {
    const row = await trx.selectFrom('media').select(['id', 'blob_key', 'uploaded_by']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('MEDIA_NOT_FOUND');
    const { actor } = ctx;
    if (actor.kind === 'user' && !DELETERS.includes(actor.role) && row.uploaded_by !== actor.id) throw new DomainError('Forbidden', 'ROLE_FORBIDDEN');
    const articles = await articlesUsingMedia(trx, id);
    const blocks = await trx.selectFrom('curated_blocks').select('id').where('media_id', '=', id).execute();
    if (articles.length || blocks.length) {
      throw new DomainError('Conflict', 'MEDIA_IN_USE', { params: { articles: articles.join(','), blocks: blocks.length } });
    }
    const variants = await trx.selectFrom('media_variants').select('blob_key').where('media_id', '=', id).execute();
    await trx.deleteFrom('media').where('id', '=', id).execute();
    await record('media.changed', { id });
    return [row.blob_key, ...variants.map((v) => v.blob_key)];
  });
  // After commit: a crash here leaves unreferenced files, never a row pointing at a missing file.
  for (const key of keys) await blobs.delete(key);
}
