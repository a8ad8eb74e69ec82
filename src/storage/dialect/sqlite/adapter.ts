// SQLite specifics: better-sqlite3 reports constraint failures with extended result codes; search
// is an FTS5 table (search_fts) over search_documents, ranked by bm25.
import { sql, type SqlBool } from 'kysely';
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
    const expression = fts5Expression(query.groups, query.any, query.prefixLast ?? true);
    // The index holds every edition; the edition's own matches are those whose document is in it.
    const inEdition = sql`from search_fts f join search_documents e on e.article_id = f.rowid where search_fts match ${expression} and e.edition_code = ${query.edition}`;
    return runSearch(db, query, {
      text: expression
        ? {
            // Without the join: counting the index's matches alone is the cheapest bound there is.
            candidates: sql`select rowid as article_id from search_fts where search_fts match ${expression}`,
            matches: sql`select f.rowid as article_id ${inEdition}`,
            // bm25 is lower for better matches; negated so that every dialect sorts a higher score first.
            // Uncapped, the outer query keeps the edition's; capped, newest first by rowid is the
            // index's own order read backwards, so the limit stops the scan.
            scored: (limit) =>
              limit === undefined
                ? sql`select rowid as article_id, -bm25(search_fts) as score from search_fts where search_fts match ${expression}`
                : sql`select f.rowid as article_id, -bm25(search_fts) as score ${inEdition} order by f.rowid desc limit ${limit}`,
          }
        : undefined,
      ageDays: sql<number>`(julianday(${query.now}) - julianday(d.published_at))`,
    });
  },
  headlineContains(text) {
    // The trigram tokenizer matches a quoted phrase as a substring, folding case in every script;
    // a phrase under three characters has no trigram and matches nothing, so those are scanned.
    if ([...text].length >= 3) {
      const phrase = `"${text.replaceAll('"', '""')}"`;
      return sql<SqlBool>`"articles"."id" in (select rowid from articles_headline where articles_headline match ${phrase})`;
    }
    return sql<SqlBool>`(instr("articles"."headline", ${text}) > 0 or instr(lower("articles"."headline"), lower(${text})) > 0)`;
  },
};
