// Boot: config → storage → migrate → demo seed (empty database only) → event listeners → app → listen.
// Also the scheduled-publishing tick and graceful shutdown.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { systemActor, systemClock, type Logger } from './core/context.js';
import { createEventBus, type EventBus, type EventName } from './core/events.js';
import { refreshRelated, releaseDueArticles } from './domain/articles/index.js';
import { seedDemoIfEmpty } from './cli/demo/seed.js';
import { createDatabase, type DbCtx, type Storage } from './storage/database.js';
import type { Notifier } from './storage/dialect/contract.js';
import { migrateToLatest } from './storage/migrate.js';
import { createFileBlobStore } from './storage/blobs/fs-store.js';
import { createPageCache, type PageCache } from './web/plugins/page-cache.js';
import { tagsForEvent } from './core/cache-tags.js';

export interface Running {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  close(): Promise<void>;
}

const ARTICLE_EVENTS = ['article.created', 'article.updated', 'article.published', 'article.unpublished', 'article.removed'] as const satisfies readonly EventName[];

const PURGE_CHANNEL = 'dateline_cache_purge';
// NOTIFY payloads must stay under 8,000 bytes; a longer list of tags clears the whole cache.
const MAX_PURGE_MESSAGE = 7000;

/**
 * Reactions to article changes, after commit: drop the cached pages that show the article (at
 * once, so the next request sees the change), then recompute related articles and drop the pages
 * whose related lists changed. Every purge is also sent to the other servers sharing the database
 * (PostgreSQL NOTIFY; nothing on SQLite). Drafts that never reached readers purge too: a few cache
 * misses are cheaper than a rule about which edits are public.
 */
export async function wireListeners(events: EventBus, cache: PageCache, systemCtx: (reason: string) => DbCtx, notifier: Notifier): Promise<void> {
  const origin = randomUUID();
  const purgeEverywhere = (tags: string[]) => {
    cache.purge(tags);
    const message = JSON.stringify({ origin, tags });
    const payload = message.length <= MAX_PURGE_MESSAGE ? message : JSON.stringify({ origin, all: true });
    return notifier.publish(PURGE_CHANNEL, payload);
  };
  await notifier.subscribe(PURGE_CHANNEL, (message) => {
    let purge: { origin?: unknown; tags?: unknown; all?: unknown };
    try {
      purge = JSON.parse(message) as typeof purge;
    } catch (error) {
      systemCtx('cache purge').log.warn({ err: error }, 'ignored a malformed cache purge message');
      return;
    }
    if (purge.origin === origin) return;
    if (purge.all === true) cache.clear();
    else if (Array.isArray(purge.tags)) cache.purge(purge.tags.filter((t): t is string => typeof t === 'string'));
  });
  for (const name of ARTICLE_EVENTS) {
    events.on(name, async (change) => {
      const stale = tagsForEvent(name, change); if (stale === 'all') cache.clear(); else await purgeEverywhere(stale);
      if (name === 'article.created') return;
      const changed = await refreshRelated(systemCtx('related articles'), change.id);
      if (changed.length) await purgeEverywhere(changed.map((id) => `article:${id}`));
    });
  }
}

/** One line for an operator, when start-up fails for a reason they can fix. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export async function start(config: Config, options: { quiet?: boolean; announce?: (line: string) => void } = {}): Promise<Running> {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  const storage = await createDatabase(config);
  let app: FastifyInstance | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await migrateToLatest(storage.db, storage.adapter.name);
    const blobs = createFileBlobStore(path.join(config.dataDir, 'media'));
    const clock = systemClock;
    let log: Logger = { info() {}, warn() {}, error() {}, debug() {} };
    const events = createEventBus((name, error) => log.error({ err: error, event: name }, 'event listener failed'));
    const ctx = (reason: string): DbCtx => ({ db: storage.db, adapter: storage.adapter, clock, actor: systemActor(reason), log, events });

    if (config.demoContent === 'auto') {
      const seeded = await seedDemoIfEmpty(ctx('demo seed'), blobs);
      if (seeded) {
        announce(`Seeded the demo newsroom: ${seeded.articles} articles in ${seeded.editions} editions.`);
        announce(`Admin sign-in: ${seeded.adminEmail} / ${seeded.adminPassword}  (shown once; change it)`);
      }
    }

    const cache = createPageCache();
    await wireListeners(events, cache, ctx, storage.notifier);
    app = await buildApp({ config, storage, events, blobs, clock, cache, logger: options.quiet ? false : { level: config.logLevel } });
    log = app.log;

    // Scheduled publishing: a short tick is enough for news; several servers may run it safely.
    timer = setInterval(() => {
      releaseDueArticles(ctx('scheduled publishing')).catch((error: unknown) => log.error({ err: error }, 'scheduled publishing failed'));
    }, 15_000);
    timer.unref();

    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new StartupError(`Port ${config.port} on ${config.host} is already in use; stop the other server or set PORT to a free port.`);
      if (code === 'EACCES') throw new StartupError(`Not allowed to listen on ${config.host}:${config.port}; choose a PORT above 1023.`);
      if (code === 'EADDRNOTAVAIL') throw new StartupError(`HOST ${config.host} is not an address of this machine.`);
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const running = app;
    return {
      app: running,
      storage,
      // PORT=0 (tests) picks a free port, which BASE_URL cannot know in advance.
      url: config.port === 0 ? `http://127.0.0.1:${port}` : config.baseUrl,
      async close() {
        clearInterval(timer);
        await running.close();
        // Listeners still writing (related articles) finish before the database closes.
        await events.idle();
        await storage.close();
      },
    };
  } catch (error) {
    clearInterval(timer);
    await app?.close().catch(() => {});
    await storage.close().catch(() => {});
    throw error;
  }
}

/** SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit. */
export function closeOnSignals(running: Running, log: (line: string) => void): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: finishing in-flight requests and closing the database.`);
    const force = setTimeout(() => {
      log('Shutdown took longer than 10 s; exiting.');
      process.exit(1);
    }, 10_000);
    force.unref();
    running
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
