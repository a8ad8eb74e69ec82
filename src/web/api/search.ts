// Public search API, /api/v1/search: the same search the reader page runs, as JSON. No token (it
// answers only what the public site shows); the response schema is an allowlist of fields.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymous } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { SearchResult } from '../../domain/search/index.js';
import type { WebDeps } from '../deps.js';
import { LANG } from '../schemas/params.js';
import { paths } from '../site/chrome.js';
import { runSearch, SEARCH_PARAMS, type SearchParams } from '../site/search.js';

const nullable = (schema: { type: 'object'; properties: Record<string, unknown>; required: string[] }) => ({ anyOf: [schema, { type: 'null' }] });

const RESPONSE = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    total: { type: 'integer' },
    page: { type: 'integer' },
    pages: { type: 'integer' },
    entity: nullable({ type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } }, required: ['key', 'name', 'url'] }),
    suggestions: { type: 'array', items: { type: 'string' } },
    /** The spelling searched instead of a word the index has never seen, or null. */
    corrected: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    /** True when no article had every word and the hits have some of them. */
    relaxed: { type: 'boolean' },
    hits: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          edition: { type: 'string' },
          headline: { type: 'string' },
          url: { type: 'string' },
          publishedAt: { type: 'string' },
          section: nullable({ type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } }, required: ['slug', 'name'] }),
          snippet: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, match: { type: 'boolean' } }, required: ['text', 'match'] } },
        },
        required: ['id', 'edition', 'headline', 'url', 'publishedAt', 'section', 'snippet'],
      },
    },
  },
  required: ['query', 'total', 'page', 'pages', 'entity', 'suggestions', 'corrected', 'relaxed', 'hits'],
} as const;

export async function registerSearchApi(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(
    async (api) => {
      const base = deps.config.baseUrl;
      api.get(
        '/search',
        {
          schema: {
            querystring: { type: 'object', properties: { ...SEARCH_PARAMS, edition: LANG }, additionalProperties: true },
            response: { 200: RESPONSE },
          },
        },
        async (request: FastifyRequest) => {
          const params = request.query as SearchParams & { edition?: string };
          const edition = params.edition ? deps.editions.find(params.edition) : deps.editions.fallback();
          if (!edition) throw notFound('EDITION_NOT_FOUND');
          const q = params.q?.trim() ?? '';
          const ctx = deps.makeCtx(anonymous, request.log);
          const result: SearchResult = q ? await runSearch(ctx, deps, request, edition.code, params) : { query: '', total: 0, page: 1, pages: 0, pageSize: 0, hits: [], suggestions: [] };
          return {
            query: result.query,
            total: result.total,
            page: result.page,
            pages: result.pages,
            entity: result.entity ? { key: result.entity.key, name: result.entity.name, url: `${base}${paths.entity(edition.code, result.entity.key)}` } : null,
            suggestions: result.suggestions,
            corrected: result.corrected ?? null,
            relaxed: result.relaxed ?? false,
            hits: result.hits.map(({ article: a, snippet }) => ({
              id: a.id,
              edition: a.edition,
              headline: a.headline,
              url: `${base}${paths.article(a.edition, a.id, a.slug)}`,
              publishedAt: a.publishedAt,
              section: a.section ? { slug: a.section.slug, name: a.section.name } : null,
              snippet,
            })),
          };
        },
      );
    },
    { prefix: '/v1' },
  );
}
