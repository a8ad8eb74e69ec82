// The editorial workflow as a table of legal transitions; everything else is rejected.
import type { ArticleStatus } from '../../storage/schema.js';

export type { ArticleStatus };

export const TRANSITIONS: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'published'],
  published: ['unpublished', 'removed'],
  unpublished: ['draft', 'published', 'removed'],
  // Removed is final: the URL answers 410 Gone for ever.
  removed: [],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which readers never saw the article: its slug may still follow the headline. */
export function isPrePublication(status: ArticleStatus, firstPublishedAt: string | null): boolean {
  return firstPublishedAt === null && (status === 'draft' || status === 'in_review' || status === 'scheduled');
}
