// Builds the real Fastify app over a test database, for app.inject() tests.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { productNameIn, wireReactions } from '../../src/main.js';
import type { CommentMailer } from '../../src/jobs/comment-mail.js';
import type { RunnerOptions } from '../../src/jobs/runner.js';
import { createFileBlobStore } from '../../src/storage/blobs/fs-store.js';
import { createPageCache } from '../../src/web/plugins/page-cache.js';
import type { Harness } from './database.js';

export async function buildTestApp(h: Harness, options: { runner?: Partial<RunnerOptions>; runJobs?: boolean; env?: Record<string, string>; logger?: object; mailer?: CommentMailer } = {}): Promise<FastifyInstance> {
  const dataDir = h.db.env.DATA_DIR ?? '/tmp';
  const config = loadConfig({ DATA_DIR: dataDir, BASE_URL: 'https://news.example.org', LOG_LEVEL: 'silent', ...options.env });
  const cache = createPageCache({ now: () => h.clock.now().getTime() });
  const blobs = createFileBlobStore(path.join(dataDir, 'media'));
  const app = await buildApp({
    cache,
    config,
    storage: h.db.storage,
    events: h.events,
    blobs,
    clock: h.clock,
    logger: options.logger ?? false,
  });
  const reactions = await wireReactions({
    storage: h.db.storage,
    events: h.events,
    cache,
    ctx: () => h.ctx(),
    clock: h.clock,
    log: app.log,
    shareCards: { blobs, productName: productNameIn },
    onApplied: (event) => {
      if (event.name === 'edition.changed') void app.refreshEditions().then(() => app.refreshSite());
      if (event.name === 'site.changed' || event.name === 'section.changed') void app.refreshSite();
    },
    ...(options.runner ? { runner: options.runner } : {}),
    ...(options.runJobs === false ? { runJobs: false } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  app.addHook('onClose', () => reactions.close());
  return app;
}
