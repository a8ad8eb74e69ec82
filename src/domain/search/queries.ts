// searchArticles: a reader's query against an edition's index. Validates the filters, reads the
// query into groups of the spellings the index holds (expand.ts), recognises a whole-query entity
// name, asks the dialect's index for one page — every word must match, or, when nothing does, any
// word — and returns the hits with snippets (and suggestions when nothing matched).
import { invalid } from '../../core/errors.js';
import { foldName, nameKey } from '../../core/text/index.js';
import { listPublishedByIds, type ArticleSummary } from '../articles/index.js';
import { findEntitiesByName, getEdition, getEntityByKey } from '../editions/index.js';
import type { DbCtx } from '../../storage/database.js';
import { cleanQuery, queryTokens } from './query-text.js';
import { buildSnippet, type SnippetSegment } from './snippet.js';
import { expandQuery } from './expand.js';
import { entitiesByNameKey, MAX_SUGGESTIONS, similarEntityNames, similarTerms } from './suggest.js';
import { zonedDayStart } from './zoned-day.js';
import { bodyText, vocabularyOf } from './upkeep.js';

export interface SearchQuery {
  edition: string;
  q: string;
  sectionId?: number;
  /** YYYY-MM-DD, inclusive, days in the edition's time zone. */
  from?: string;
  to?: string;
  sort?: 'relevance' | 'date';
  page?: number;
}

export interface SearchHit {
  article: ArticleSummary;
  snippet: SnippetSegment[];
}

export interface SearchResult {
  /** The query as searched: invisible and control characters removed, at most 200 characters. */
  query: string;
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  entity?: { key: string; name: string };
  suggestions: string[];
  /** The query as searched when a word the index has never seen was read as a close spelling it holds. */
  corrected?: string;
  /** Nothing had every word: these hits have some of them. */
  relaxed?: boolean;
}

export const PAGE_SIZE = 10;
/** Offsets stay bounded: deeper than this, refining the query serves a reader better. */
export const MAX_PAGE = 50;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(value: string | undefined, field: string): { y: number; m: number; d: number } | undefined {
  if (value === undefined) return undefined;
  const m = DATE.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  // Date.UTC rolls 2026-02-31 over into March; a real date survives the round trip.
  if (!m || !day || day.toISOString().slice(0, 10) !== value) throw invalid('SEARCH_INVALID', [{ field, key: 'errors.field.type' }]);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function validPage(page: number | undefined): number {
  if (page === undefined) return 1;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw invalid('SEARCH_INVALID', [{ field: 'page', key: 'errors.field.type' }]);
  return page;
}

async function entityOf(ctx: DbCtx, language: string, cleaned: string): Promise<{ ids: number[]; entity?: { key: string; name: string } }> {
  const folded = foldName(cleaned);
  if (!folded) return { ids: [] };
  let ids = await findEntitiesByName(ctx, language, cleaned);
  // Another romanisation of a name (Dayr az-Zor for Deir ez-Zor): the same consonant skeleton.
  if (!ids.length && nameKey(folded).length >= 4) ids = await entitiesByNameKey(ctx, language, folded);
  if (!ids.length) return { ids };
  const row = await ctx.db.selectFrom('entities').select('key').where('id', 'in', ids).orderBy('id').executeTakeFirst();
  if (!row) return { ids };
  const view = await getEntityByKey(ctx, row.key, language);
  return { ids, entity: { key: view.key, name: view.name } };
}

/** Up to three suggestions: close entity names first, then close index terms that still match something. */
async function suggestionsFor(ctx: DbCtx, edition: string, cleaned: string, tokens: string[], now: string): Promise<string[]> {
  const names = await similarEntityNames(ctx, edition, cleaned);
  const out = names.slice(0, MAX_SUGGESTIONS);
  // The vocabulary holds words as typed (folded, unstemmed), so compare the query's words too.
  const words = vocabularyOf(cleaned, edition);
  for (const word of await similarTerms(ctx, edition, words.length ? words : tokens)) {
    if (out.length >= MAX_SUGGESTIONS) break;
    // The vocabulary keeps words of articles since removed: suggest only what finds something.
    const probe = await ctx.adapter.searchMatch(ctx.db, { edition, groups: queryTokens(word, edition).map((t) => [[t]]), entityIds: [], now, sort: 'date', limit: 1, offset: 0 });
    if (probe.total > 0 && !out.includes(word)) out.push(word);
  }
  return out;
}

async function snippetTexts(ctx: DbCtx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('articles').select(['id', 'dek', 'body_doc']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, [r.dek, bodyText(r.body_doc)].filter(Boolean).join(' ')]));
}

export async function searchArticles(ctx: DbCtx, query: SearchQuery): Promise<SearchResult> {
  const page = validPage(query.page);
  const fromDay = validDay(query.from, 'from');
  const toDay = validDay(query.to, 'to');
  if (query.sectionId !== undefined && (!Number.isInteger(query.sectionId) || query.sectionId < 1)) {
    throw invalid('SEARCH_INVALID', [{ field: 'sectionId', key: 'errors.field.type' }]);
  }
  const sort = query.sort ?? 'relevance';
  if (sort !== 'relevance' && sort !== 'date') throw invalid('SEARCH_INVALID', [{ field: 'sort', key: 'errors.field.type' }]);

  const cleaned = cleanQuery(typeof query.q === 'string' ? query.q : '');
  const empty: SearchResult = { query: cleaned, hits: [], total: 0, page, pages: 0, pageSize: PAGE_SIZE, suggestions: [] };
  // Editions are read in their own language; entity names are stored under the edition's code.
  const language = query.edition;
  const expanded = await expandQuery(ctx, query.edition, cleaned);
  const { ids: entityIds, entity } = await entityOf(ctx, language, cleaned);
  if (!expanded.groups.length && !entityIds.length) return empty;

  // A day is the edition's day: "from 1 March" in Tehran starts at 20:30 UTC the day before.
  const timeZone = fromDay || toDay ? (await getEdition(ctx.db, query.edition)).timeZone : 'UTC';
  const from = fromDay && zonedDayStart(fromDay, timeZone);
  const until = toDay && zonedDayStart({ ...toDay, d: toDay.d + 1 }, timeZone);
  const now = ctx.clock.now().toISOString();
  const base = {
    edition: query.edition,
    groups: expanded.groups,
    prefixLast: expanded.prefix !== undefined,
    entityIds,
    ...(query.sectionId !== undefined ? { sectionId: query.sectionId } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(until ? { until: until.toISOString() } : {}),
    now,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  let match = await ctx.adapter.searchMatch(ctx.db, base);
  // Nothing has every word: what has most of them beats an empty page (bm25 sums the groups met).
  let relaxed = false;
  if (match.total === 0 && expanded.groups.length > 1) {
    match = await ctx.adapter.searchMatch(ctx.db, { ...base, any: true });
    relaxed = match.total > 0;
  }

  const ids = match.hits.map((h) => h.articleId);
  const [summaries, texts] = await Promise.all([listPublishedByIds(ctx, query.edition, ids), snippetTexts(ctx, ids)]);
  const hits = summaries.map((article) => ({ article, snippet: buildSnippet(texts.get(article.id) ?? '', expanded.highlight, language, { prefix: expanded.prefix }) }));
  const tokens = queryTokens(cleaned, language);
  const suggestions = match.total === 0 && !entity ? await suggestionsFor(ctx, query.edition, cleaned, tokens, now) : [];
  return {
    query: cleaned,
    hits,
    total: match.total,
    page,
    pages: Math.min(MAX_PAGE, Math.ceil(match.total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
    ...(entity ? { entity } : {}),
    suggestions,
    ...(expanded.corrected && match.total > 0 ? { corrected: expanded.corrected } : {}),
    ...(relaxed ? { relaxed } : {}),
  };
}
