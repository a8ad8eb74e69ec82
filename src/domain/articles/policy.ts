// Who may do what to an article. Default deny: an action not listed for a role is refused.
// Reads follow one rule, `readScope`, used both for a single article (`can`) and inside every
// newsroom list's query (`visibleTo`), so a list never shows what a direct read would refuse.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor, Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import type { DB } from '../../storage/schema.js';
import type { ArticleStatus } from './workflow.js';

export type ArticleAction = 'create' | 'read' | 'edit' | 'submit' | 'retract' | 'publish' | 'schedule' | 'unpublish' | 'remove';

export interface ArticleResource {
  authorId: number | null;
  status: ArticleStatus;
  /**
   * The article's edition code: an account limited to editions acts on those only. Left out, an
   * account with a limit is refused (default deny); every call site in the domain passes it.
   */
  edition?: string;
}

/** True when the actor may work in this edition at all (accounts without a limit work in every one). */
export function inEditions(actor: Actor, edition: string | undefined): boolean {
  return actor.kind !== 'user' || actor.editions === undefined || (edition !== undefined && actor.editions.includes(edition));
}

const EDITORIAL: readonly Role[] = ['admin', 'editor'];
const WRITERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];

/**
 * Work a translator may read besides their own: what a writer has submitted or the desk has
 * taken further (the source texts they translate), never another writer's draft or a removed one.
 */
export const TRANSLATOR_READS: readonly ArticleStatus[] = ['in_review', 'scheduled', 'published', 'unpublished'];

/**
 * The newsroom articles an actor may read. Editors and admins: all, within the editions their
 * account is limited to (users.user_editions; the limit applies to every role). Reporters: their
 * own. Translators: their own and TRANSLATOR_READS. Moderators work on comments: none. Anonymous:
 * none. The system (CLI, jobs): all.
 */
export type ReadScope = { editions?: readonly string[] } & (
  | { all: true }
  | { all: false; authorId?: number; statuses?: readonly ArticleStatus[] }
);

export function readScope(actor: Actor): ReadScope {
  if (actor.kind === 'system') return { all: true };
  if (actor.kind === 'anonymous') return { all: false };
  const editions = actor.editions === undefined ? {} : { editions: actor.editions };
  if (EDITORIAL.includes(actor.role)) return { all: true, ...editions };
  if (actor.role === 'reporter') return { all: false, authorId: actor.id, ...editions };
  if (actor.role === 'translator') return { all: false, authorId: actor.id, statuses: TRANSLATOR_READS, ...editions };
  return { all: false };
}

function mayRead(actor: Actor, article: ArticleResource | undefined): boolean {
  const scope = readScope(actor);
  if (article && scope.editions && (article.edition === undefined || !scope.editions.includes(article.edition))) return false;
  if (scope.all) return true;
  // Without an article, the question is whether the actor reads any newsroom article at all.
  if (!article) return scope.authorId !== undefined || scope.statuses !== undefined;
  return (scope.authorId !== undefined && article.authorId === scope.authorId) || (scope.statuses?.includes(article.status) ?? false);
}

/** The read rule as a condition on `articles`, for the WHERE clause of every newsroom list. */
export function visibleTo(actor: Actor) {
  const scope = readScope(actor);
  return (eb: ExpressionBuilder<DB, 'articles'>): Expression<SqlBool> => {
    const inScope = (condition: Expression<SqlBool>): Expression<SqlBool> => {
      if (!scope.editions) return condition;
      if (!scope.editions.length) return eb.lit(false);
      return eb.and([eb('articles.edition_code', 'in', [...scope.editions]), condition]);
    };
    if (scope.all) return inScope(eb.lit(true));
    const either: Array<Expression<SqlBool>> = [];
    if (scope.authorId !== undefined) either.push(eb('articles.author_id', '=', scope.authorId));
    if (scope.statuses?.length) either.push(eb('articles.status', 'in', [...scope.statuses]));
    return either.length ? inScope(eb.or(either)) : eb.lit(false);
  };
}

export function can(actor: Actor, action: ArticleAction, article?: ArticleResource): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  const { role } = actor;
  if (action === 'read') return mayRead(actor, article);
  // Every write names its article's edition (a new article: the edition it is created in).
  if (article && !inEditions(actor, article.edition)) return false;
  if (EDITORIAL.includes(role)) return true;
  const own = article !== undefined && article.authorId === actor.id;
  switch (action) {
    case 'create':
      return WRITERS.includes(role);
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

/**
 * Refuses with ARTICLE_FORBIDDEN: 401 to the anonymous, 403 to staff, for reads as for writes.
 * A read refused is 403 and not 404 because article ids are sequential and published ones are
 * public, so hiding that an id exists would hide nothing, while 403 tells a staff client that
 * its role is the problem, not the id; writes have always answered 403 the same way.
 */
export function assertCan(actor: Actor, action: ArticleAction, article?: ArticleResource): void {
  if (can(actor, action, article)) return;
  throw new DomainError(actor.kind === 'anonymous' ? 'Unauthenticated' : 'Forbidden', 'ARTICLE_FORBIDDEN', {
    params: { action },
  });
}
