// Boot: config (checked against the machine before anything is written) → storage → migrate → demo seed (empty database only, given by the CLI) → reactions
// (outbox follower and job runner) → app → listen. Also graceful shutdown.
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.js';
import { checkServeConfig, type Config } from './config.js';
import { tagsForEvent } from './core/cache-tags.js';
import { systemActor, systemClock, type Clock, type Logger } from './core/context.js';
import { createEventBus, type EventBus, type RecordedEvent } from './core/events.js';
import { translator } from './i18n/index.js';
import type { BlobStore } from './domain/media/index.js';
import { followOutbox } from './jobs/follower.js';
import { jobHandlers, type HandlerOptions } from './jobs/handlers.js';
import { createCommentMailer, type CommentMailer } from './jobs/comment-mail.js';
import { mailTexts } from './i18n/mail.js';
import { JOB_KINDS, jobsFor } from './jobs/reactions.js';
import { createJobRunner, type JobRunner, type RunnerOptions } from './jobs/runner.js';
import { createDatabase, type DbCtx, type Storage } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { OUTBOX_CHANNEL } from './storage/outbox.js';
import { createFileBlobStore } from './storage/blobs/fs-store.js';
import { createPageCache, type PageCache } from './web/plugins/page-cache.js';

export interface Running {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  close(): Promise<void>;
}

export interface Reactions {
  runner: JobRunner;
  close(): Promise<void>;
}

/**
 * Reactions to events, after commit. This server's cache drops the pages an event made stale at
 * once for its own writes, and within a poll (woken by NOTIFY on PostgreSQL) for the writes of
 * other servers and of the CLI, read from the outbox. The durable reactions (related lists,
 * scheduled publishing) run from the job queue, kicked at once by a local write and polled
 * otherwise. Drafts that never reached readers purge too: a few cache misses are cheaper than a
 * rule about which edits are public.
 */
export async function wireReactions(parts: {
  storage: Storage;
  events: EventBus;
  cache: PageCache;
  ctx: (reason: string) => DbCtx;
  clock: Clock;
  log: Logger;
  runner?: Partial<RunnerOptions>;
  /** False for a server that serves pages and follows the outbox but leaves the queue to others. */
  runJobs?: boolean;
  /** Called with every event this server applies, its own or followed from the outbox. */
  onApplied?: (event: RecordedEvent) => void;
  /** What the share-card job needs (the blob store, the product's name). */
  shareCards?: HandlerOptions['shareCards'];
  /** Sends comment notifications; built from the config when omitted (none without SMTP_URL). */
  mailer?: CommentMailer;
  config?: Pick<Config, 'mail' | 'baseUrl'>;
}): Promise<Reactions> {
  const { storage, events, cache } = parts;
  let closed = false;
  const purge = (event: RecordedEvent) => {
    const stale = tagsForEvent(event.name, event.payload);
    if (stale === 'all') cache.clear();
    else cache.purge(stale);
    parts.onApplied?.(event);
  };
  const follower = await followOutbox({ db: storage.db, log: parts.log, apply: purge });
  const runner = createJobRunner({
    db: storage.db,
    adapter: storage.adapter,
    clock: parts.clock,
    log: parts.log,
    handlers: jobHandlers(parts.ctx, { ...(parts.shareCards ? { shareCards: parts.shareCards } : {}), mailer: parts.mailer ?? (parts.config ? createCommentMailer(parts.config, mailTexts) : undefined) }),
    reactions: jobsFor,
    schedules: [
      // Scheduled publishing: a short period is enough for news.
      { kind: JOB_KINDS.releaseDue, everyMs: 15_000 },
      { kind: JOB_KINDS.prune, everyMs: 3_600_000 },
      // Search repair: every article change already reindexes through the outbox, crash or not;
      // this catches rows changed behind the domain's back, at each start and every 10 minutes.
      { kind: JOB_KINDS.searchRepair, everyMs: 600_000, atStart: true },
      { kind: JOB_KINDS.commentUpkeep, everyMs: 3_600_000 },
    ],
    ...parts.runner,
  });
  const runJobs = parts.runJobs !== false;
  const off = events.onAny((event) => {
    follower.seen(event.id);
    purge(event);
    return runJobs ? runner.kick() : undefined;
  });
  await storage.notifier.subscribe(OUTBOX_CHANNEL, () => {
    if (closed) return;
    void follower.poll();
    if (runJobs) void runner.kick();
  });
  if (runJobs) await runner.start();
  return {
    runner,
    async close() {
      closed = true;
      off();
      follower.stop();
      await runner.stop();
    },
  };
}

/** A stream of whole log lines written to a file descriptor in batches (see createLogger). */
export interface BatchedWriter {
  write(line: string): boolean;
  flushSync(): void;
}

/**
 * Lines gather in memory and go out in one asynchronous write() once 64 KB have gathered or every
 * 200 ms, whichever comes first: a line costs a string concatenation, not a system call (a
 * synchronous write per line, pino's default, cost a third of a cache hit's time). What is left is
 * written synchronously at exit. If the descriptor stops taking lines (a full disk, a stuck
 * pipe), at most 32 MB wait and later lines are dropped and counted, rather than the server's
 * memory growing without end.
 */
export function createBatchedWriter(fd: number, options: { batchBytes?: number; everyMs?: number; maxPendingBytes?: number } = {}): BatchedWriter {
  const batchBytes = options.batchBytes ?? 64 * 1024;
  const maxPending = options.maxPendingBytes ?? 32 * 1024 * 1024;
  let pending = '';
  let writing = false;
  let dropped = 0;
  const take = () => {
    const text = dropped ? `${pending}{"level":40,"time":${Date.now()},"dropped":${dropped},"msg":"log lines dropped: the output did not keep up"}\n` : pending;
    pending = '';
    dropped = 0;
    return text;
  };
  const flush = () => {
    if (writing || !pending) return;
    writing = true;
    fs.write(fd, take(), (error) => {
      writing = false;
      if (error) return;
      if (pending.length >= batchBytes) flush();
    });
  };
  setInterval(flush, options.everyMs ?? 200).unref();
  const writer: BatchedWriter = {
    write(line) {
      if (pending.length > maxPending) {
        dropped++;
        return true;
      }
      pending += line;
      if (pending.length >= batchBytes) flush();
      return true;
    },
    flushSync() {
      if (!pending) return;
      try {
        fs.writeSync(fd, take());
      } catch {
        /* the output is gone: nothing left to tell */
      }
    },
  };
  process.on('exit', () => writer.flushSync());
  return writer;
}

/** The server's logger: pino over a batched writer to standard output (createBatchedWriter). */
export function createLogger(level: Config['logLevel']): pino.Logger {
  return pino({ level }, createBatchedWriter(1));
}
/** The product's name in an edition's language, for an agency that has not set its own. */
export const productNameIn = (edition: string) => translator({ language: edition, locale: edition, numbering: 'latn' })('site.name');

/** One line for an operator, when start-up fails for a reason they can fix. */
export class StartupError extends Error {
  override name = 'StartupError';
}

function listenError(error: unknown, config: Config): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`Port ${config.port} on ${config.host} is already in use; stop the other server or set PORT to a free port.`);
  if (code === 'EACCES') return new StartupError(`Not allowed to listen on ${config.host}:${config.port}; choose a PORT above 1023.`);
  if (code === 'EADDRNOTAVAIL') return new StartupError(`HOST ${config.host} is not an address of this machine.`);
  return error;
}

/**
 * Bind and release the address once before the database is opened: a port in use or an address
 * of another machine is then reported before a demo seed prints a password nobody can use.
 */
async function probeListen(config: Config): Promise<void> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ port: config.port, host: config.host, exclusive: true }, resolve);
    });
  } catch (error) {
    throw listenError(error, config);
  } finally {
    await new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve()));
  }
}

export interface StartOptions {
  quiet?: boolean;
  announce?: (line: string) => void;
  /** Fills an empty database (the CLI passes the demo seeder); returns lines to announce. */
  seed?: (ctx: DbCtx, blobs: BlobStore) => Promise<string[]>;
  runner?: Partial<RunnerOptions>;
}

export async function start(config: Config, options: StartOptions = {}): Promise<Running> {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  // First, so a HOST, BASE_URL or DATA_DIR that cannot work stops us before a database exists
  // (and before a demo seed prints a password for a server that never starts).
  await checkServeConfig(config);
  await probeListen(config);
  const storage = await createDatabase(config);
  let app: FastifyInstance | undefined;
  let reactions: Reactions | undefined;
  try {
    await migrateToLatest(storage.db, storage.adapter.name);
    const blobs = createFileBlobStore(path.join(config.dataDir, 'media'));
    const clock = systemClock;
    // Replaced by the app's pino logger once it exists; boot-time failures surface as errors.
    let current: Logger = { info() {}, warn() {}, error() {}, debug() {} };
    const log: Logger = {
      info: (o, m) => current.info(o, m),
      warn: (o, m) => current.warn(o, m),
      error: (o, m) => current.error(o, m),
      debug: (o, m) => current.debug(o, m),
    };
    const events = createEventBus((name, error) => log.error({ err: error, event: name }, 'event listener failed'));
    const ctx = (reason: string): DbCtx => ({ db: storage.db, adapter: storage.adapter, clock, actor: systemActor(reason), log, events });

    if (config.demoContent === 'auto' && options.seed) {
      for (const line of await options.seed(ctx('demo seed'), blobs)) announce(line);
    }

    const cache = createPageCache();
    app = await buildApp({ config, storage, events, blobs, clock, cache, logger: options.quiet ? false : createLogger(config.logLevel) });
    current = app.log;
    // A server that starts after a crash finishes what was left: undispatched events and
    // pending jobs are in the database, and the runner takes them on its first pass.
    const built = app;
    reactions = await wireReactions({
      storage,
      events,
      cache,
      ctx,
      clock,
      log,
      runner: { leaseMs: config.jobLeaseMs, ...options.runner },
      config,
      // The edition list is held in memory for routing; a new or changed edition reloads it at once.
      // So are the agency's identity and the section menus (web/site/identity.ts).
      onApplied: (event) => {
        if (event.name === 'edition.changed') void built.refreshEditions().then(() => built.refreshSite());
        if (event.name === 'site.changed' || event.name === 'section.changed') void built.refreshSite();
      },
      shareCards: { blobs, productName: productNameIn },
    });

    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      throw listenError(error, config);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const running = app;
    const wired = reactions;
    return {
      app: running,
      storage,
      // PORT=0 (tests) picks a free port, which BASE_URL cannot know in advance.
      url: config.port === 0 ? `http://127.0.0.1:${port}` : config.baseUrl,
      async close() {
        await running.close();
        // Jobs in hand finish before the database closes; the rest wait in the queue.
        await wired.close();
        await events.idle();
        await storage.close();
      },
    };
  } catch (error) {
    await reactions?.close().catch(() => {});
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
