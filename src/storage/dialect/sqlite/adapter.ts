// SQLite specifics: better-sqlite3 reports constraint failures with extended result codes; search
// is an FTS5 table (search_fts) over search_documents, ranked by bm25.
import { sql } from 'kysely';
import type { DialectAdapter } from '../contract.js';
import { fts5Expression } from '../search-expression.js';
import { runSearch } from '../search-query.js';

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  isUniqueViolation(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  async analyze(db, tables) {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
  },
  forClaim: (query) => query,
  notifyOnCommit: async () => {},
  searchMatch(db, query) {
    const expression = fts5Expression(query.groups, query.any);
    return runSearch(db, query, {
      // bm25 is lower for better matches; negated so that every dialect sorts a higher score first.
      textHits: expression ? sql`select rowid as article_id, -bm25(search_fts) as score from search_fts where search_fts match ${expression}` : undefined,
      ageDays: sql<number>`(julianday(${query.now}) - julianday(d.published_at))`,
    });
  },
};
