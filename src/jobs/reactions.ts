// What must happen, durably and once, after each event: the jobs an event causes. Cache purges are
// not here: every server applies those itself (follower.ts). Webhooks and comment notifications
// join this table as their issues land.
import type { RecordedEvent } from '../core/events.js';
import type { NewJob } from '../storage/queue.js';

export const JOB_KINDS = {
  /** Recompute an article's related list and the lists that may now include or lose it. */
  relatedRefresh: 'related.refresh',
  /** Recompute every related list (after a change to how text is read; queued by a migration). */
  relatedRebuild: 'related.rebuild',
  /** Publish scheduled articles whose time has come. */
  releaseDue: 'articles.release',
  /** Drop finished jobs and read events after a day. */
  prune: 'queue.prune',
  /** Index an article in search if readers may see it, or drop it from the index. */
  searchReindex: 'search.reindex',
  /** Recreate the whole search index from the articles. */
  searchRebuild: 'search.rebuild',
  /** Reindex the articles linked to an entity whose names or aliases changed. */
  searchEntity: 'search.entity',
  /** Reindex what the search index missed (rows changed outside the domain); at start and every 10 minutes. */
  searchRepair: 'search.repair',
  /** Draw a published article's share card ahead of the first crawler (pages only link it). */
  shareCard: 'site.share-card',
  /** Tell the moderators of a comment awaiting moderation (by email). */
  commentModerators: 'comments.notify-moderators',
  /** Tell a commenter who opted in of an approved reply (by email). */
  commentReply: 'comments.notify-reply',
  /** Delete comments trashed 30 days ago; forget rate-limit attempts and used form tokens. */
  commentUpkeep: 'comments.upkeep',
} as const;

/** Mail waits out an SMTP server that is down: about a day of retries with backoff. */
const MAIL_ATTEMPTS = 20;

export function jobsFor(event: RecordedEvent): NewJob[] {
  switch (event.name) {
    case 'article.created': {
      // A draft is not indexed, but an article created already visible (an import) must be.
      const { id } = event.payload as { id: number };
      return [{ kind: JOB_KINDS.searchReindex, payload: { articleId: id } }];
    }
    case 'article.updated':
    case 'article.published':
    case 'article.unpublished':
    case 'article.removed': {
      const { id, edition, status } = event.payload as { id: number; edition: string; status?: string };
      return [
        { kind: JOB_KINDS.relatedRefresh, payload: { articleId: id } },
        { kind: JOB_KINDS.searchReindex, payload: { articleId: id } },
        // A new headline gives a new card; only what readers can see has one.
        ...((event.name === 'article.published' || event.name === 'article.updated') && status === 'published'
          ? [{ kind: JOB_KINDS.shareCard, payload: { articleId: id, edition } }]
          : []),
      ];
    }
    case 'comment.posted': {
      const { id, status, parentId } = event.payload as { id: number; status: string; parentId: number | null };
      if (status === 'pending') return [{ kind: JOB_KINDS.commentModerators, payload: { commentId: id }, maxAttempts: MAIL_ATTEMPTS }];
      if (status === 'approved' && parentId !== null) return [{ kind: JOB_KINDS.commentReply, payload: { commentId: id }, maxAttempts: MAIL_ATTEMPTS }];
      return [];
    }
    case 'comment.moderated': {
      const { ids, status } = event.payload as { ids: number[]; status: string };
      // The handler sends only for a reply whose parent's author opted in.
      return status === 'approved' ? ids.map((id) => ({ kind: JOB_KINDS.commentReply, payload: { commentId: id }, maxAttempts: MAIL_ATTEMPTS })) : [];
    }
    case 'entity.changed': {
      const { id } = event.payload as { id: number };
      return [{ kind: JOB_KINDS.searchEntity, payload: { entityId: id } }];
    }
    default:
      return [];
  }
}
