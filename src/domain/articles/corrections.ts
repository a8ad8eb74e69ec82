// Corrections: a dated note an editor adds to an article after the fact, shown on its public page
// in a "Correction" box. Adding one is editorial work (the publish right), purges the article's
// cached pages (an article.updated event), and flags the article's translations for review:
// their recorded source revision becomes 0 ("review against the corrected source"), which the
// translation desk shows as outdated until a translator saves them again.
import type { Actor } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertCan } from './policy.js';
import { getArticleRow, loadLinkIds } from './records.js';

export const CORRECTION_MAX = 1000;

export interface Correction {
  id: number;
  note: string;
  createdAt: string;
}

function editorOf(actor: Actor): { id: number | null; label: string } {
  if (actor.kind === 'user') return { id: actor.id, label: actor.name };
  return { id: null, label: actor.kind === 'system' ? `system: ${actor.reason}` : 'anonymous' };
}

export async function addCorrection(ctx: DbCtx, articleId: number, note: string): Promise<Correction> {
  const text = cleanLine(note);
  if (!text) throw invalid('ARTICLE_INVALID', [{ field: 'note', key: 'errors.field.required' }]);
  if (text.length > CORRECTION_MAX) throw invalid('ARTICLE_INVALID', [{ field: 'note', key: 'errors.field.too_long', params: { max: CORRECTION_MAX } }]);
  return transact(ctx, async (trx, record) => {
    const row = await getArticleRow(trx, articleId);
    assertCan(ctx.actor, 'publish', { authorId: row.author_id, status: row.status, edition: row.edition_code });
    const editor = editorOf(ctx.actor);
    const now = ctx.clock.now().toISOString();
    const inserted = await trx
      .insertInto('article_corrections')
      .values({ article_id: articleId, note: text, editor_id: editor.id, editor_label: editor.label, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Its translations: those recorded as made from it; and when it is the story's original (its
    // first article), also those made elsewhere with no source recorded.
    const first = await trx.selectFrom('articles').select((eb) => eb.fn.min('id').as('id')).where('story_id', '=', row.story_id).executeTakeFirst();
    const original = Number(first?.id) === articleId;
    await trx
      .updateTable('articles')
      .set({ source_article_id: articleId, source_revision: 0 })
      .where('story_id', '=', row.story_id)
      .where('id', '!=', articleId)
      .where((eb) => (original ? eb.or([eb('source_article_id', '=', articleId), eb('source_article_id', 'is', null)]) : eb('source_article_id', '=', articleId)))
      .execute();
    const links = await loadLinkIds(trx, articleId);
    await record('article.updated', {
      id: row.id,
      edition: row.edition_code,
      status: row.status,
      storyIds: [row.story_id],
      sectionIds: row.section_id === null ? [] : [row.section_id],
      tagIds: links.tagIds,
      entityIds: links.entityIds,
    });
    return { id: inserted.id, note: text, createdAt: now };
  });
}

/** An article's corrections, oldest first (public: the article page shows them to readers). */
export async function listCorrections(ctx: DbCtx, articleId: number): Promise<Correction[]> {
  const rows = await ctx.db.selectFrom('article_corrections').select(['id', 'note', 'created_at']).where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, note: r.note, createdAt: r.created_at }));
}
