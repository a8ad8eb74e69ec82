// Assembles Fastify from the web contexts (site, admin, api) and the plugins they share (security
// headers, request ids, personal replies, the URL length limit, early errors); no rules live here.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Clock, Logger } from './core/context.js';
import type { EventBus } from './core/events.js';
import { SearchCache } from './domain/search/index.js';
import { listEditions } from './domain/editions/index.js';
import type { BlobStore } from './domain/media/index.js';
import type { Storage } from './storage/database.js';
import { ADMIN_PREFIX, adminEarlyAnswer, registerAdminContext } from './web/admin/index.js';
import { API_PREFIX, apiEarlyAnswer, registerApiContext } from './web/api/index.js';
import { sendApiProblem } from './web/api/errors.js';
import type { WebDeps } from './web/deps.js';
import { createEarlyErrors } from './web/early-errors.js';
import { MAX_URL_LENGTH } from './web/http-status.js';
import { registerPersonal } from './web/personal.js';
import { createAccessLog, registerAccessLog } from './web/plugins/access-log.js';
import { createFastHits, type FastHits } from './web/plugins/fast-hits.js';
import type { PageCache } from './web/plugins/page-cache.js';
import { requestIds } from './web/plugins/request-id.js';
import { createFailureLimiter } from './web/plugins/rate-limit.js';
import { securityHeaders } from './web/plugins/security.js';
import { classify, HttpProblem } from './web/problem.js';
import { loadAssets } from './web/site/assets.js';
import { createEditionRegistry } from './web/site/editions.js';
import { registerSiteContext, siteEarlyAnswer } from './web/site/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reload the editions now (main.ts calls it on edition.changed) instead of at the next 30 s refresh. */
    refreshEditions(): Promise<void>;
  }
}

export interface AppParts {
  config: Config;
  storage: Storage;
  events: EventBus;
  blobs: BlobStore;
  clock: Clock;
  /** Rendered public pages; main.ts drops entries when articles change. */
  cache: PageCache;
  /** A pino logger options object or instance (main.ts: asynchronous); false silences request logs (tests). */
  logger?: boolean | object;
}

export async function buildApp(parts: AppParts): Promise<FastifyInstance> {
  const https = parts.config.baseUrl.startsWith('https:');
  // Early errors are only raised once the server listens, after `app` below exists.
  const early = createEarlyErrors({ https, log: () => app.log });
  const logger = parts.logger ?? { level: parts.config.logLevel };
  const loggerInstance = typeof logger === 'object' && typeof (logger as { child?: unknown }).child === 'function';
  const genReqId = () => randomUUID();
  // Set by a preClose hook below: from then on Fastify answers everything, with a 503.
  let closing = false;
  const access = createAccessLog(() => app.log);
  // The server's request listener asks the cache-hit fast path first (web/plugins/fast-hits.ts);
  // whatever it declines goes to Fastify's handler untouched.
  const fastHits: FastHits = createFastHits({ cache: parts.cache, enabled: parts.config.pageCache, https, closing: () => closing, genReqId, access });
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance: logger as FastifyBaseLogger } : { logger }),
    // One compact access-log line per request instead (web/plugins/access-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    serverFactory: (handler, options) => {
      const server = http.createServer((request, response) => {
        if (!fastHits(request, response)) handler(request, response);
      });
      // What Fastify does with its own server.
      server.keepAliveTimeout = Number(options.keepAliveTimeout);
      server.requestTimeout = Number(options.requestTimeout ?? 0);
      server.setTimeout(Number(options.connectionTimeout ?? 0));
      return server;
    },
    trustProxy: parts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId,
    // On shutdown, keep-alive connections are not cut: a request already on the wire is read and
    // answered (503 with Connection: close once closing, below: Fastify's own 503 would carry
    // none of the shared headers), and idle ones end within keepAliveTimeout.
    return503OnClosing: false,
    forceCloseConnections: false,
    keepAliveTimeout: 5000,
    // Unknown fields are an error a client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
    // Percent-encoded Persian and Arabic slugs are long: 80 letters become ~480 characters.
    routerOptions: { maxParamLength: 1000, ignoreTrailingSlash: false },
    frameworkErrors: early.frameworkErrors,
    clientErrorHandler: early.clientErrorHandler,
  }) as unknown as FastifyInstance;

  const makeCtx: WebDeps['makeCtx'] = (actor, requestLog: Logger) => ({
    db: parts.storage.db,
    adapter: parts.storage.adapter,
    clock: parts.clock,
    actor,
    log: requestLog,
    events: parts.events,
  });
  const editions = await createEditionRegistry(() => listEditions(parts.storage.db));
  const searchCache = new SearchCache({ ttlMs: parts.config.searchCacheMs });
  const searchLimiter = parts.config.searchRateLimit > 0 ? createFailureLimiter({ limit: parts.config.searchRateLimit, windowMs: 60_000 }) : undefined;
  const deps: WebDeps = { config: parts.config, makeCtx, blobs: parts.blobs, editions, searchCache, searchLimiter };
  app.decorate('refreshEditions', () => editions.refresh());
  const assets = await loadAssets();

  // Shared by every context, so registered on the root before any of them.
  securityHeaders(app, { https });
  requestIds(app);
  registerPersonal(app);
  app.addHook('preClose', async () => {
    closing = true;
  });
  registerAccessLog(app, access);
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new HttpProblem('SERVICE_UNAVAILABLE');
    }
    if ((request.raw.url ?? '').length > MAX_URL_LENGTH) throw new HttpProblem('URI_TOO_LONG');
  });
  // Only operator routes outside every context (/healthz) fall back to this plain JSON answer.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = classify(error);
    if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    return sendApiProblem(problem, reply);
  });

  app.get('/healthz', async (_request, reply) => {
    await listEditions(parts.storage.db);
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  await registerApiContext(app, deps);
  await registerAdminContext(app, { ...deps, cssHref: assets.cssHref, deskScriptHref: assets.deskJsHref, mediaScriptHref: assets.mediaUploadJsHref, editorScriptHref: assets.editorJsHref });
  await registerSiteContext(app, { ...deps, assets, cache: parts.cache, pageCache: parts.config.pageCache });

  early.audience(API_PREFIX, apiEarlyAnswer());
  early.audience(ADMIN_PREFIX, adminEarlyAnswer({ editions, cssHref: assets.cssHref }));
  early.audience('', siteEarlyAnswer({ editions, assets }));
  return app;
}
