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
        ? sql`select rowid from articles_headline where articles_headline match ${`"${text.replaceAll('"', '""')}"`}`
        : sql`select rowid from articles_headline where instr(headline, ${text}) > 0 or instr(lower(headline), lower(${text})) > 0`;
    // Few matches: read them by id and sort them (cheap). Many (a common word): SQLite would
    // still read every match's row to sort it, 250 ms at 100,000 articles; "+id" stops it from
    // driving the query by the matches, so it walks the list's own index newest first, tests
    // each id against the matches (an ephemeral index built once) and stops at the page's end.
    const [few] = await sql<{ n: number }>`select count(*) as n from (${matches} limit ${FEW_MATCHES})`.execute(db).then((r) => r.rows);
    return (few?.n ?? 0) < FEW_MATCHES ? sql<SqlBool>`"articles"."id" in (${matches})` : sql<SqlBool>`+"articles"."id" in (${matches})`;
  },
};
