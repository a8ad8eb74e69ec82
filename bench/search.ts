// The search benchmark: a generated corpus (test/fixtures/search-corpus.ts, the judged set's own
// generator at a larger scale) of about 10,000 and 100,000 articles, the index built and timed
// (articles/s), then the real server's search page under wrk at 16 connections with a mixed
// query list — single words, phrases, aliases across scripts, romanised names, typos, Persian and
// Arabic, zero-result queries — and, apart, the worst case: words in nearly every article. Each
// list runs with the result cache off (every search runs) and on (the default: repeats are lookups).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemActor, systemClock, silentLogger } from '../src/core/context.js';
import { createEventBus } from '../src/core/events.js';
import { rebuildSearchIndex } from '../src/domain/search/index.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { threeEditions } from '../test/fixtures/factories.js';
import { generateSearchCorpus } from '../test/fixtures/search-corpus.js';
import { startServer } from '../test/support/server.js';
import { runWrk, type WrkResult } from './wrk.js';
import { rssMb } from './measure.js';

export interface SearchBenchRow {
  articles: number;
  buildSeconds: number;
  buildRate: number;
  /** Every search run (SEARCH_CACHE_SECONDS=0). */
  mix: WrkResult;
  common: WrkResult;
  api: WrkResult;
  /** The same lists with the result cache on (the default): repeated searches are lookups. */
  mixCached: WrkResult;
  commonCached: WrkResult;
  rssMb: number | undefined;
}

/** The corpus generator writes about this many articles per unit of scale. */
const ARTICLES_PER_SCALE = 2020;
const ZERO_RESULT = ['qzxwvbnmpl', 'zzyzx quorble', 'ثثثثقققق', 'ژژژژگگگگ'];
const COMMON = [
  ['en', 'officials said'],
  ['en', 'government'],
  ['fa', 'مقامات'],
  ['ar', 'الحكومة'],
] as const;


const searchPath = (edition: string, q: string) => `/${edition}/search?q=${encodeURIComponent(q)}`;

export async function benchSearch(size: number, options: { connections: number; seconds: number; log: (line: string) => void }): Promise<SearchBenchRow> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-search-'));
  try {
    const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: path.join(dataDir, 'dateline.sqlite') });
    await migrateToLatest(storage.db, 'sqlite');
    const ctx = { db: storage.db, adapter: storage.adapter, clock: systemClock, actor: systemActor('bench'), log: silentLogger, events: createEventBus(() => {}) };
    await threeEditions(ctx);
    const scale = Math.max(1, Math.round(size / ARTICLES_PER_SCALE));
    let began = Date.now();
    const corpus = await generateSearchCorpus(ctx, { scale });
    options.log(`search corpus: ${corpus.articles} articles in ${((Date.now() - began) / 1000).toFixed(1)} s; index … `);
    began = Date.now();
    const built = await rebuildSearchIndex(ctx);
    const buildSeconds = (Date.now() - began) / 1000;
    await storage.adapter.analyze(storage.db, ['search_documents', 'search_terms']);
    await storage.close();
    options.log(`${built.articles} in ${buildSeconds.toFixed(1)} s\n`);

    const mix = [...corpus.queries.map((q) => searchPath(q.edition, q.q)), ...ZERO_RESULT.map((q, i) => searchPath(['en', 'fa', 'ar'][i % 3]!, q))];
    const common = COMMON.map(([edition, q]) => searchPath(edition, q));
    const api = corpus.queries.map((q) => `/api/v1/search?edition=${q.edition}&q=${encodeURIComponent(q.q)}`);
    const serve = async <T>(env: Record<string, string>, work: (run: (paths: string[]) => Promise<WrkResult>) => Promise<T>): Promise<{ value: T; rss: number | undefined }> => {
      const server = await startServer({ NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', DATA_DIR: dataDir, SEARCH_RATE_LIMIT: '0', ...env }, 120_000);
      try {
        // Warm-up: every query once (the JIT, SQLite's page cache, and the result cache when on), then measure.
        for (const p of [...mix, ...common, ...api.slice(0, 20)]) {
          const response = await fetch(`${server.url}${p}`);
          if (!response.ok) throw new Error(`${p} answered ${response.status}`);
          await response.arrayBuffer();
        }
        const value = await work((paths) => runWrk(server.url, paths, { connections: options.connections, seconds: options.seconds }));
        return { value, rss: rssMb(server.child.pid) };
      } finally {
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        await exited;
      }
    };
    const uncached = await serve({ SEARCH_CACHE_SECONDS: '0' }, async (run) => ({ mix: await run(mix), common: await run(common), api: await run(api) }));
    const cached = await serve({}, async (run) => ({ mixCached: await run(mix), commonCached: await run(common) }));
    return { articles: built.articles, buildSeconds, buildRate: Math.round(built.articles / buildSeconds), ...uncached.value, ...cached.value, rssMb: uncached.rss };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
