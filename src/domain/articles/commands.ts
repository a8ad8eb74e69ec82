// Writes of articles: create, update (each recorded as a revision), workflow transitions,
// translations. Every write runs in one transaction that also records its events in the outbox
// (storage/outbox.ts); they are emitted in this process only after it commits.
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/context.js';
import { DomainError, conflict, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { ArticleChange, EventName } from '../../core/events.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import type { ArticleRow, DB } from '../../storage/schema.js';
import { getEdition } from '../editions/index.js';
import { documentMediaIds, mediaPath, renderDocument, type BodyImage } from './document.js';
import { assertCan, type ArticleAction } from './policy.js';
import { getArticleRow as loadForWrite, refOf, storedFields, type ArticleRef } from './records.js';
import { checkFields, cleanText, toDocument, type ArticleFields, type ArticleInput, type ArticlePatch } from './rules.js';
import { nextFreeSlug, slugify } from './slug.js';
import { canTransition, isPrePublication, type ArticleStatus } from './workflow.js';

type Trx = Transaction<DB>;

/** The event payload: which stories, sections, tags and entities the change touched (before and after). */
function changeOf(row: ArticleRow, states: ArticleFields[], storyIds: number[] = [row.story_id]): ArticleChange {
  const union = (pick: (f: ArticleFields) => number[]) => [...new Set(states.flatMap(pick))].sort((a, b) => a - b);
  return {
    id: row.id,
    edition: row.edition_code,
    status: row.status,
    storyIds: [...new Set(storyIds)],
    sectionIds: union((f) => (f.sectionId === null ? [] : [f.sectionId])),
    tagIds: union((f) => f.tagIds),
    entityIds: union((f) => f.entityIds),
  };
}

function actorLabel(actor: Actor): { id: number | null; label: string } {
  if (actor.kind === 'user') return { id: actor.id, label: actor.name };
  return { id: null, label: actor.kind === 'system' ? `system: ${actor.reason}` : 'anonymous' };
}

/** Retries a write whose slug lost a race with a concurrent one to the same edition. */
async function withSlugRetry<T>(ctx: DbCtx, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || !isSlugCollision(ctx, error)) throw error;
    }
  }
}

function isSlugCollision(ctx: DbCtx, error: unknown): boolean {
  return ctx.adapter.isUniqueViolation(error) && /slug/i.test(String((error as Error).message) + String((error as { constraint?: string }).constraint ?? ''));
}

async function freeSlug(trx: Trx, edition: string, base: string, excludeId?: number): Promise<string> {
  let query = trx
    .selectFrom('articles')
    .select('slug')
    .where('edition_code', '=', edition)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]));
  if (excludeId !== undefined) query = query.where('id', '!=', excludeId);
  const rows = await query.execute();
  return nextFreeSlug(base, rows.map((r) => r.slug));
}

/**
 * Section, tags, entities and media must exist, and the first two must belong to the edition.
 * Answers the body's images (texts in the edition's language) for the stored HTML.
 */
async function checkReferences(trx: Trx, edition: string, fields: ArticleFields): Promise<Map<number, BodyImage>> {
  const problems: FieldProblem[] = [];
  if (fields.sectionId !== null) {
    const section = await trx.selectFrom('sections').select('edition_code').where('id', '=', fields.sectionId).executeTakeFirst();
    if (section?.edition_code !== edition) problems.push({ field: 'sectionId', key: 'errors.article.section' });
  }
  const tagIds = [...new Set(fields.tagIds)];
  if (tagIds.length) {
    const found = await trx.selectFrom('tags').select('id').where('id', 'in', tagIds).where('edition_code', '=', edition).execute();
    if (found.length !== tagIds.length) problems.push({ field: 'tagIds', key: 'errors.article.tags' });
  }
  const entityIds = [...new Set(fields.entityIds)];
  if (entityIds.length) {
    const found = await trx.selectFrom('entities').select('id').where('id', 'in', entityIds).execute();
    if (found.length !== entityIds.length) problems.push({ field: 'entityIds', key: 'errors.article.entities' });
  }
  if (fields.featuredMediaId !== null) {
    const media = await trx.selectFrom('media').select('id').where('id', '=', fields.featuredMediaId).executeTakeFirst();
    if (!media) problems.push({ field: 'featuredMediaId', key: 'errors.article.media' });
  }
  const images = await bodyImages(trx, documentMediaIds(fields.body), edition);
  fields.body.content.forEach((block, i) => {
    if (block.type === 'image' && !images.has(block.mediaId)) problems.push({ field: `body.${i}`, key: 'errors.article.media' });
  });
  if (problems.length) throw invalid('ARTICLE_INVALID', problems.slice(0, 20));
  return images;
}

/** The images of a body, by id, with alt text and caption in `language` (else any language). */
async function bodyImages(trx: Trx, ids: number[], language: string): Promise<Map<number, BodyImage>> {
  if (!ids.length) return new Map();
  const [rows, texts] = await Promise.all([
    trx.selectFrom('media').select(['id', 'blob_key', 'width', 'height', 'credit']).where('id', 'in', ids).execute(),
    trx.selectFrom('media_texts').selectAll().where('media_id', 'in', ids).orderBy('language').execute(),
  ]);
  return new Map(
    rows.map((m) => {
      const own = texts.filter((t) => t.media_id === m.id);
      const text = own.find((t) => t.language === language) ?? own[0];
      return [m.id, { src: mediaPath(m.blob_key), alt: text?.alt_text ?? '', caption: text?.caption ?? '', credit: m.credit, width: m.width, height: m.height }];
    }),
  );
}

async function writeRelations(trx: Trx, articleId: number, fields: ArticleFields): Promise<void> {
  await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
  const tagIds = [...new Set(fields.tagIds)];
  const entityIds = [...new Set(fields.entityIds)];
  if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: articleId, tag_id }))).execute();
  await trx.deleteFrom('article_media').where('article_id', '=', articleId).execute();
  const mediaIds = documentMediaIds(fields.body);
  if (mediaIds.length) await trx.insertInto('article_media').values(mediaIds.map((media_id) => ({ article_id: articleId, media_id }))).execute();
  if (entityIds.length) {
    await trx.insertInto('article_entities').values(entityIds.map((entity_id) => ({ article_id: articleId, entity_id }))).execute();
  }
}

async function recordRevision(ctx: DbCtx, trx: Trx, articleId: number, slug: string, fields: ArticleFields, note: string): Promise<number> {
  const last = await trx
    .selectFrom('article_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const editor = actorLabel(ctx.actor);
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      number,
      headline: fields.headline,
      snapshot: JSON.stringify({ ...fields, slug }),
      editor_id: editor.id,
      editor_label: editor.label,
      note,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return number;
}

function fieldsFromInput(input: ArticleInput): ArticleFields {
  return {
    headline: cleanText(input.headline) ?? '',
    dek: cleanText(input.dek) ?? '',
    dateline: cleanText(input.dateline) ?? '',
    creditLine: cleanText(input.creditLine) ?? '',
    byline: cleanText(input.byline) ?? '',
    body: toDocument(input.body ?? ''),
    sectionId: input.sectionId ?? null,
    tagIds: input.tagIds ?? [],
    entityIds: input.entityIds ?? [],
    featuredMediaId: input.featuredMediaId ?? null,
    commentsOpen: input.commentsOpen ?? true,
  };
}

const columnsOf = (fields: ArticleFields, images: ReadonlyMap<number, BodyImage>) => ({
  headline: fields.headline,
  dek: fields.dek,
  dateline: fields.dateline,
  credit_line: fields.creditLine,
  byline: fields.byline,
  body_doc: JSON.stringify(fields.body),
  body_html: renderDocument(fields.body, images),
  section_id: fields.sectionId,
  featured_media_id: fields.featuredMediaId,
  comments_open: fields.commentsOpen ? 1 : 0,
});

async function insertArticle(ctx: DbCtx, input: ArticleInput, storyId: number | undefined): Promise<ArticleRef> {
  assertCan(ctx.actor, 'create', { authorId: ctx.actor.kind === 'user' ? ctx.actor.id : null, status: 'draft', edition: input.edition });
  await getEdition(ctx.db, input.edition).catch(() => {
    throw invalid('ARTICLE_INVALID', [{ field: 'edition', key: 'errors.article.edition' }]);
  });
  const fields = fieldsFromInput(input);
  const problems = checkFields(fields, input.slug);
  if (problems.length) throw invalid('ARTICLE_INVALID', problems);

  const ref = await withSlugRetry(ctx, () =>
    transact(ctx, async (trx, record) => {
      const images = await checkReferences(trx, input.edition, fields);
      const now = ctx.clock.now().toISOString();
      let story = storyId;
      if (story === undefined) {
        story = (await trx.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const taken = await trx
          .selectFrom('articles')
          .select('id')
          .where('story_id', '=', story)
          .where('edition_code', '=', input.edition)
          .executeTakeFirst();
        if (taken) throw conflict('ARTICLE_TRANSLATION_EXISTS', { id: taken.id });
      }
      const slug = input.slug ?? (await freeSlug(trx, input.edition, slugify(fields.headline)));
      const row = await trx
        .insertInto('articles')
        .values({
          ...columnsOf(fields, images),
          story_id: story,
          edition_code: input.edition,
          slug,
          status: 'draft',
          author_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeRelations(trx, row.id, fields);
      await recordRevision(ctx, trx, row.id, slug, fields, 'created');
      await record('article.created', changeOf(row, [fields]));
      return refOf(row);
    }),
  ).catch((error: unknown) => {
    if (input.slug !== undefined && isSlugCollision(ctx, error)) {
      throw new DomainError('Conflict', 'ARTICLE_SLUG_TAKEN', { fields: [{ field: 'slug', key: 'errors.article.slug_taken' }] });
    }
    throw error;
  });
  return ref;
}

export function createArticle(ctx: DbCtx, input: ArticleInput): Promise<ArticleRef> {
  return insertArticle(ctx, input, undefined);
}

/** A new article in another edition, linked to the same story as `sourceId`. */
export async function createTranslation(ctx: DbCtx, sourceId: number, input: ArticleInput): Promise<ArticleRef> {
  const source = await ctx.db.selectFrom('articles').select(['story_id', 'edition_code']).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw notFound('ARTICLE_NOT_FOUND');
  if (source.edition_code === input.edition) throw conflict('ARTICLE_TRANSLATION_EXISTS', { id: sourceId });
  return insertArticle(ctx, input, source.story_id);
}

function applyPatch(current: ArticleFields, patch: ArticlePatch): ArticleFields {
  const pick = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K] | undefined) => (value === undefined ? current[key] : value);
  return {
    headline: pick('headline', cleanText(patch.headline)),
    dek: pick('dek', cleanText(patch.dek)),
    dateline: pick('dateline', cleanText(patch.dateline)),
    creditLine: pick('creditLine', cleanText(patch.creditLine)),
    byline: pick('byline', cleanText(patch.byline)),
    body: patch.body === undefined ? current.body : toDocument(patch.body),
    sectionId: pick('sectionId', patch.sectionId),
    tagIds: patch.tagIds === undefined ? current.tagIds : [...new Set(patch.tagIds)].sort((a, b) => a - b),
    entityIds: patch.entityIds === undefined ? current.entityIds : [...new Set(patch.entityIds)].sort((a, b) => a - b),
    featuredMediaId: pick('featuredMediaId', patch.featuredMediaId),
    commentsOpen: pick('commentsOpen', patch.commentsOpen),
  };
}

/**
 * Applies a patch and records a revision. The slug follows the headline until the article is
 * first published and never changes after that, so published URLs stay valid.
 */
export async function updateArticle(ctx: DbCtx, id: number, patch: ArticlePatch): Promise<ArticleRef & { changed: boolean }> {
  return withSlugRetry(ctx, () =>
    transact(ctx, async (trx, record) => {
      const row = await loadForWrite(trx, id);
      assertCan(ctx.actor, 'edit', { authorId: row.author_id, status: row.status, edition: row.edition_code });
      if (row.status === 'removed') throw conflict('ARTICLE_REMOVED');
      if (patch.expectedVersion !== undefined && patch.expectedVersion !== row.version) {
        throw conflict('ARTICLE_VERSION_CONFLICT', { current: row.version });
      }
      const current = await storedFields(trx, row);
      const next = applyPatch(current, patch);
      const problems = checkFields(next, patch.slug);
      const locked = !isPrePublication(row.status, row.first_published_at);
      if (patch.slug !== undefined && patch.slug !== row.slug && locked) {
        problems.push({ field: 'slug', key: 'errors.article.slug_locked' });
      }
      if (problems.length) throw invalid('ARTICLE_INVALID', problems);

      let slug = row.slug;
      if (patch.slug !== undefined) slug = patch.slug;
      else if (!locked && next.headline !== current.headline) slug = await freeSlug(trx, row.edition_code, slugify(next.headline), row.id);

      if (JSON.stringify(next) === JSON.stringify(current) && slug === row.slug) {
        return { ...refOf(row), changed: false };
      }
      const images = await checkReferences(trx, row.edition_code, next);
      const updated = await trx
        .updateTable('articles')
        .set({ ...columnsOf(next, images), slug, version: row.version + 1, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw conflict('ARTICLE_VERSION_CONFLICT', { current: row.version + 1 });
      await writeRelations(trx, id, next);
      await recordRevision(ctx, trx, id, slug, next, patch.note?.trim() ?? '');
      await record('article.updated', changeOf(updated, [current, next]));
      return { ...refOf(updated), changed: true };
    }),
  );
}

const ACTION_OF: Record<ArticleStatus, ArticleAction> = {
  draft: 'retract',
  in_review: 'submit',
  scheduled: 'schedule',
  published: 'publish',
  unpublished: 'unpublish',
  removed: 'remove',
};

/** The event each target state records; every other move is an update. */
const EVENT_OF = {
  draft: 'article.updated',
  in_review: 'article.updated',
  scheduled: 'article.updated',
  published: 'article.published',
  unpublished: 'article.unpublished',
  removed: 'article.removed',
} as const satisfies Record<ArticleStatus, EventName>;

async function transition(
  ctx: DbCtx,
  id: number,
  to: ArticleStatus,
  options: { scheduledAt?: Date; expectedVersion?: number } = {},
): Promise<ArticleRef> {
  return transact(ctx, async (trx, record) => {
    const row = await loadForWrite(trx, id);
    assertCan(ctx.actor, ACTION_OF[to], { authorId: row.author_id, status: row.status, edition: row.edition_code });
    if (!canTransition(row.status, to)) throw conflict('ARTICLE_ILLEGAL_TRANSITION', { from: row.status, to });
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw conflict('ARTICLE_VERSION_CONFLICT', { current: row.version });
    }
    const now = ctx.clock.now();
    const stamp = now.toISOString();
    const set: Partial<ArticleRow> = { status: to, version: row.version + 1, updated_at: stamp, scheduled_at: null };
    if (to === 'scheduled') {
      if (!options.scheduledAt || Number.isNaN(options.scheduledAt.getTime())) {
        throw invalid('ARTICLE_INVALID', [{ field: 'scheduledAt', key: 'errors.field.required' }]);
      }
      if (options.scheduledAt.getTime() <= now.getTime()) {
        throw invalid('ARTICLE_SCHEDULE_IN_PAST', [{ field: 'scheduledAt', key: 'errors.article.schedule_past' }]);
      }
      set.scheduled_at = options.scheduledAt.toISOString();
    }
    if (to === 'published') {
      // Republishing keeps the original publication time: it is the same story, back online.
      set.published_at = row.first_published_at ?? stamp;
      set.first_published_at = row.first_published_at ?? stamp;
      set.unpublished_at = null;
    }
    if (to === 'unpublished' || to === 'removed') set.unpublished_at = stamp;
    const updated = await trx
      .updateTable('articles')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('ARTICLE_VERSION_CONFLICT', { current: row.version + 1 });
    await record(EVENT_OF[to], changeOf(updated, [await storedFields(trx, updated)]));
    return refOf(updated);
  });
}

export const submitForReview = (ctx: DbCtx, id: number) => transition(ctx, id, 'in_review');
export const returnToDraft = (ctx: DbCtx, id: number) => transition(ctx, id, 'draft');
export const publishArticle = (ctx: DbCtx, id: number) => transition(ctx, id, 'published');
export const unpublishArticle = (ctx: DbCtx, id: number) => transition(ctx, id, 'unpublished');
export const removeArticle = (ctx: DbCtx, id: number) => transition(ctx, id, 'removed');
export const scheduleArticle = (ctx: DbCtx, id: number, at: Date) => transition(ctx, id, 'scheduled', { scheduledAt: at });

/** Publishes every scheduled article whose time has come; safe to run on several servers at once. */
export async function releaseDueArticles(ctx: DbCtx): Promise<number[]> {
  const due = await ctx.db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', ctx.clock.now().toISOString())
    .orderBy('scheduled_at')
    .limit(100)
    .execute();
  const released: number[] = [];
  for (const { id } of due) {
    try {
      await publishArticle(ctx, id);
      released.push(id);
    } catch (error) {
      // Another server released it first, or an editor changed it meanwhile: both are fine.
      if (error instanceof DomainError && error.kind === 'Conflict') continue;
      throw error;
    }
  }
  return released;
}

/** Moves an article into the story of another, making them translations of each other. */
export async function linkTranslation(ctx: DbCtx, articleId: number, translationOfId: number): Promise<void> {
  await transact(ctx, async (trx, record) => {
    const [article, target] = await Promise.all([loadForWrite(trx, articleId), loadForWrite(trx, translationOfId)]);
    assertCan(ctx.actor, 'edit', { authorId: article.author_id, status: article.status, edition: article.edition_code });
    if (article.story_id === target.story_id) return;
    const clash = await trx
      .selectFrom('articles')
      .select('id')
      .where('story_id', '=', target.story_id)
      .where('edition_code', '=', article.edition_code)
      .executeTakeFirst();
    if (clash) throw conflict('ARTICLE_TRANSLATION_EXISTS', { id: clash.id });
    await trx
      .updateTable('articles')
      .set({ story_id: target.story_id, version: article.version + 1, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', articleId)
      .execute();
    const left = await trx.selectFrom('articles').select('id').where('story_id', '=', article.story_id).executeTakeFirst();
    if (!left) await trx.deleteFrom('stories').where('id', '=', article.story_id).execute();
    await record('article.updated', changeOf(article, [await storedFields(trx, article)], [article.story_id, target.story_id]));
  });
}
