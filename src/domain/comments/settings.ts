// Each edition's comment settings: the moderation policy, closing N days after publication, and
// the block list. An edition without a row has the defaults.
import { invalid } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import type { Trx } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';

export const POLICIES = ['hold_all', 'hold_first', 'approve_all'] as const;
export type CommentPolicy = (typeof POLICIES)[number];

export interface CommentSettings {
  policy: CommentPolicy;
  /** Comments close this many days after first publication; null never. */
  closeAfterDays: number | null;
  blockList: string;
}

export const DEFAULT_SETTINGS: CommentSettings = { policy: 'hold_first', closeAfterDays: null, blockList: '' };

export async function getCommentSettings(ctx: DbCtx | { db: Trx }, edition: string): Promise<CommentSettings> {
  const row = await ctx.db.selectFrom('comment_settings').selectAll().where('edition_code', '=', edition).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS };
  return { policy: row.policy, closeAfterDays: row.close_after_days === null ? null : Number(row.close_after_days), blockList: row.block_list };
}

export async function setCommentSettings(ctx: DbCtx, edition: string, patch: Partial<CommentSettings>): Promise<CommentSettings> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  const next = { ...(await getCommentSettings(ctx, edition)), ...patch };
  if (!POLICIES.includes(next.policy)) throw invalid('COMMENT_SETTINGS_INVALID', [{ field: 'policy', key: 'comments.error.policy' }]);
  if (next.closeAfterDays !== null && (!Number.isInteger(next.closeAfterDays) || next.closeAfterDays < 1 || next.closeAfterDays > 36500)) {
    throw invalid('COMMENT_SETTINGS_INVALID', [{ field: 'closeAfterDays', key: 'comments.error.close_after' }]);
  }
  const blockList = next.blockList.split('\n').map(cleanLine).filter(Boolean).join('\n');
  const values = { policy: next.policy, close_after_days: next.closeAfterDays, block_list: blockList, updated_at: ctx.clock.now().toISOString() };
  await ctx.db
    .insertInto('comment_settings')
    .values({ edition_code: edition, ...values })
    .onConflict((oc) => oc.column('edition_code').doUpdateSet(values))
    .execute();
  return { ...next, blockList };
}

/** Whether readers may comment on an article now: open on the article, and not past the edition's age. */
export function isOpen(settings: CommentSettings, article: { commentsOpen: boolean; publishedAt: string }, now: Date): boolean {
  if (!article.commentsOpen) return false;
  if (settings.closeAfterDays === null) return true;
  return now.getTime() < new Date(article.publishedAt).getTime() + settings.closeAfterDays * 86_400_000;
}
