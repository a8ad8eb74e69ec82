// PostgreSQL specifics: SQLSTATE 23505 is unique_violation; search is a generated tsvector column
// of search_documents with a GIN index, ranked by ts_rank_cd.
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DialectAdapter } from '../contract.js';
import { tsqueryExpression } from '../search-expression.js';
import { runSearch } from '../search-query.js';

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23505';
  },
  async analyze(db, tables) {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  },
  forClaim: <Q,>(query: Q) => (query as unknown as SelectQueryBuilder<never, never, never>).forUpdate().skipLocked() as unknown as Q,
  async notifyOnCommit(trx, channel, message) {
    await sql`select pg_notify(${channel}, ${message})`.execute(trx);
  },
  searchMatch(db, query) {
    const expression = tsqueryExpression(query.groups, query.any, query.prefixLast ?? true);
    const tsquery = sql`to_tsquery('simple', ${expression})`;
    const inEdition = sql`from search_documents where search_vector @@ ${tsquery} and edition_code = ${query.edition}`;
    return runSearch(db, query, {
      text: expression
        ? {
            candidates: sql`select article_id ${inEdition}`,
            matches: sql`select article_id ${inEdition}`,
            scored: (limit) =>
              sql`select article_id, ts_rank_cd(search_vector, ${tsquery}) as score ${inEdition}${limit === undefined ? sql`` : sql` order by article_id desc limit ${limit}`}`,
          }
        : undefined,
      ageDays: sql<number>`(extract(epoch from (cast(${query.now} as timestamptz) - cast(d.published_at as timestamptz))) / 86400.0)`,
    });
  },
  async headlineContains(_db, text) {
    // The same lower() as the index expression (articles_headline_trgm), so the GIN index answers.
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql<SqlBool>`lower("articles"."headline") like lower(${pattern})`;
  },
};
