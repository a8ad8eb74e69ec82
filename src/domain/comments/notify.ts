// What the comment emails need: the comment, its article and, for a reply, the parent's author if
// they asked to hear about replies; and the signed one-click unsubscribe. Staff and system only:
// these carry email addresses.
import { timingSafeEqual } from 'node:crypto';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { commentKeys } from './keys.js';

export interface CommentNotice {
  id: number;
  status: string;
  name: string;
  body: string;
  edition: string;
  article: { id: number; slug: string; headline: string };
  /** The parent's author, when this is a reply and they opted in (and it is not their own reply). */
  notifyParent?: { id: number; name: string; email: string } | undefined;
}

export async function findCommentNotice(ctx: DbCtx, id: number): Promise<CommentNotice | undefined> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor', 'moderator']);
  const row = await ctx.db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['comments.id', 'comments.status', 'comments.author_name', 'comments.body', 'comments.parent_id', 'comments.email_key', 'comments.erased_at', 'articles.id as article_id', 'articles.slug', 'articles.headline', 'articles.edition_code'])
    .where('comments.id', '=', id)
    .executeTakeFirst();
  if (!row || row.erased_at !== null) return undefined;
  let notifyParent: CommentNotice['notifyParent'];
  if (row.parent_id !== null) {
    const parent = await ctx.db
      .selectFrom('comments')
      .select(['id', 'author_name', 'author_email', 'email_key', 'notify_replies'])
      .where('id', '=', row.parent_id)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (parent && parent.notify_replies === 1 && parent.email_key !== row.email_key) notifyParent = { id: parent.id, name: parent.author_name, email: parent.author_email };
  }
  return { id: row.id, status: row.status, name: row.author_name, body: row.body, edition: row.edition_code, article: { id: row.article_id, slug: row.slug, headline: row.headline }, notifyParent };
}

/** The signature of a comment's unsubscribe link: only the servers can make it. */
export async function unsubscribeSignature(ctx: DbCtx, commentId: number): Promise<string> {
  return (await commentKeys(ctx)).sign('unsubscribe', String(commentId)).slice(0, 32);
}

/** Stops reply emails for a comment, given its link's signature; false when the signature is wrong. */
export async function unsubscribeReplies(ctx: DbCtx, commentId: number, signature: string): Promise<boolean> {
  const expected = Buffer.from(await unsubscribeSignature(ctx, commentId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  await ctx.db.updateTable('comments').set({ notify_replies: 0 }).where('id', '=', commentId).execute();
  return true;
}
