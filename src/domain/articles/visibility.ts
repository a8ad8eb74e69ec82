// The one rule for which articles readers may see: published, dated no later than now, and in the
// edition being read. Every public read, and the related-article pool, filters through `visible`.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface Visibility {
  /** ISO-8601 UTC; timestamps are text on both dialects, so the comparison is the same everywhere. */
  now: string;
  /** Left out only by reads that span every edition (the news sitemap, the sitemap index). */
  edition?: string;
  /** The name the query gives the articles table ('articles' unless it is aliased). */
  alias?: string;
}

/**
 * The condition as one expression, for `where`, `on` and `select`. The time and the edition are
 * bound as parameters (never inlined), so a compile-once query built with prepared()'s sentinel
 * arguments keeps one slot per argument; the expression's shape depends only on whether `edition`
 * is given. Identifiers are quoted the same way on SQLite and PostgreSQL.
 */
export function visible({ now, edition, alias = 'articles' }: Visibility): RawBuilder<SqlBool> {
  // One raw fragment instead of three comparison nodes: this runs in every public query, and
  // Kysely's compile of an expression tree cost more than the lookup it guards.
  const table = sql.raw(`"${alias.replace(/"/g, '""')}"`);
  // A status other than published (draft, in review, scheduled, unpublished, removed) hides it;
  // the date guards against imported or clock-skewed rows (a null published_at never compares true).
  return edition === undefined
    ? sql<SqlBool>`(${table}."status" = 'published' and ${table}."published_at" <= ${now})`
    : sql<SqlBool>`(${table}."status" = 'published' and ${table}."published_at" <= ${now} and ${table}."edition_code" = ${edition})`;
}

/** The reader-facing clock reading that `visible` compares with. */
export const nowOf = (ctx: { clock: { now(): Date } }): string => ctx.clock.now().toISOString();
