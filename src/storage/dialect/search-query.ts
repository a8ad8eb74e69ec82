// The search query both dialects share: the matched documents (text hits, OR-ed with the articles
// linked to an entity), filtered, counted and paged. Only the text hits and the document's age
// differ by dialect, and each adapter passes its own.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchMatch, SearchMatchHit } from './contract.js';
import { ENTITY_BONUS, RECENCY, SCORED_MATCHES } from './search-expression.js';

export interface DialectSearchParts {
  /**
   * The full-text matches (undefined when there are no tokens): `candidates` selects at least the
   * edition's matches' article_id (it may hold other editions': the cheapest bound on how many
   * there are), `matches` exactly the edition's, unscored; `scored(limit)` selects article_id and
   * score, of the edition's newest `limit` by id when a limit is given, else of all candidates.
   */
  text: { candidates: RawBuilder<unknown>; matches: RawBuilder<unknown>; scored(limit?: number): RawBuilder<unknown> } | undefined;
  /** The age in days of document `d` at `now`, as an SQL expression. */
  ageDays: RawBuilder<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
export async function runSearch(db: Kysely<any>, q: SearchMatch, parts: DialectSearchParts): Promise<{ total: number; hits: SearchMatchHit[] }> {
  // Past SCORED_MATCHES text matches only the newest are scored (see there); counting them is cheap.
  // Newest first needs no score at all.
  const scoredMatches = q.scoredMatches ?? SCORED_MATCHES;
  let capped = false;
  if (parts.text && q.sort === 'relevance') {
    // The candidates first (cheapest); only past the limit, the edition's own matches (bounded too).
    const over = async (source: RawBuilder<unknown>) => {
      const probe = await sql<{ n: number | string }>`select count(*) as n from (select article_id from (${source}) t limit ${scoredMatches + 1}) c`.execute(db);
      return Number(probe.rows[0]?.n ?? 0) > scoredMatches;
    };
    capped = (await over(parts.text.candidates)) && (await over(parts.text.matches));
  }
  const linked = q.entityIds.length ? sql`select distinct article_id from article_entities where entity_id in (${sql.join(q.entityIds)})` : undefined;
  const sources: RawBuilder<unknown>[] = [];
  if (parts.text) {
    const text = q.sort === 'relevance' ? parts.text.scored(capped ? scoredMatches : undefined) : sql`select article_id, 0 as score from (${parts.text.matches}) t`;
    // A subquery: a compound member may not carry its own order and limit.
    sources.push(sql`select article_id, score from (${text}) s`);
  }
  if (linked) sources.push(sql`select article_id, ${sql.lit(ENTITY_BONUS)} as score from (${linked}) l`);
  if (!sources.length) return { total: 0, hits: [] };

  const filters = [sql`d.edition_code = ${q.edition}`, sql`d.published_at <= ${q.now}`];
  if (q.sectionId !== undefined) filters.push(sql`d.section_id = ${q.sectionId}`);
  if (q.from !== undefined) filters.push(sql`d.published_at >= ${q.from}`);
  if (q.until !== undefined) filters.push(sql`d.published_at < ${q.until}`);
  // Materialized: SQLite may not run bm25() once the planner has folded the match into the outer
  // query, and PostgreSQL need not evaluate the match twice.
  const matched = sql`with m as materialized (${sql.join(sources, sql` union all `)}),
    h as (select article_id, sum(score) as score from m group by article_id)
    select d.article_id as article_id, h.score as score, d.published_at as published_at
    from h join search_documents d on d.article_id = h.article_id
    where ${sql.join(filters, sql` and `)}`;

  const rank = sql`score * (${sql.lit(RECENCY.floor)} + ${sql.lit(RECENCY.weight)} * exp(-(${parts.ageDays}) / ${sql.lit(RECENCY.days)}))`;
  const order = q.sort === 'date' ? sql`published_at desc, article_id desc` : sql`${rank} desc, published_at desc, article_id desc`;
  // One pass: the page and the total together (a window count), so the match runs once; only a
  // page past the end, which has no row to carry the total, needs the count on its own.
  const page = await sql<{ article_id: number; score: number; total: number | string }>`select article_id, ${q.sort === 'date' ? sql`score` : rank} as score,
    count(*) over () as total
    from (${matched}) d order by ${order} limit ${q.limit} offset ${q.offset}`.execute(db);
  let total = Number(page.rows[0]?.total ?? 0);
  if (capped) {
    // Every match counts, scored or not.
    // A union only when entity links add articles: it sorts every match to drop the doubles.
    const every = linked ? sql`${parts.text!.matches} union ${linked}` : parts.text!.matches;
    const counted = await sql<{ total: number | string }>`select count(*) as total from (${every}) m
      join search_documents d on d.article_id = m.article_id where ${sql.join(filters, sql` and `)}`.execute(db);
    total = Number(counted.rows[0]?.total ?? 0);
  } else if (!page.rows.length && q.offset > 0) {
    const counted = await sql<{ total: number | string }>`select count(*) as total from (${matched}) c`.execute(db);
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return { total, hits: page.rows.map((r) => ({ articleId: Number(r.article_id), score: Number(r.score) })) };
}
