// A commenter's personal data by email address, as WordPress core's personal-data tools do: export
// everything stored about them, or erase it while keeping each comment's place in its thread.
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';
import { invalid } from '../../core/errors.js';
import { eraseRows, moderatedEditions } from './commands.js';
import { commentKeys } from './keys.js';
import { cleanFields, fieldProblems } from './rules.js';

export interface ExportedComment {
  id: number;
  article: { id: number; edition: string; headline: string };
  status: string;
  name: string;
  email: string;
  website: string | null;
  body: string;
  createdAt: string;
  userAgent: string;
  notifyReplies: boolean;
}

const STAFF = ['admin', 'editor', 'moderator'] as const;

/** The address's comments the actor may see: an account limited to editions reaches only theirs. */
async function idsOf(ctx: DbCtx, email: string): Promise<number[]> {
  const address = cleanFields({ email }).email;
  const problem = fieldProblems({ name: '-', email: address, website: '', body: '-' }).find((p) => p.field === 'email');
  if (problem) throw invalid('COMMENT_INVALID', [problem]);
  const key = (await commentKeys(ctx)).sign('email', address).slice(0, 22);
  let q = ctx.db.selectFrom('comments').select('comments.id').where('comments.email_key', '=', key).where('comments.erased_at', 'is', null);
  const limited = moderatedEditions(ctx.actor);
  if (limited) q = q.where('comments.article_id', 'in', (eb) => eb.selectFrom('articles').select('articles.id').where('articles.edition_code', 'in', [...limited]));
  const rows = await q.orderBy('comments.id').execute();
  return rows.map((r) => r.id);
}

export async function exportCommenterData(ctx: DbCtx, email: string): Promise<ExportedComment[]> {
  assertSystemOrRole(ctx.actor, STAFF);
  const ids = await idsOf(ctx, email);
  if (!ids.length) return [];
  const rows = await ctx.db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['comments.id', 'comments.article_id', 'articles.edition_code', 'articles.headline', 'comments.status', 'comments.author_name', 'comments.author_email', 'comments.author_url', 'comments.body', 'comments.created_at', 'comments.user_agent', 'comments.notify_replies'])
    .where('comments.id', 'in', ids)
    .orderBy('comments.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    article: { id: r.article_id, edition: r.edition_code, headline: r.headline },
    status: r.status,
    name: r.author_name,
    email: r.author_email,
    website: r.author_url,
    body: r.body,
    createdAt: r.created_at,
    userAgent: r.user_agent,
    notifyReplies: r.notify_replies === 1,
  }));
}

/** Blanks every comment of the address; replies to them stay where they were. */
export async function eraseCommenterData(ctx: DbCtx, email: string): Promise<{ erased: number }> {
  assertSystemOrRole(ctx.actor, STAFF);
  const ids = await idsOf(ctx, email);
  if (!ids.length) return { erased: 0 };
  return transact(ctx, async (trx, record) => {
    const rows = await trx.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', 'in', ids).execute();
    await eraseRows(ctx, trx, ids);
    const articleIds = [...new Set(rows.map((r) => r.article_id))];
    await record('comment.moderated', { ids, articleIds, status: 'erased', visible: rows.some((r) => r.status === 'approved') });
    return { erased: ids.length };
  });
}
