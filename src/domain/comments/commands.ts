// Writes: a reader's submission (every check, in order, then one transaction with its event),
// moderation (which also teaches the filter), and the trash's upkeep.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DomainError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { transact, type Trx } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';
import { visible } from '../articles/index.js';
import { commentKeys, hashAddress } from './keys.js';
import { MAX_DEPTH, blockedWords, bodyKey, cleanFields, fieldProblems, linkCount, websiteOf } from './rules.js';
import { getCommentSettings, isOpen } from './settings.js';
import { SPAM_THRESHOLD, spamScore, train } from './spam.js';
import { MIN_FILL_MS, checkFormToken } from './token.js';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
export const COMMENT_STATES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];

export interface RateLimits {
  /** Posts one client address may make in a window. */
  perAddress: number;
  /** Posts one article may receive in a window, from everyone. */
  perArticle: number;
  windowMs: number;
}
export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 5, perArticle: 60, windowMs: 60_000 };

export interface CommentSubmission {
  edition: string;
  articleId: number;
  parentId?: number | undefined;
  name: string;
  email: string;
  website: string;
  body: string;
  /** The hidden field people never see: anything in it is a robot. */
  honeypot: string;
  token: string;
  ip: string;
  userAgent: string;
  notifyReplies: boolean;
  /** The random key of the author's cookie: that browser sees its own pending comments. */
  authorKey: string;
}

export interface Submitted {
  id: number;
  articleId: number;
  status: CommentStatus;
  /** The same submission arrived before: nothing new was stored. */
  repeated: boolean;
}

/** Why a comment was held (or, for the honeypot, marked spam): shown to moderators. */
export type HoldReason = 'fast' | 'links' | 'blocked' | 'duplicate' | 'known_spam' | 'score' | 'honeypot' | 'policy';

export const authorKeyHash = (key: string) => createHash('sha256').update(`dateline-comment-author:${key}`).digest('base64url');

async function checkRate(ctx: DbCtx, ipHash: string, articleId: number, limits: RateLimits): Promise<void> {
  const now = ctx.clock.now().getTime();
  const since = new Date(now - limits.windowMs).toISOString();
  const wait = (oldest: string | undefined) => Math.max(1, Math.ceil(((oldest ? Date.parse(oldest) : now) + limits.windowMs - now) / 1000));
  for (const [column, value, limit] of [['ip_hash', ipHash, limits.perAddress], ['article_id', articleId, limits.perArticle]] as const) {
    // The limit-th newest attempt in the window, if there is one: the client is at its limit, and
    // may post again once that attempt ages out. One row read, whatever the limit.
    const edge = await ctx.db
      .selectFrom('comment_attempts')
      .select('created_at')
      .where(column, '=', value as never)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(1)
      .offset(limit - 1)
      .executeTakeFirst();
    if (edge) throw new DomainError('RateLimited', 'COMMENT_RATE_LIMITED', { retryAfter: wait(edge.created_at) });
  }
  await ctx.db.insertInto('comment_attempts').values({ ip_hash: ipHash, article_id: articleId, created_at: new Date(now).toISOString() }).execute();
}

interface OpenArticle {
  id: number;
  edition: string;
  publishedAt: string;
  commentsOpen: boolean;
  language: string;
}

async function openArticle(ctx: DbCtx, edition: string, articleId: number): Promise<OpenArticle> {
  const row = await ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code', 'published_at', 'first_published_at', 'comments_open'])
    .where('id', '=', articleId)
    .where(visible({ now: ctx.clock.now().toISOString(), edition }))
    .executeTakeFirst();
  if (!row) throw notFound('ARTICLE_NOT_FOUND');
  const article = { id: row.id, edition: row.edition_code, publishedAt: row.first_published_at ?? row.published_at ?? '', commentsOpen: row.comments_open === 1, language: row.edition_code };
  if (!isOpen(await getCommentSettings(ctx, edition), article, ctx.clock.now())) throw new DomainError('Forbidden', 'COMMENT_CLOSED');
  return article;
}

/**
 * A reader's comment: rate limits, the form token, the article open, the fields, the parent and
 * depth, then the spam signals and the edition's policy choose its state. Stored in one
 * transaction with its event; a failure at any step stores no comment.
 */
export async function submitComment(ctx: DbCtx, input: CommentSubmission, limits: RateLimits = DEFAULT_RATE_LIMITS): Promise<Submitted> {
  const ipHash = await hashAddress(ctx, input.ip);
  await checkRate(ctx, ipHash, input.articleId, limits);
  const article = await openArticle(ctx, input.edition, input.articleId);
  const token = await checkFormToken(ctx, input.token, input.articleId);
  if (!token.ok) throw invalid('COMMENT_TOKEN_INVALID', [{ field: 'form', key: token.reason === 'expired' ? 'comments.error.form_expired' : 'comments.error.form_invalid' }]);
  const fields = cleanFields(input);
  const problems: FieldProblem[] = fieldProblems(fields);
  if (problems.length) throw invalid('COMMENT_INVALID', problems);

  const keys = await commentKeys(ctx);
  const emailKey = keys.sign('email', fields.email).slice(0, 22);
  const textKey = bodyKey(fields.body);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();

  // A submission already accepted from this client answers with what it made (a double click).
  const seen = await ctx.db.selectFrom('comment_nonces').select('comment_id').where('nonce', '=', token.nonce).where('ip_hash', '=', ipHash).where('body_key', '=', textKey).executeTakeFirst();
  if (seen) return repeatOf(ctx, seen.comment_id, textKey, input.articleId);

  const settings = await getCommentSettings(ctx, article.edition);
  let parent: { id: number; depth: number; root_id: number | null } | undefined;
  if (input.parentId !== undefined) {
    parent = await ctx.db
      .selectFrom('comments')
      .select(['id', 'depth', 'root_id'])
      .where('id', '=', input.parentId)
      .where('article_id', '=', article.id)
      .where('status', '=', 'approved')
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!parent) throw invalid('COMMENT_INVALID', [{ field: 'parent', key: 'comments.error.parent' }]);
    if (Number(parent.depth) + 1 > MAX_DEPTH) throw invalid('COMMENT_INVALID', [{ field: 'parent', key: 'comments.error.too_deep' }]);
  }

  const reasons: HoldReason[] = [];
  if (input.honeypot.trim()) reasons.push('honeypot');
  if (token.ageMs < MIN_FILL_MS) reasons.push('fast');
  if (linkCount(fields.body) + (fields.name.match(/https?:|www\./gi)?.length ?? 0) >= 2) reasons.push('links');
  if (settings.blockList && blockedWords(`${fields.name}\n${fields.body}\n${fields.website}`, settings.blockList).length) reasons.push('blocked');
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const duplicate = await ctx.db.selectFrom('comments').select('id').where('body_key', '=', textKey).where('created_at', '>', dayAgo).where('status', '!=', 'trash').limit(1).executeTakeFirst();
  if (duplicate) reasons.push('duplicate');
  const knownSpam = await ctx.db
    .selectFrom('comments')
    .select('id')
    .where('status', '=', 'spam')
    .where((eb) => eb.or([eb('email_key', '=', emailKey), eb('ip_hash', '=', ipHash)]))
    .limit(1)
    .executeTakeFirst();
  if (knownSpam) reasons.push('known_spam');
  const score = await spamScore(ctx, { name: fields.name, website: fields.website, body: fields.body, language: article.language });
  if (score >= SPAM_THRESHOLD) reasons.push('score');

  let status: CommentStatus;
  if (reasons.includes('honeypot')) status = 'spam';
  else if (reasons.length) status = 'pending';
  else if (settings.policy === 'approve_all') status = 'approved';
  else if (settings.policy === 'hold_all') status = 'pending';
  else {
    const known = await ctx.db.selectFrom('comments').select('id').where('email_key', '=', emailKey).where('status', '=', 'approved').limit(1).executeTakeFirst();
    status = known ? 'approved' : 'pending';
  }
  if (status === 'pending' && !reasons.length) reasons.push('policy');

  try {
    return await transact(ctx, async (trx, record) => {
      const row = await trx
        .insertInto('comments')
        .values({
          article_id: article.id,
          parent_id: parent?.id ?? null,
          root_id: parent ? (parent.root_id ?? parent.id) : null,
          depth: parent ? Number(parent.depth) + 1 : 0,
          author_name: fields.name,
          author_email: fields.email,
          author_url: fields.website ? (websiteOf(fields.website) ?? null) : null,
          body: fields.body,
          status,
          ip_hash: ipHash,
          user_agent: input.userAgent.slice(0, 300),
          moderated_by: null,
          created_at: nowIso,
          moderated_at: null,
          email_key: emailKey,
          author_key_hash: authorKeyHash(input.authorKey),
          notify_replies: input.notifyReplies ? 1 : 0,
          spam_score: score,
          reasons: JSON.stringify(reasons),
          body_key: textKey,
          trained_as: null,
          erased_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!parent) await trx.updateTable('comments').set({ root_id: row.id }).where('id', '=', row.id).execute();
      await trx.insertInto('comment_nonces').values({ nonce: token.nonce, ip_hash: ipHash, body_key: textKey, used_at: nowIso, comment_id: row.id }).execute();
      await record('comment.posted', { id: row.id, articleId: article.id, edition: article.edition, status, parentId: parent?.id ?? null });
      return { id: row.id, articleId: article.id, status, repeated: false };
    });
  } catch (error) {
    // Two copies of one submission raced: the other one's insert of the nonce won.
    if (!ctx.adapter.isUniqueViolation(error)) throw error;
    const winner = await ctx.db.selectFrom('comment_nonces').select('comment_id').where('nonce', '=', token.nonce).where('ip_hash', '=', ipHash).where('body_key', '=', textKey).executeTakeFirst();
    return repeatOf(ctx, winner?.comment_id ?? null, textKey, input.articleId);
  }
}

/** How long the same submission again counts as a double click rather than a replay. */
const REPEAT_WINDOW_MS = 10 * 60_000;

async function repeatOf(ctx: DbCtx, commentId: number | null, textKey: string, articleId: number): Promise<Submitted> {
  const earlier = commentId === null ? undefined : await ctx.db.selectFrom('comments').select(['id', 'status', 'body_key', 'created_at']).where('id', '=', commentId).executeTakeFirst();
  // The same submission long after is a replay, not a double click.
  const recent = earlier && ctx.clock.now().getTime() - Date.parse(earlier.created_at) < REPEAT_WINDOW_MS;
  if (!earlier || !recent || earlier.body_key !== textKey) throw new DomainError('Conflict', 'COMMENT_REPLAYED');
  return { id: earlier.id, articleId, status: earlier.status, repeated: true };
}

const MODERATORS = ['admin', 'editor', 'moderator'] as const;

/** The editions an account limited to some may moderate (undefined: every edition). */
export function moderatedEditions(actor: DbCtx['actor']): readonly string[] | undefined {
  return actor.kind === 'user' && actor.editions && actor.editions.length ? actor.editions : undefined;
}

export interface Moderated {
  ids: number[];
  articleIds: number[];
}

/** Moves comments to a state; approving teaches the filter "ham", marking spam teaches "spam". */
export async function moderateComments(ctx: DbCtx, ids: readonly number[], to: CommentStatus): Promise<Moderated> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  if (!ids.length) return { ids: [], articleIds: [] };
  const moderator = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  return transact(ctx, async (trx, record) => {
    const rows = await trx
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .select(['comments.id', 'comments.article_id', 'comments.status', 'comments.trained_as', 'comments.author_name', 'comments.author_url', 'comments.body', 'comments.erased_at', 'articles.edition_code'])
      .where('comments.id', 'in', [...ids])
      .execute();
    // An account limited to editions does not see (nor move) another edition's comments.
    const limited = moderatedEditions(ctx.actor);
    const found = new Set(rows.filter((r) => !limited || limited.includes(r.edition_code)).map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw notFound('COMMENT_NOT_FOUND');
    let visibleChanged = false;
    for (const row of rows) {
      if ((row.status === 'approved') !== (to === 'approved')) visibleChanged = true;
      const learn = to === 'approved' ? 'ham' : to === 'spam' ? 'spam' : null;
      let trained = row.trained_as;
      if (learn && trained !== learn && row.erased_at === null) {
        const text = { name: row.author_name, website: row.author_url ?? '', body: row.body, language: row.edition_code };
        if (trained) await train(trx, text, trained, -1);
        await train(trx, text, learn, 1);
        trained = learn;
      }
      await trx
        .updateTable('comments')
        .set({ status: to, trained_as: trained, moderated_by: moderator, moderated_at: ctx.clock.now().toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
    const articleIds = [...new Set(rows.map((r) => r.article_id))];
    await record('comment.moderated', { ids: rows.map((r) => r.id), articleIds, status: to, visible: visibleChanged });
    return { ids: rows.map((r) => r.id), articleIds };
  });
}

/** Every pending comment (of one edition), for `approve --all`. */
export async function pendingIds(ctx: DbCtx, edition?: string): Promise<number[]> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  let q = ctx.db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id').select('comments.id').where('comments.status', '=', 'pending');
  if (edition) q = q.where('articles.edition_code', '=', edition);
  return (await q.orderBy('comments.id').execute()).map((r) => r.id);
}

const ERASED = { author_name: '', author_email: '', author_url: null, body: '', ip_hash: '', user_agent: '', email_key: '', author_key_hash: null, notify_replies: 0 } as const;

/** Blanks comments in place, keeping their place in the thread ("comment removed"). */
export async function eraseRows(ctx: DbCtx, trx: Trx, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await trx.updateTable('comments').set({ ...ERASED, erased_at: ctx.clock.now().toISOString() }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}

export const TRASH_DAYS = 30;

/** Deletes comments trashed 30 days ago; one with replies is blanked instead, keeping the thread. */
export async function emptyTrash(ctx: DbCtx): Promise<{ deleted: number; blanked: number }> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  const before = new Date(ctx.clock.now().getTime() - TRASH_DAYS * 86_400_000).toISOString();
  return transact(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('comments as c')
      .select(['c.id', sql<number>`(select count(*) from comments r where r.parent_id = c.id)`.as('replies')])
      .where('c.status', '=', 'trash')
      .where('c.moderated_at', '<', before)
      .execute();
    const withReplies = rows.filter((r) => Number(r.replies) > 0).map((r) => r.id);
    const alone = rows.filter((r) => Number(r.replies) === 0).map((r) => r.id);
    if (withReplies.length) await eraseRows(ctx, trx, withReplies);
    for (let i = 0; i < alone.length; i += 500) await trx.deleteFrom('comments').where('id', 'in', alone.slice(i, i + 500)).execute();
    return { deleted: alone.length, blanked: withReplies.length };
  });
}

/** Forgets rate-limit attempts and used nonces past their use (the token's lifetime). */
export async function pruneCommentLogs(ctx: DbCtx): Promise<void> {
  const now = ctx.clock.now().getTime();
  await ctx.db.deleteFrom('comment_attempts').where('created_at', '<', new Date(now - 3600_000).toISOString()).execute();
  await ctx.db.deleteFrom('comment_nonces').where('used_at', '<', new Date(now - 2 * 86_400_000).toISOString()).execute();
}
