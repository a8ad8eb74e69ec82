// SQLite specifics: better-sqlite3 reports constraint failures with extended result codes; search
// is an FTS5 table (search_fts) over search_documents, ranked by bm25.
import { sql, type SqlBool } from 'kysely';
import type { DialectAdapter } from '../contract.js';
import { fts5Expression } from '../search-expression.js';
import { runSearch } from '../search-query.js';

/** Headline matches up to which the newsroom's list reads them by id rather than walking its index. */
const FEW_MATCHES = 1000;

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
  async headlineContains(db, text) {
    // The trigram tokenizer matches a quoted phrase as a substring, folding case in every script.
    // A phrase under three characters has no trigram: those scan the index's own copy of the
    // headlines (a few MB, not the articles with their bodies).
    const matches =
      [...text].length >= 3
        ? sql`select rowid as id from articles_headline where articles_headline match ${`"${text.replaceAll('"', '""')}"`}`
        : sql`select rowid as id from articles_headline where instr(headline, ${text}) > 0 or instr(lower(headline), lower(${text})) > 0`;
    // Few matches (read once, here): the rows by id, sorted (cheap). Many (a common word):
    // reading every match to sort it cost 250 ms at 100,000 articles, and testing ids against
    // the whole match set still 24 ms to build it; instead the query walks the list's own index
    // newest first, tests each headline itself (unicode_lower, registered in
    // storage/database.ts, folds like the tokenizer) and stops at the page's end.
    const { rows } = await sql<{ id: number }>`${matches} limit ${FEW_MATCHES}`.execute(db);
    if (rows.length < FEW_MATCHES) return rows.length ? sql<SqlBool>`"articles"."id" in (${sql.join(rows.map((r) => r.id))})` : sql<SqlBool>`0 = 1`;
    return sql<SqlBool>`instr(unicode_lower("articles"."headline"), ${text.toLowerCase()}) > 0`;
  },
};
