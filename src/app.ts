// Assembles Fastify from the web contexts; no rules live here.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Clock, Logger } from './core/context.js';
import type { EventBus } from './core/events.js';
import { listEditions } from './domain/editions/index.js';
import type { BlobStore } from './domain/media/index.js';
import type { Storage } from './storage/database.js';
import { registerAdminApi } from './web/api/admin.js';
import type { WebDeps } from './web/deps.js';
import { registerErrorHandling } from './web/plugins/errors.js';
import { registerPageCache, type PageCache } from './web/plugins/page-cache.js';
import { securityHeaders } from './web/plugins/security.js';
import { registerAssets } from './web/site/assets.js';
import { createEditionRegistry } from './web/site/editions.js';
import { latestSuggestions } from './web/site/page-parts.js';
import { registerFeeds } from './web/site/feeds.js';
import { registerSite } from './web/site/routes.js';

export interface AppParts {
  config: Config;
  storage: Storage;
  events: EventBus;
  blobs: BlobStore;
  clock: Clock;
  /** Rendered public pages; main.ts drops entries when articles change. */
  cache: PageCache;
  /** A pino logger options object or instance; false silences request logs (tests). */
  logger?: boolean | object;
}

export async function buildApp(parts: AppParts): Promise<FastifyInstance> {
  const app = Fastify({
    logger: parts.logger ?? { level: parts.config.logLevel },
    trustProxy: parts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // On shutdown, keep-alive connections are not cut: a request already on the wire is read and
    // answered (503 with Connection: close once closing), and idle ones end within keepAliveTimeout.
    forceCloseConnections: false,
    keepAliveTimeout: 5000,
    // Unknown fields are an error a client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
    // Percent-encoded Persian and Arabic slugs are long: 80 letters become ~480 characters.
    routerOptions: { maxParamLength: 1000, ignoreTrailingSlash: false },
  });

  const makeCtx: WebDeps['makeCtx'] = (actor, log: Logger) => ({
    db: parts.storage.db,
    adapter: parts.storage.adapter,
    clock: parts.clock,
    actor,
    log,
    events: parts.events,
  });
  const editions = await createEditionRegistry(() => listEditions(parts.storage.db));
  const deps: WebDeps = { config: parts.config, makeCtx, blobs: parts.blobs, editions };

  securityHeaders(app, { https: parts.config.baseUrl.startsWith('https:') });
  const { cssHref, logoHref } = await registerAssets(app);
  registerErrorHandling(app, {
    editions,
    cssHref,
    suggest: latestSuggestions(deps),
  });
  registerPageCache(app, parts.cache, { enabled: parts.config.pageCache });

  app.get('/healthz', async (_request, reply) => {
    await listEditions(parts.storage.db);
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  registerSite(app, { ...deps, cssHref, logoHref });
  registerFeeds(app, { ...deps, cssHref });
  await registerAdminApi(app, deps);
  return app;
}
