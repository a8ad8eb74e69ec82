// The one rule for which articles readers may see: published, dated no later than now, and in the
// edition being read. Every public read, and the related-article pool, filters through `visible`.
import { expressionBuilder, sql, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { DB } from '../../storage/schema.js';

export interface Visibility {
  /** ISO-8601 UTC; timestamps are text on both dialects, so the comparison is the same everywhere. */
  now: string;
  /** Left out only by reads that span every edition (the news sitemap, the sitemap index). */
  edition?: string;
  /** The name the query gives the articles table ('articles' unless it is aliased). */
  alias?: string;
}

/**
 * The condition as one expression, for `where`, `on` and `select`. Values are bound as parameters
 * (never inlined), so a compile-once query built with prepared()'s sentinel arguments keeps one
 * slot per argument; the expression's shape depends only on whether `edition` is given.
 */
export function visible({ now, edition, alias = 'articles' }: Visibility): ExpressionWrapper<DB, never, SqlBool> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const eb = expressionBuilder<DB>();
  return eb.and([
    // A status other than published (draft, in review, scheduled, unpublished, removed) hides it.
    sql<SqlBool>`${column('status')} = ${'published'}`,
    // Guards against imported or clock-skewed rows; a null published_at never compares true.
    sql<SqlBool>`${column('published_at')} <= ${now}`,
    ...(edition === undefined ? [] : [sql<SqlBool>`${column('edition_code')} = ${edition}`]),
  ]);
}

/** The reader-facing clock reading that `visible` compares with. */
export const nowOf = (ctx: { clock: { now(): Date } }): string => ctx.clock.now().toISOString();
