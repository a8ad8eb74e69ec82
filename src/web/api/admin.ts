// Admin JSON API, version 1, inside the API context (api/index.ts) at /api/admin/v1: the
// newsroom's article operations for scripts and integrations. Every route needs a bearer token
// (`dateline token create`); each is a thin wrapper around the same domain function the CLI and
// the newsroom call.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import {
  createArticle,
  createTranslation,
  getArticle,
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

const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } }, required: ['id'] } as const;

export async function registerAdminApi(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(
    async (api) => {
      const actors = new WeakMap<FastifyRequest, Actor>();
      api.addHook('onRequest', async (request) => {
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
        const actor = token ? await findActorByToken(deps.makeCtx({ kind: 'anonymous' }, request.log), token) : undefined;
        if (!actor) throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
        await noteTokenUse(deps.makeCtx(actor, request.log), token);
        actors.set(request, actor);
      });
      const ctxOf = (request: FastifyRequest) => {
        const actor = actors.get(request);
        if (!actor) throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
        return deps.makeCtx(actor, request.log);
      };
      const idOf = (request: FastifyRequest) => Number((request.params as { id: string }).id);

      api.post(
        '/articles',
        {
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
          schema: {
            params: idParams,
            body: {
              type: 'object',
              properties: {
                to: { type: 'string', enum: ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'removed'] },
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
