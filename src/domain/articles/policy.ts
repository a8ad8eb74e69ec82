// Who may do what to an article. Default deny: an action not listed for a role is refused.
import type { Actor, Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import type { ArticleStatus } from './workflow.js';

export type ArticleAction = 'create' | 'read' | 'edit' | 'submit' | 'retract' | 'publish' | 'schedule' | 'unpublish' | 'remove';

export interface ArticleResource {
  authorId: number | null;
  status: ArticleStatus;
}

const EDITORIAL: readonly Role[] = ['admin', 'editor'];
const WRITERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];

export function can(actor: Actor, action: ArticleAction, article?: ArticleResource): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  const { role } = actor;
  if (EDITORIAL.includes(role)) return true;
  const own = article !== undefined && article.authorId === actor.id;
  switch (action) {
    case 'create':
      return WRITERS.includes(role);
    case 'read':
      return WRITERS.includes(role) || role === 'moderator';
    case 'edit':
      // Writers edit their own work until an editor takes it to publication.
      return WRITERS.includes(role) && own && (article.status === 'draft' || article.status === 'in_review');
    case 'submit':
    case 'retract':
      return WRITERS.includes(role) && own;
    default:
      return false;
  }
}

export function assertCan(actor: Actor, action: ArticleAction, article?: ArticleResource): void {
  if (can(actor, action, article)) return;
  throw new DomainError(actor.kind === 'anonymous' ? 'Unauthenticated' : 'Forbidden', 'ARTICLE_FORBIDDEN', {
    params: { action },
  });
}
