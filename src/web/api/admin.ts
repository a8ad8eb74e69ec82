// Admin JSON API, version 1, inside the API context (api/index.ts) at /api/admin/v1: the
// newsroom's article operations for scripts and integrations. Every route needs a bearer token
// (`dateline token create`); each is a thin wrapper around the same domain function the CLI and
// the newsroom call. Failed authentication is rate limited per client address; bodies are
// bounded per route and validated without type coercion (validation.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import {
  createArticle,
  createTranslation,
  getArticle,
  listArticles,
  listRevisions,
  publishArticle,
  removeArticle,
  returnToDraft,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
  type ArticleInput,
  type ArticlePatch,
} from '../../domain/articles/index.js';
import { findActorByToken } from '../../domain/users/index.js';
import { noteTokenUse } from '../admin/auth.js';
import type { WebDeps } from '../deps.js';
import { createFailureLimiter } from '../plugins/rate-limit.js';
import { HttpProblem } from '../problem.js';

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const ids = { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 100 } as const;
const nullableId = { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] } as const;

const articleFields = {
  headline: text(300),
  dek: text(600),
  dateline: text(120),
  creditLine: text(200),
  byline: text(200),
  body: { anyOf: [{ type: 'string', maxLength: 200_000 }, { type: 'object' }] },
  slug: text(200),
  sectionId: nullableId,
  tagIds: ids,
  entityIds: ids,
  featuredMediaId: nullableId,
  commentsOpen: { type: 'boolean' },
} as const;

/**
 * Body limits per route. An article is at most 200,000 characters of body text (document.ts
 * BODY_LIMITS) plus its fields; in Arabic script that is ~400 KB of UTF-8 before the document's
 * structure, so 1 MiB. A transition is a status and a date.
 */
export const ARTICLE_BODY_LIMIT = 1024 * 1024;
export const TRANSITION_BODY_LIMIT = 4 * 1024;

/**
 * Failed token checks allowed per client address: a script with a typo in its token hears 401 a
 * few times, a guesser is held to ten tries a minute. A valid token is never counted.
 */
export const AUTH_FAILURES = { limit: 10, windowMs: 60_000 } as const;

const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'removed'] as const;

const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } }, required: ['id'] } as const;

export async function registerAdminApi(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(
    async (api) => {
      const actors = new WeakMap<FastifyRequest, Actor>();
      const failures = createFailureLimiter(AUTH_FAILURES);
      api.addHook('onRequest', async (request) => {
        // Refused before the token is looked at: a client over its allowance learns nothing more
        // (and a valid token from that address waits too: the limit is on the address).
        const retryAfter = failures.retryAfter(request);
        if (retryAfter !== undefined) throw new HttpProblem('AUTH_RATE_LIMITED', { retryAfter, fields: [{ key: 'errors.auth.rate_limited' }] });
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
        const actor = token ? await findActorByToken(deps.makeCtx({ kind: 'anonymous' }, request.log), token) : undefined;
        if (!actor) {
          const wait = failures.fail(request);
          if (wait !== undefined) throw new HttpProblem('AUTH_RATE_LIMITED', { retryAfter: wait, fields: [{ key: 'errors.auth.rate_limited' }] });
          throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
        }
        await noteTokenUse(deps.makeCtx(actor, request.log), token);
        actors.set(request, actor);
      });
      const ctxOf = (request: FastifyRequest) => {
        const actor = actors.get(request);
        if (!actor) throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
        return deps.makeCtx(actor, request.log);
      };
      const idOf = (request: FastifyRequest) => Number((request.params as { id: string }).id);

      api.get(
        '/articles',
        {
          schema: {
            querystring: {
              type: 'object',
              properties: {
                edition: text(35),
                status: { type: 'string', enum: STATUSES },
                before: { type: 'integer', minimum: 1 },
                limit: { type: 'integer', minimum: 1, maximum: 100 },
              },
              additionalProperties: false,
            },
          },
        },
        async (request) => {
          const page = await listArticles(ctxOf(request), request.query as { edition?: string; status?: (typeof STATUSES)[number]; before?: number; limit?: number });
          return { articles: page.items, next: page.next ? Number(page.next) : null };
        },
      );

      api.post(
        '/articles',
        {
          bodyLimit: ARTICLE_BODY_LIMIT,
          schema: {
            body: { type: 'object', properties: { edition: text(35), ...articleFields }, required: ['edition', 'headline', 'body'], additionalProperties: false },
          },
        },
        async (request, reply) => {
          const ctx = ctxOf(request);
          const ref = await createArticle(ctx, request.body as ArticleInput);
          return reply.code(201).send({ article: await getArticle(ctx, ref.id) });
        },
      );

      api.get('/articles/:id', { schema: { params: idParams } }, async (request) => ({ article: await getArticle(ctxOf(request), idOf(request)) }));

      api.patch(
        '/articles/:id',
        {
          bodyLimit: ARTICLE_BODY_LIMIT,
          schema: {
            params: idParams,
            body: { type: 'object', properties: { ...articleFields, expectedVersion: { type: 'integer', minimum: 1 }, note: text(500) }, additionalProperties: false },
          },
        },
        async (request) => {
          const ctx = ctxOf(request);
          await updateArticle(ctx, idOf(request), request.body as ArticlePatch);
          return { article: await getArticle(ctx, idOf(request)) };
        },
      );

      api.post(
        '/articles/:id/transitions',
        {
          bodyLimit: TRANSITION_BODY_LIMIT,
          schema: {
            params: idParams,
            body: {
              type: 'object',
              properties: {
                to: { type: 'string', enum: STATUSES },
                scheduledAt: { type: 'string', format: 'date-time' },
              },
              required: ['to'],
              additionalProperties: false,
            },
          },
        },
        async (request) => {
          const ctx = ctxOf(request);
          const id = idOf(request);
          const { to, scheduledAt } = request.body as { to: string; scheduledAt?: string };
          if (to === 'in_review') await submitForReview(ctx, id);
          else if (to === 'draft') await returnToDraft(ctx, id);
          else if (to === 'published') await publishArticle(ctx, id);
          else if (to === 'unpublished') await unpublishArticle(ctx, id);
          else if (to === 'removed') await removeArticle(ctx, id);
          else await scheduleArticle(ctx, id, new Date(scheduledAt ?? 'invalid'));
          return { article: await getArticle(ctx, id) };
        },
      );

      api.post(
        '/articles/:id/translations',
        {
          bodyLimit: ARTICLE_BODY_LIMIT,
          schema: {
            params: idParams,
            body: { type: 'object', properties: { edition: text(35), ...articleFields }, required: ['edition', 'headline', 'body'], additionalProperties: false },
          },
        },
        async (request, reply) => {
          const ctx = ctxOf(request);
          const ref = await createTranslation(ctx, idOf(request), request.body as ArticleInput);
          return reply.code(201).send({ article: await getArticle(ctx, ref.id) });
        },
      );

      api.get('/articles/:id/revisions', { schema: { params: idParams } }, async (request) => ({
        revisions: await listRevisions(ctxOf(request), idOf(request)),
      }));
    },
    { prefix: '/admin/v1' },
  );
}
