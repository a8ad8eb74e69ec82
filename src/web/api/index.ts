// The JSON API as one encapsulated Fastify context under /api: every answer is JSON, errors
// included (unknown /api paths, 405 with Allow, malformed or oversize bodies), and nothing is
// cached. Each API inside declares its own auth hook (the Admin API: bearer tokens); the search
// API at /api/v1 has none, being public.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { WebDeps } from '../deps.js';
import { answerOtherMethods, collectRoutes } from '../plugins/methods.js';
import { classify, type Problem } from '../problem.js';
import { registerAdminApi } from './admin.js';
import { apiErrorBody, sendApiProblem } from './errors.js';
import { registerSearchApi } from './search.js';
import { apiSchemaCompiler } from './validation.js';

export const API_PREFIX = '/api';

export async function registerApiContext(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(
    async (api) => {
      api.setValidatorCompiler(apiSchemaCompiler());
      // Fastify parses text/plain bodies by default; this API speaks JSON only, so any other
      // type answers 415 before a handler or a schema sees it.
      api.removeContentTypeParser('text/plain');
      api.setErrorHandler((error: FastifyError, request, reply) => {
        let problem = classify(error);
        // 413 says how much this address takes, so a client knows what to send instead.
        if (problem.status === 413 && !problem.fields.length) {
          const limit = request.routeOptions.bodyLimit ?? api.initialConfig.bodyLimit ?? 0;
          problem = { ...problem, fields: [{ field: 'body', key: 'errors.payload_too_large', params: { max: Math.floor(limit / 1024) } }] };
        }
        if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
        else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
        return sendApiProblem(problem, reply);
      });
      const notFound = (_request: unknown, reply: Parameters<typeof sendApiProblem>[1]) => sendApiProblem({ status: 404, code: 'NOT_FOUND', fields: [] }, reply);
      api.setNotFoundHandler(notFound);
      api.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });

      const book = collectRoutes(api);
      await registerAdminApi(api, deps);
      await registerSearchApi(api, deps);
      answerOtherMethods(api, book);
      // The site's parametric routes (/:lang/section/:slug …) would otherwise claim unknown /api
      // paths and answer them in HTML; a catch-all here keeps every /api address JSON.
      api.route({ method: api.supportedMethods, url: '/*', handler: async (_request, reply) => notFound(_request, reply) });
      api.route({ method: api.supportedMethods, url: '', handler: async (_request, reply) => notFound(_request, reply) });
    },
    { prefix: API_PREFIX },
  );
}

export function apiEarlyAnswer() {
  return (problem: Problem) => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(apiErrorBody(problem)) });
}
