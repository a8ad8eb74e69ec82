// The job handlers: each takes its payload, calls the domain as the system actor, and records the
// events its own changes cause, like any other write.
import type { DbCtx } from '../storage/database.js';
import { transact } from '../storage/outbox.js';
import { pruneQueue } from '../storage/queue.js';
import { rebuildRelated, refreshRelated, releaseDueArticles } from '../domain/articles/index.js';
import { rebuildSearchIndex, reindexArticle, reindexEntity, repairSearchIndex } from '../domain/search/index.js';
import type { BlobStore } from '../domain/media/index.js';
import { refreshShareCard } from '../domain/site/index.js';
import { emptyTrash, pruneCommentLogs } from '../domain/comments/index.js';
import type { CommentMailer } from './comment-mail.js';
import type { JobHandler } from './runner.js';
import { JOB_KINDS } from './reactions.js';

const DAY_MS = 24 * 3600 * 1000;

function idOf(payload: unknown, field: 'articleId' | 'entityId' | 'commentId'): number {
  const id = (payload as Record<string, unknown> | null)?.[field];
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) throw new Error(`job payload has no ${field}`);
  return id;
}
const articleIdOf = (payload: unknown): number => idOf(payload, 'articleId');

export interface HandlerOptions {
  /** Where share cards are stored, and the product's name in an edition (for an agency that set none). */
  shareCards?: { blobs: BlobStore; productName(edition: string): string };
  /** Sends comment notifications (none without SMTP_URL). */
  mailer?: CommentMailer | undefined;
}

export function jobHandlers(ctx: (reason: string) => DbCtx, options: HandlerOptions = {}): Record<string, JobHandler> {
  return {
    [JOB_KINDS.shareCard]: async (payload) => {
      // A server without a blob store (none today) leaves cards to be drawn on first request.
      if (!options.shareCards) return;
      const edition = (payload as { edition?: unknown } | null)?.edition;
      if (typeof edition !== 'string') throw new Error('job payload has no edition');
      await refreshShareCard(ctx('share cards'), options.shareCards.blobs, { id: articleIdOf(payload), edition }, options.shareCards.productName(edition));
    },
    [JOB_KINDS.commentModerators]: async (payload) => {
      await options.mailer?.notifyModerators(ctx('comment notification'), idOf(payload, 'commentId'));
    },
    [JOB_KINDS.commentReply]: async (payload) => {
      await options.mailer?.notifyReply(ctx('comment notification'), idOf(payload, 'commentId'));
    },
    [JOB_KINDS.commentUpkeep]: async () => {
      const c = ctx('comment upkeep');
      await emptyTrash(c);
      await pruneCommentLogs(c);
    },
    [JOB_KINDS.relatedRefresh]: async (payload) => {
      // Records related.changed with the lists it changed, in the same transaction.
      await refreshRelated(ctx('related articles'), articleIdOf(payload));
    },
    [JOB_KINDS.relatedRebuild]: async () => {
      const c = ctx('related articles');
      await rebuildRelated(c);
      await c.adapter.analyze(c.db, ['article_terms', 'related_articles']);
      await transact(c, (_trx, record) => record('related.rebuilt', {}));
    },
    [JOB_KINDS.releaseDue]: async () => {
      await releaseDueArticles(ctx('scheduled publishing'));
    },
    [JOB_KINDS.searchReindex]: async (payload) => {
      await reindexArticle(ctx('search index'), articleIdOf(payload));
    },
    [JOB_KINDS.searchRebuild]: async () => {
      const c = ctx('search index');
      await rebuildSearchIndex(c);
      await c.adapter.analyze(c.db, ['search_documents', 'search_terms']);
    },
    [JOB_KINDS.searchEntity]: async (payload) => {
      await reindexEntity(ctx('search index'), idOf(payload, 'entityId'));
    },
    [JOB_KINDS.searchRepair]: async () => {
      await repairSearchIndex(ctx('search index'));
    },
    [JOB_KINDS.prune]: async () => {
      const c = ctx('queue upkeep');
      await pruneQueue(c.db, new Date(c.clock.now().getTime() - DAY_MS));
    },
  };
}
