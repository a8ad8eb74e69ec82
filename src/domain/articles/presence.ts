// Who else has an article open in the newsroom. An open edit screen sends a heartbeat (about
// every 20 s); a row per article and session says when it was opened and last seen. Rows older
// than PRESENCE_WINDOW_MS are ignored and pruned at the next heartbeat, so a closed tab drops out
// within a minute without anyone having to say goodbye. Only staff who may read the article may
// announce themselves or see the others.
import { invalid } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { assertCan } from './policy.js';
import { getArticleRow } from './records.js';

export const PRESENCE_WINDOW_MS = 60_000;
/** How often the client module says "still here" (views/assets/presence.js). */
export const PRESENCE_HEARTBEAT_MS = 20_000;

export interface PresentUser {
  name: string;
  /** When they first opened the article in the session seen most recently (ISO-8601 UTC). */
  since: string;
}

async function assertMayRead(ctx: DbCtx, articleId: number): Promise<void> {
  const row = await getArticleRow(ctx.db, articleId);
  assertCan(ctx.actor, 'read', { authorId: row.author_id, status: row.status, edition: row.edition_code });
}

const cutoffOf = (ctx: DbCtx) => new Date(ctx.clock.now().getTime() - PRESENCE_WINDOW_MS).toISOString();

/** The other accounts seen on the article within the window, longest-present first; never the actor. */
export async function listPresence(ctx: DbCtx, articleId: number): Promise<PresentUser[]> {
  await assertMayRead(ctx, articleId);
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : 0;
  const rows = await ctx.db
    .selectFrom('article_presence')
    .innerJoin('users', 'users.id', 'article_presence.user_id')
    .select(['users.id', 'users.name', 'article_presence.opened_at'])
    .where('article_presence.article_id', '=', articleId)
    .where('article_presence.seen_at', '>=', cutoffOf(ctx))
    .where('article_presence.user_id', '!=', me)
    .where('users.disabled_at', 'is', null)
    .orderBy('article_presence.opened_at')
    .execute();
  const byUser = new Map<number, PresentUser>();
  for (const r of rows) if (!byUser.has(r.id)) byUser.set(r.id, { name: r.name, since: r.opened_at });
  return [...byUser.values()];
}

/**
 * Records that the actor's session `key` has the article open now, prunes rows past the window,
 * and answers the others present. `key` names the screen's session, never its secret.
 */
export async function touchPresence(ctx: DbCtx, articleId: number, key: string): Promise<PresentUser[]> {
  if (ctx.actor.kind !== 'user') throw invalid('ARTICLE_INVALID', [{ field: 'actor', key: 'errors.field.type' }]);
  if (!/^[a-z]:[0-9]{1,12}$/.test(key)) throw invalid('ARTICLE_INVALID', [{ field: 'key', key: 'errors.field.type' }]);
  await assertMayRead(ctx, articleId);
  const now = ctx.clock.now().toISOString();
  const userId = ctx.actor.id;
  await ctx.db.deleteFrom('article_presence').where('seen_at', '<', cutoffOf(ctx)).execute();
  await ctx.db
    .insertInto('article_presence')
    .values({ article_id: articleId, user_id: userId, session_key: key, opened_at: now, seen_at: now })
    // A session that was away past the window opened the article afresh; the prune above removed its row.
    .onConflict((oc) => oc.columns(['article_id', 'session_key']).doUpdateSet({ seen_at: now, user_id: userId }))
    .execute();
  return listPresence(ctx, articleId);
}
