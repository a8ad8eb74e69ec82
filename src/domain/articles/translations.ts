// The translation desk's rules: what a story's editions hold (a translation, its status, and
// whether it is outdated: its source has a newer revision than the one it was translated from),
// and saving a translation from a simple text form — a new one through createTranslation, an
// existing one through updateArticle with the version its translator saw. Either way the source
// article and the source revision it now matches are recorded on the translation.
import type { Actor, Role } from '../../core/context.js';
import { DomainError, conflict, invalid, notFound } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import type { ArticleRow } from '../../storage/schema.js';
import { createTranslation, updateArticle } from './commands.js';
import { documentText } from './document.js';
import { assertCan, inEditions } from './policy.js';
import { getArticle } from './queries.js';
import { getArticleRow, type ArticleRef, type StaffArticle } from './records.js';
import type { ArticleStatus } from './workflow.js';

export interface StoryEdition {
  id: number;
  edition: string;
  status: ArticleStatus;
  headline: string;
  /** The source revision it was made from, when the desk recorded one. */
  sourceRevision: number | null;
  /** Its recorded source has a newer revision than `sourceRevision`. */
  outdated: boolean;
}

export interface TranslationDesk {
  source: StaffArticle & { revision: number; bodyText: string };
  /** The story's articles in the editions the actor works in (the source included). */
  editions: StoryEdition[];
  /** The translation into `to`, when there is one (with its body as text for the form). */
  target?: (StaffArticle & { bodyText: string; sourceRevision: number | null; outdated: boolean; rich: boolean }) | undefined;
}

export interface TranslationInput {
  edition: string;
  headline: string;
  dek: string;
  body: string;
  /** Required when the translation exists: the version the translator edited. */
  expectedVersion?: number | undefined;
  /** The source revision the translator worked from (default: the latest). */
  sourceRevision?: number | undefined;
}

/** The roles that translate. */
export const TRANSLATING: readonly Role[] = ['admin', 'editor', 'translator'];

/**
 * The source of a translation is read under the actor's role but not their edition limit: a
 * translator limited to Persian works from the English original. Translating into an edition
 * outside the limit is refused (`to`), as every write there is.
 */
function assertMayTranslate(actor: Actor, source: ArticleRow, to: string | undefined): void {
  const unlimited: Actor = actor.kind === 'user' ? { ...actor, editions: undefined } : actor;
  assertCan(unlimited, 'read', { authorId: source.author_id, status: source.status, edition: source.edition_code });
  if (actor.kind === 'user' && !TRANSLATING.includes(actor.role)) throw new DomainError('Forbidden', 'ARTICLE_FORBIDDEN', { params: { action: 'translate' } });
  if (to !== undefined && !inEditions(actor, to)) assertCan(actor, 'create', { authorId: null, status: 'draft', edition: to });
}

async function latestRevisions(ctx: DbCtx, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('article_revisions')
    .select(['article_id', (eb) => eb.fn.max('number').as('n')])
    .where('article_id', 'in', [...new Set(ids)])
    .groupBy('article_id')
    .execute();
  return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
}

async function storyRows(ctx: DbCtx, storyId: number) {
  return ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code', 'status', 'headline', 'source_article_id', 'source_revision', 'author_id'])
    .where('story_id', '=', storyId)
    .orderBy('edition_code')
    .execute();
}

/** The desk for translating article `sourceId` (into `to`, when given). */
export async function getTranslationDesk(ctx: DbCtx, sourceId: number, to?: string): Promise<TranslationDesk> {
  const row = await getArticleRow(ctx.db, sourceId);
  assertMayTranslate(ctx.actor, row, to);
  if (to === row.edition_code) throw invalid('ARTICLE_INVALID', [{ field: 'to', key: 'errors.translation.same_edition' }]);
  const system = { ...ctx, actor: { kind: 'system', reason: 'translation desk' } as Actor };
  const source = await getArticle(system, sourceId);
  const rows = await storyRows(ctx, row.story_id);
  const latest = await latestRevisions(ctx, [sourceId, ...rows.flatMap((r) => (r.source_article_id === null ? [] : [r.source_article_id]))]);
  const outdatedOf = (r: { source_article_id: number | null; source_revision: number | null }) =>
    r.source_article_id !== null && r.source_revision !== null && (latest.get(r.source_article_id) ?? 0) > r.source_revision;
  const editions = rows
    .filter((r) => r.id === sourceId || inEditions(ctx.actor, r.edition_code))
    .map((r) => ({ id: r.id, edition: r.edition_code, status: r.status, headline: r.headline, sourceRevision: r.source_revision, outdated: outdatedOf(r) }));
  const desk: TranslationDesk = { source: { ...source, revision: latest.get(sourceId) ?? 1, bodyText: documentText(source.body) }, editions };
  const existing = to === undefined ? undefined : rows.find((r) => r.edition_code === to);
  if (existing) {
    // An existing translation opens under the ordinary read rule (a translator: their own, or submitted work).
    const target = await getArticle(ctx, existing.id);
    const rich = target.body.content.some((b) => b.type !== 'paragraph' || b.content.some((n) => n.type === 'text' && (n.marks?.length ?? 0) > 0));
    desk.target = { ...target, bodyText: documentText(target.body), sourceRevision: existing.source_revision, outdated: outdatedOf(existing), rich };
  }
  return desk;
}

/** Creates or updates the story's article in `input.edition` from the form, and records its source revision. */
export async function saveTranslation(ctx: DbCtx, sourceId: number, input: TranslationInput): Promise<ArticleRef & { created: boolean }> {
  const row = await getArticleRow(ctx.db, sourceId);
  assertMayTranslate(ctx.actor, row, input.edition);
  if (input.edition === row.edition_code) throw invalid('ARTICLE_INVALID', [{ field: 'to', key: 'errors.translation.same_edition' }]);
  const latest = (await latestRevisions(ctx, [sourceId])).get(sourceId) ?? 1;
  const basedOn = input.sourceRevision ?? latest;
  if (!Number.isInteger(basedOn) || basedOn < 1 || basedOn > latest) throw invalid('ARTICLE_INVALID', [{ field: 'sourceRevision', key: 'errors.field.type' }]);
  const existing = (await storyRows(ctx, row.story_id)).find((r) => r.edition_code === input.edition);
  let ref: ArticleRef;
  if (existing) {
    // A form that did not know of the translation (a double submit, a colleague's meanwhile) must not overwrite it.
    if (input.expectedVersion === undefined) throw conflict('ARTICLE_TRANSLATION_EXISTS', { id: existing.id });
    // The form shows the body as plain text; sent back unchanged it must not flatten the stored
    // structure (headings, quotes, lists, links) into paragraphs.
    const current = await getArticle(ctx, existing.id);
    const typed = input.body.replace(/\r\n?/g, '\n').trim();
    const body = typed === documentText(current.body).trim() ? undefined : input.body;
    ref = await updateArticle(ctx, existing.id, { headline: input.headline, dek: input.dek, ...(body === undefined ? {} : { body }), expectedVersion: input.expectedVersion, note: `Translated from revision ${basedOn}` });
  } else {
    ref = await createTranslation(ctx, sourceId, { edition: input.edition, headline: input.headline, dek: input.dek, body: input.body });
  }
  const updated = await ctx.db
    .updateTable('articles')
    .set({ source_article_id: sourceId, source_revision: basedOn })
    .where('id', '=', ref.id)
    .where('story_id', '=', row.story_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw notFound('ARTICLE_NOT_FOUND');
  return { ...ref, created: !existing };
}
