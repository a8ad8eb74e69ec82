// Reads: the public thread of an article (a projection with no email, address or key), counts for
// headers and listings, and the moderators' lists and counts (staff only, email and hashed address).
import { notFound } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { identiconOf, type Identicon } from './avatar.js';
import { authorKeyHash, moderatedEditions, type CommentStatus } from './commands.js';
import { commentKeys } from './keys.js';

export interface ThreadComment {
  id: number;
  parentId: number | null;
  depth: number;
  /** approved; pending (shown to its author only); removed (erased or a hidden parent kept for its replies). */
  state: 'approved' | 'pending' | 'removed';
  name: string;
  website: string | null;
  body: string;
  createdAt: string;
  avatar: Identicon;
}

export interface Thread {
  /** In reading order: each comment followed by its replies, oldest first. */
  items: ThreadComment[];
  /** The last top-level comment's id when more follow: the next page starts after it. */
  next: number | undefined;
  /** Approved comments on the article. */
  total: number;
}

export const THREADS_PER_PAGE = 30;

/**
 * One page of an article's thread: top-level comments after the cursor (oldest first) with all
 * their replies. With an author key, that browser's own pending comments are included, marked.
 */
export async function listThread(ctx: DbCtx, articleId: number, options: { after?: number | undefined; authorKey?: string | undefined; limit?: number } = {}): Promise<Thread> {
  const limit = options.limit ?? THREADS_PER_PAGE;
  const after = options.after ?? 0;
  const own = options.authorKey ? authorKeyHash(options.authorKey) : undefined;
  const roots = await ctx.db
    .selectFrom('comments')
    .select('root_id')
    .distinct()
    .where('article_id', '=', articleId)
    .where('root_id', '>', after)
    .where((eb) => (own ? eb.or([eb('status', '=', 'approved'), eb.and([eb('status', '=', 'pending'), eb('author_key_hash', '=', own)])]) : eb('status', '=', 'approved')))
    .orderBy('root_id')
    .limit(limit + 1)
    .execute();
  const page = roots.slice(0, limit).map((r) => Number(r.root_id));
  const [rows, total] = await Promise.all([
    page.length
      ? ctx.db
          .selectFrom('comments')
          .select(['id', 'parent_id', 'root_id', 'depth', 'status', 'author_name', 'author_url', 'body', 'created_at', 'erased_at', 'email_key', 'author_key_hash'])
          .where('article_id', '=', articleId)
          .where('root_id', 'in', page)
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    countApproved(ctx, [articleId]).then((m) => m.get(articleId) ?? 0),
  ]);
  const keys = await commentKeys(ctx);
  const shown = (r: (typeof rows)[number]) => r.status === 'approved' || (own !== undefined && r.status === 'pending' && r.author_key_hash === own);
  const children = new Map<number, typeof rows>();
  for (const r of rows) {
    if (r.parent_id === null) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  // A hidden comment stays as "removed" only when something under it is shown.
  const keep = new Map<number, boolean>();
  const kept = (r: (typeof rows)[number]): boolean => {
    let k = keep.get(r.id);
    if (k === undefined) {
      k = shown(r) || (children.get(r.id) ?? []).some(kept);
      keep.set(r.id, k);
    }
    return k;
  };
  const items: ThreadComment[] = [];
  const walk = (r: (typeof rows)[number]) => {
    if (!kept(r)) return;
    const removed = !shown(r) || r.erased_at !== null;
    items.push({
      id: r.id,
      parentId: r.parent_id,
      depth: Number(r.depth),
      state: removed ? 'removed' : r.status === 'pending' ? 'pending' : 'approved',
      name: removed ? '' : r.author_name,
      website: removed ? null : r.author_url,
      body: removed ? '' : r.body,
      createdAt: r.created_at,
      avatar: identiconOf(keys.digest('avatar', removed ? `removed:${r.id}` : r.email_key || `id:${r.id}`)),
    });
    for (const child of children.get(r.id) ?? []) walk(child);
  };
  for (const r of rows) if (r.parent_id === null) walk(r);
  const last = page[page.length - 1];
  return { items, next: roots.length > limit && last !== undefined ? last : undefined, total };
}

/** Approved, not erased comments per article (headers and listings). */
export async function countApproved(ctx: DbCtx, articleIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (!articleIds.length) return counts;
  const rows = await ctx.db
    .selectFrom('comments')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', 'in', [...articleIds])
    .where('status', '=', 'approved')
    .where('erased_at', 'is', null)
    .groupBy('article_id')
    .execute();
  for (const r of rows) counts.set(r.article_id, Number(r.n));
  return counts;
}

/** A comment as a moderator sees it: with the email and the hashed address. */
export interface StaffComment {
  id: number;
  articleId: number;
  articleHeadline: string;
  edition: string;
  parentId: number | null;
  status: CommentStatus;
  name: string;
  email: string;
  website: string | null;
  body: string;
  ipHash: string;
  reasons: string[];
  spamScore: number;
  createdAt: string;
  erased: boolean;
}

export interface ModerationFilter {
  state?: CommentStatus | undefined;
  edition?: string | undefined;
  /** Id of the last comment of the previous page (newest first). */
  before?: number | undefined;
  limit?: number;
}

const MODERATORS = ['admin', 'editor', 'moderator'] as const;

export async function listForModeration(ctx: DbCtx, filter: ModerationFilter = {}): Promise<{ items: StaffComment[]; next: number | undefined }> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  const limit = Math.min(filter.limit ?? 50, 500);
  let q = ctx.db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id',
      'comments.article_id',
      'articles.headline',
      'articles.edition_code',
      'comments.parent_id',
      'comments.status',
      'comments.author_name',
      'comments.author_email',
      'comments.author_url',
      'comments.body',
      'comments.ip_hash',
      'comments.reasons',
      'comments.spam_score',
      'comments.created_at',
      'comments.erased_at',
    ]);
  if (filter.state) q = q.where('comments.status', '=', filter.state);
  if (filter.edition) q = q.where('articles.edition_code', '=', filter.edition);
  const limited = moderatedEditions(ctx.actor);
  if (limited) q = q.where('articles.edition_code', 'in', [...limited]);
  if (filter.before) q = q.where('comments.id', '<', filter.before);
  const rows = await q.orderBy('comments.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleHeadline: r.headline,
    edition: r.edition_code,
    parentId: r.parent_id,
    status: r.status,
    name: r.author_name,
    email: r.author_email,
    website: r.author_url,
    body: r.body,
    ipHash: r.ip_hash,
    reasons: JSON.parse(r.reasons || '[]') as string[],
    spamScore: Number(r.spam_score),
    createdAt: r.created_at,
    erased: r.erased_at !== null,
  }));
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? last.id : undefined };
}

/** How many comments are in each state (the desk's navigation counts). */
export async function countByState(ctx: DbCtx, edition?: string): Promise<Record<CommentStatus, number>> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  let q = ctx.db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id').select(['comments.status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (edition) q = q.where('articles.edition_code', '=', edition);
  const limited = moderatedEditions(ctx.actor);
  if (limited) q = q.where('articles.edition_code', 'in', [...limited]);
  const rows = await q.groupBy('comments.status').execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Pending comments the actor moderates, for the newsroom's menu: one indexed count (comments_status). */
export async function countPending(ctx: DbCtx): Promise<number> {
  assertSystemOrRole(ctx.actor, MODERATORS);
  const limited = moderatedEditions(ctx.actor);
  let q = ctx.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('comments.status', '=', 'pending');
  if (limited) q = q.where('comments.article_id', 'in', (eb) => eb.selectFrom('articles').select('articles.id').where('articles.edition_code', 'in', [...limited]));
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One approved comment as readers see it (the reply page shows it above its form). */
export async function getPublicComment(ctx: DbCtx, articleId: number, id: number): Promise<ThreadComment> {
  const r = await ctx.db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'depth', 'author_name', 'author_url', 'body', 'created_at', 'email_key'])
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!r) throw notFound('COMMENT_NOT_FOUND');
  const keys = await commentKeys(ctx);
  return {
    id: r.id,
    parentId: r.parent_id,
    depth: Number(r.depth),
    state: 'approved',
    name: r.author_name,
    website: r.author_url,
    body: r.body,
    createdAt: r.created_at,
    avatar: identiconOf(keys.digest('avatar', r.email_key || `id:${r.id}`)),
  };
}

/** What a reader who chose "remember me" typed last time, for their own (private) form only. */
export async function findAuthorDetails(ctx: DbCtx, authorKey: string): Promise<{ name: string; email: string; website: string } | undefined> {
  const r = await ctx.db
    .selectFrom('comments')
    .select(['author_name', 'author_email', 'author_url'])
    .where('author_key_hash', '=', authorKeyHash(authorKey))
    .where('erased_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { name: r.author_name, email: r.author_email, website: r.author_url ?? '' } : undefined;
}

/** Approved comments of an article, newest first, for its comment feed (no email, no address). */
export async function listForFeed(ctx: DbCtx, articleId: number, limit = 50): Promise<Array<{ id: number; name: string; body: string; createdAt: string }>> {
  const rows = await ctx.db
    .selectFrom('comments')
    .select(['id', 'author_name', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .where('erased_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.author_name, body: r.body, createdAt: r.created_at }));
}

/**
 * Where a comment is in its article's thread pages: the cursor of the page that shows it
 * (undefined for the first page), as that reader's pages are cut (their own held comments count).
 */
export async function threadPageOf(ctx: DbCtx, articleId: number, commentId: number, options: { authorKey?: string | undefined; limit?: number } = {}): Promise<number | undefined> {
  const limit = options.limit ?? THREADS_PER_PAGE;
  const own = options.authorKey ? authorKeyHash(options.authorKey) : undefined;
  const row = await ctx.db.selectFrom('comments').select('root_id').where('id', '=', commentId).where('article_id', '=', articleId).executeTakeFirst();
  if (!row || row.root_id === null) return undefined;
  const before = await ctx.db
    .selectFrom('comments')
    .select('root_id')
    .distinct()
    .where('article_id', '=', articleId)
    .where('root_id', '<', row.root_id)
    .where((eb) => (own ? eb.or([eb('status', '=', 'approved'), eb.and([eb('status', '=', 'pending'), eb('author_key_hash', '=', own)])]) : eb('status', '=', 'approved')))
    .orderBy('root_id')
    .execute();
  const pages = Math.floor(before.length / limit);
  if (pages === 0) return undefined;
  return Number(before[pages * limit - 1]?.root_id);
}
