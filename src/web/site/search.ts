// The reader search page, /{lang}/search: validates the query string, asks the search domain,
// and renders hits, suggestions and pagination. Never indexed by robots, and kept out of the page
// cache (its ttl is global, and a cache keyed by every query typed would only fill with misses).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { listPublished } from '../../domain/articles/index.js';
import { getSectionBySlug, listSections, type DomainCtx } from '../../domain/editions/index.js';
import { MAX_PAGE, type SearchQuery, type SearchResult } from '../../domain/search/index.js';
import { SearchPage, type SearchFormValues } from '../../views/pages/search.js';
import { renderDocument } from '../../views/render.js';
import type { WebDeps } from '../deps.js';
import { HttpProblem } from '../problem.js';
import { LANG } from '../schemas/params.js';
import { chromeFor, paths } from './chrome.js';
import { readerContext, toCards, withCommentCounts } from './page-parts.js';

const DATE = { type: 'string', pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2})?$' } as const;

/**
 * The search parameters, shared with the JSON API. Empty strings are what a GET form sends for
 * an untouched field, so each filter admits one and means "no filter".
 */
export const SEARCH_PARAMS = {
  q: { type: 'string', maxLength: 1000 },
  section: { type: 'string', maxLength: 200 },
  from: DATE,
  to: DATE,
  sort: { type: 'string', enum: ['', 'relevance', 'date'] },
  page: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
} as const;

export interface SearchParams {
  q?: string;
  section?: string;
  from?: string;
  to?: string;
  sort?: '' | 'relevance' | 'date';
  page?: number;
}

/**
 * Runs a search for an edition, resolving the section slug first. A bad filter in a GET is the
 * request's fault, so the domain's Invalid (422) and an unknown section both answer 400.
 */
export async function runSearch(ctx: DomainCtx, deps: Pick<WebDeps, 'searchCache' | 'searchLimiter'>, request: FastifyRequest, edition: string, params: SearchParams): Promise<SearchResult> {
  let sectionId: number | undefined;
  if (params.section) {
    try {
      sectionId = (await getSectionBySlug(ctx, edition, params.section)).id;
    } catch (error) {
      if (isDomainError(error) && error.kind === 'NotFound') throw new HttpProblem('REQUEST_INVALID', { fields: [{ field: 'section', key: 'errors.article.section' }] });
      throw error;
    }
  }
  const query: SearchQuery = {
    edition,
    q: params.q?.trim() ?? '',
    ...(sectionId !== undefined ? { sectionId } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.sort ? { sort: params.sort } : {}),
    ...(params.page ? { page: params.page } : {}),
  };
  try {
    // Only a search the cache cannot answer costs the index, so only those count against a client.
    return await deps.searchCache.search(ctx, query, () => {
      const wait = deps.searchLimiter?.retryAfter(request) ?? deps.searchLimiter?.fail(request);
      if (wait !== undefined) throw new HttpProblem('RATE_LIMITED', { retryAfter: wait });
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'SEARCH_INVALID') throw new HttpProblem('REQUEST_INVALID', { fields: error.fields });
    throw error;
  }
}

/** The page's own address with the same filters and another page number. */
function searchHref(lang: string, values: SearchFormValues, page: number): string {
  const params = new URLSearchParams({ q: values.q });
  if (values.section) params.set('section', values.section);
  if (values.from) params.set('from', values.from);
  if (values.to) params.set('to', values.to);
  if (values.sort !== 'relevance') params.set('sort', values.sort);
  if (page > 1) params.set('page', String(page));
  return `${paths.search(lang)}?${params.toString()}`;
}

export function registerSearchPage(app: FastifyInstance, deps: WebDeps & { cssHref: string }): void {
  const { ctxOf, editionOf } = readerContext(deps);

  app.get(
    '/:lang/search',
    {
      schema: {
        params: { type: 'object', properties: { lang: LANG }, required: ['lang'] },
        querystring: { type: 'object', properties: SEARCH_PARAMS, additionalProperties: true },
      },
    },
    async (request, reply) => {
      const view = editionOf((request.params as { lang: string }).lang);
      const { t, edition } = view;
      const code = edition.code;
      const params = request.query as SearchParams;
      const ctx = ctxOf(request);
      const values: SearchFormValues = {
        q: params.q?.trim() ?? '',
        section: params.section ?? '',
        from: params.from ?? '',
        to: params.to ?? '',
        sort: params.sort || 'relevance',
      };
      const [sections, result] = await Promise.all([listSections(ctx, code), values.q ? runSearch(ctx, deps, request, code, params) : undefined]);
      const latest = result && result.hits.length === 0 ? (await listPublished(ctx, { edition: code, limit: 5 })).items : [];
      // The search page stays out of the page cache: counts are read with each search (a CDN may keep it 30 s).
      const [hitCards = [], latestCards = []] = await withCommentCounts(ctx, view, [toCards(view, result?.hits.map((h) => h.article) ?? []), toCards(view, latest)]);
      const page = result?.page ?? 1;
      const lastPage = Math.min(result?.pages ?? 1, MAX_PAGE);
      const prevHref = result && page > 1 ? searchHref(code, values, page - 1) : undefined;
      const nextHref = result && page < lastPage ? searchHref(code, values, page + 1) : undefined;
      const base = deps.config.baseUrl;
      const chrome = chromeFor(view, deps.editions, {
        title: values.q ? t('search.title', { query: values.q }) : t('search.heading'),
        cssHref: deps.cssHref,
        head: { robots: 'noindex', prev: prevHref && `${base}${prevHref}`, next: nextHref && `${base}${nextHref}` },
      });
      const body = renderDocument(
        SearchPage({
          chrome,
          action: paths.search(code),
          values,
          sections: sections.map((s) => ({ slug: s.slug, name: s.name })),
          results: result && {
            // First-strong isolates keep a query in another script (or carrying its own bidi
            // controls) from reordering the sentence around it.
            countText: t('search.count', { count: result.total, query: `\u2068${result.query || values.q}\u2069` }),
            entity: result.entity ? { name: result.entity.name, href: paths.entity(code, result.entity.key) } : undefined,
            notice: result.corrected
              ? t('search.corrected', { query: `\u2068${result.corrected}\u2069` })
              : result.relaxed
                ? t('search.relaxed')
                : undefined,
            hits: hitCards.map((card, i) => ({ ...card, snippet: result.hits[i]?.snippet ?? [] })),
            suggestions: result.suggestions.map((s) => ({ text: s, href: `${paths.search(code)}?${new URLSearchParams({ q: s }).toString()}` })),
            latest: latestCards,
            pageText: result.pages > 1 ? t('search.page', { page, pages: lastPage }) : undefined,
            prevHref,
            nextHref,
          },
        }),
      );
      reply.header('cache-control', 'public, max-age=30');
      reply.header('x-robots-tag', 'noindex');
      reply.header('link', `<${deps.cssHref}>; rel=preload; as=style`);
      return reply.type('text/html; charset=utf-8').send(body);
    },
  );
}
