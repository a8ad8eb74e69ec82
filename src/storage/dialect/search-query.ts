// The search query both dialects share: the matched documents (text hits, OR-ed with the articles
// linked to an entity), filtered, counted and paged. Only the text hits and the document's age
// differ by dialect, and each adapter passes its own.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchMatch, SearchMatchHit } from './contract.js';
import { ENTITY_BONUS, RECENCY } from './search-expression.js';

export interface DialectSearchParts {
  /** `select article_id, score` of the full-text matches, or undefined when there are no tokens. */
  textHits: RawBuilder<unknown> | undefined;
  /** The age in days of document `d` at `now`, as an SQL expression. */
  ageDays: RawBuilder<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
export async function runSearch(db: Kysely<any>, q: SearchMatch, parts: DialectSearchParts): Promise<{ total: number; hits: SearchMatchHit[] }> {
  const sources: RawBuilder<unknown>[] = [];
  if (parts.textHits) sources.push(parts.textHits);
  if (q.entityIds.length) {
    sources.push(sql`select distinct article_id, ${sql.lit(ENTITY_BONUS)} as score from article_entities where entity_id in (${sql.join(q.entityIds)})`);
  }
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
  if (!page.rows.length && q.offset > 0) {
    const counted = await sql<{ total: number | string }>`select count(*) as total from (${matched}) c`.execute(db);
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return { total, hits: page.rows.map((r) => ({ articleId: Number(r.article_id), score: Number(r.score) })) };
}
