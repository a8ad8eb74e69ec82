// An article's revision history for the newsroom: the list (without the snapshots, which can be
// large), two revisions compared (revision-diff.ts), and restoring an old revision as a new one.
// Reading follows getArticle's rule; restoring is an edit (updateArticle checks the role, the
// state, and the expected version).
import { invalid, notFound } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { updateArticle } from './commands.js';
import type { BodyDocument } from './document.js';
import { getArticle } from './queries.js';
import type { ArticleRef, StaffArticle } from './records.js';
import { diffSnapshots, type RevisionDiff } from './revision-diff.js';

export interface RevisionSummary {
  number: number;
  headline: string;
  editor: string;
  note: string;
  createdAt: string;
}

/** The note a restore leaves in the history; the newsroom shows it in the reader's language. */
export const RESTORED_NOTE = /^Restored revision (\d+)$/;
export const restoredNote = (n: number) => `Restored revision ${n}`;

/** The article (read rule applied) and its revisions, newest first. */
export async function listRevisionHistory(ctx: DbCtx, articleId: number): Promise<{ article: StaffArticle; revisions: RevisionSummary[] }> {
  const article = await getArticle(ctx, articleId);
  const rows = await ctx.db
    .selectFrom('article_revisions')
    .select(['number', 'headline', 'editor_label', 'note', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .execute();
  return { article, revisions: rows.map((r) => ({ number: r.number, headline: r.headline, editor: r.editor_label, note: r.note, createdAt: r.created_at })) };
}

async function snapshotOf(ctx: DbCtx, articleId: number, number: number): Promise<Record<string, unknown>> {
  const row = await ctx.db.selectFrom('article_revisions').select('snapshot').where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst();
  if (!row) throw notFound('REVISION_NOT_FOUND');
  return JSON.parse(row.snapshot) as Record<string, unknown>;
}

/** Revisions `from` and `to` of an article compared (any order the caller chooses). */
export async function compareRevisions(ctx: DbCtx, articleId: number, from: number, to: number): Promise<RevisionDiff> {
  await getArticle(ctx, articleId);
  const [a, b] = await Promise.all([snapshotOf(ctx, articleId, from), snapshotOf(ctx, articleId, to)]);
  return diffSnapshots(a, b);
}

/**
 * Makes a new revision whose content is that of revision `number` (the slug follows the rules of
 * any edit: it stays once the article has been published). `expectedVersion` is the version the
 * editor saw: a newer one answers Conflict. Nothing to change (the revision is the current
 * content) answers `changed: false` and records nothing.
 */
export async function restoreRevision(ctx: DbCtx, articleId: number, number: number, expectedVersion: number): Promise<ArticleRef & { changed: boolean }> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw invalid('ARTICLE_INVALID', [{ field: 'expectedVersion', key: 'errors.field.type' }]);
  await getArticle(ctx, articleId);
  const s = await snapshotOf(ctx, articleId, number);
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const id = (v: unknown) => (typeof v === 'number' ? v : null);
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
  return updateArticle(ctx, articleId, {
    headline: text(s.headline),
    dek: text(s.dek),
    dateline: text(s.dateline),
    creditLine: text(s.creditLine),
    byline: text(s.byline),
    body: s.body as BodyDocument,
    sectionId: id(s.sectionId),
    tagIds: ids(s.tagIds),
    entityIds: ids(s.entityIds),
    featuredMediaId: id(s.featuredMediaId),
    commentsOpen: s.commentsOpen !== false,
    expectedVersion,
    note: restoredNote(number),
  });
}
