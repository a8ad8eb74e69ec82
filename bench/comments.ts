// `npm run bench -- --only comments [--duration 10] [--rounds 3]`: reader comments under load, in
// two parts, each against the real server (production mode, SQLite, page cache on) on 127.0.0.1:
//   1. throughput: comment POSTs (the no-JavaScript form, answered 303) from 4 connections, with
//      SQLite's commits synced as by default (SQLITE_SYNC=normal) and on every commit (full), with the
//      rate limits raised for the run (COMMENT_RATE_ADDRESS/ARTICLE=100000), 500 readers (addresses,
//      through X-Forwarded-For) spread over 200 articles, so the server's work
//      is measured and not the limiter. The edition approves every comment, the costly path: each
//      post also purges its article's cached page and queues its reactions. Every token is a real
//      signed form token with its own nonce, minted beforehand with the server's key and dated ten
//      seconds back (a reader who took time to write). Afterwards the database must hold exactly
//      one comment per acknowledged (303) post.
//   2. a flood: one address posting 60 comments a second with the default limits (5 a minute),
//      so nearly every post is answered 429, while 4 connections read the flooded article's page;
//      the reads' latency is what a flood must not spoil.
// autocannon is the load generator; its own CPU time is printed beside the server's, to show it
// is not the bottleneck at these rates (well below the ~10,000 requests/s where wrk is needed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { systemActor, silentLogger } from '../src/core/context.js';
import { createEventBus } from '../src/core/events.js';
import { issueFormToken, setCommentSettings } from '../src/domain/comments/index.js';
import { createDatabase, type DbCtx } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { startServer, type ServerProcess } from '../test/support/server.js';
import { generateCorpus } from './corpus.js';
import { cpuSeconds, median } from './measure.js';

export interface CommentsOptions {
  /** Writes a CPU profile of each server into this directory (`--profile`). */
  profileDir?: string | undefined;
  seconds: number;
  rounds: number;
  write: (text: string) => void;
}

export interface PostRow {
  sync: 'normal' | 'full';
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  stored: number;
  acknowledged: number;
  serverCpu: number;
  generatorCpu: number;
}

export interface CommentsResult {
  post: PostRow[];
  flood: { readRps: number; p50: number; p95: number; p99: number; readErrors: number; posts: Record<string, number>; serverCpu: number };
  machine: string;
}

const ARTICLES = 1000;
/** Articles the posts spread over, and readers (client addresses, via X-Forwarded-For) they come from. */
const TARGETS = 200;
const READERS = 500;

/** p95 from autocannon's histogram percentiles (it reports p90 and p97.5; p95 lies between). */
const p95Of = (r: autocannon.Result) => {
  const l = r.latency as unknown as Record<string, number>;
  return l.p95 ?? ((l.p90 ?? 0) + (l.p97_5 ?? 0)) / 2;
};

function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function withServer<T>(env: Record<string, string>, work: (server: ServerProcess) => Promise<T>, profileDir?: string): Promise<T> {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startServer({ NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', PAGE_CACHE: 'true', ...env }, 60_000, nodeArgs);
  try {
    return await work(server);
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
}

export async function benchComments(options: CommentsOptions): Promise<CommentsResult> {
  const { write } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-comments-'));
  const sqlitePath = path.join(dataDir, 'dateline.sqlite');
  write(`Generating ${ARTICLES} articles into ${dataDir} … `);
  const storage = await createDatabase({ databaseUrl: undefined, sqlitePath });
  await migrateToLatest(storage.db, 'sqlite');
  const corpus = await generateCorpus(storage.db, ARTICLES);
  // Dated ten seconds back: the posts are not "too fast" for a reader (MIN_FILL_MS).
  const ctx: DbCtx = { db: storage.db, adapter: storage.adapter, clock: { now: () => new Date(Date.now() - 10_000) }, actor: systemActor('bench'), log: silentLogger, events: createEventBus(() => {}) };
  const targets = corpus.articles.filter((a) => a.edition === 'en').slice(0, TARGETS);
  if (targets.length < TARGETS) throw new Error('the corpus has too few English articles');
  await setCommentSettings(ctx, 'en', { policy: 'approve_all' });
  const tokensFor = async (count: number, articles: typeof targets) => {
    const out: Array<{ path: string; token: string }> = [];
    for (let i = 0; i < count; i++) {
      const a = articles[i % articles.length]!;
      out.push({ path: `/${a.edition}/news/${a.id}/comments`, token: await issueFormToken(ctx, a.id) });
    }
    return out;
  };
  // Enough for 3,000 posts a second over every round of both modes: a run never runs out of tokens.
  const postTokens = await tokensFor(2 * (3000 * options.seconds * options.rounds + 2000), targets);
  const floodTarget = targets[0]!;
  const floodTokens = await tokensFor(60 * (options.seconds + 2) * options.rounds + 100, [floodTarget]);
  await storage.close();
  const countComments = async () => {
    const check = await createDatabase({ databaseUrl: undefined, sqlitePath });
    const count = Number((await check.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await check.close();
    return count;
  };
  write('done\n');

  let n = 0;
  const body = () => {
    const i = n++;
    const t = postTokens[i];
    if (!t) throw new Error('the benchmark ran out of form tokens');
    const fields = new URLSearchParams({
      name: `Reader ${i % READERS}`,
      email: `reader${i % READERS}@example.org`,
      website: '',
      comment: `Comment ${i}: the harbour report matches what we saw on the quay this week, thank you.`,
      homepage: '',
      token: t.token,
    });
    // Each reader posts from their own address (TRUST_PROXY), as readers do: the sliding-window
    // log of one address stays as short as it is in real use, not one list of every post.
    return { path: t.path, body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.1.${Math.floor((i % READERS) / 250)}.${i % 250}` } };
  };

  const postRun = async (sync: PostRow['sync']): Promise<PostRow> => {
    write(`Comment POSTs, 4 connections, SQLITE_SYNC=${sync} … `);
    const before = await countComments();
    const run = await withServer({ DATA_DIR: dataDir, SQLITE_SYNC: sync, TRUST_PROXY: 'true', COMMENT_RATE_ADDRESS: '100000', COMMENT_RATE_ARTICLE: '100000' }, async (server) => {
      const pid = server.child.pid;
      const request = {
        method: 'POST' as const,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (r: autocannon.Request) => ({ ...r, ...body() }),
      };
      // Warm-up: the JIT, the statements, the spam model's tables.
      const warm = await autocannon({ url: server.url, connections: 4, amount: 1000, requests: [request] });
      const statuses: Record<string, number> = {};
      const count = (result: autocannon.Result) => {
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (statuses[code] ?? 0) + (stat as { count: number }).count;
        if (result.errors || result.timeouts) statuses.errors = (statuses.errors ?? 0) + result.errors + result.timeouts;
      };
      count(warm);
      const results: autocannon.Result[] = [];
      let serverCpu = 0;
      let generatorCpu = 0;
      for (let r = 0; r < options.rounds; r++) {
        const s0 = cpuSeconds(pid);
        const g0 = selfCpuSeconds();
        const result = await autocannon({ url: server.url, connections: 4, duration: options.seconds, requests: [request] });
        serverCpu += cpuSeconds(pid) - s0;
        generatorCpu += selfCpuSeconds() - g0;
        results.push(result);
        count(result);
      }
      const seconds = options.seconds * options.rounds;
      return {
        rps: Math.round(median(results.map((x) => x.requests.average))),
        p50: median(results.map((x) => x.latency.p50)),
        p95: median(results.map(p95Of)),
        p99: median(results.map((x) => x.latency.p99)),
        statuses,
        serverCpu: serverCpu / seconds,
        generatorCpu: generatorCpu / seconds,
      };
    }, options.profileDir);
    write('done\n');
    // Every acknowledged post is stored. autocannon stops at its deadline with up to one request
    // per connection in flight: those may be stored without their 303 being counted.
    return { sync, ...run, stored: (await countComments()) - before, acknowledged: run.statuses['303'] ?? 0 };
  };
  const post = [await postRun('normal'), await postRun('full')];

  write('Flood of 60 posts a second from one address, reads of the article meanwhile … ');
  const flood = await withServer({ DATA_DIR: dataDir }, async (server) => {
    const pid = server.child.pid;
    const page = `/${floodTarget.edition}/news/${floodTarget.id}/${encodeURIComponent(floodTarget.slug)}`;
    await autocannon({ url: `${server.url}${page}`, connections: 4, amount: 2000 });
    const posts: Record<string, number> = {};
    let next = 0;
    const fire = async () => {
      const t = floodTokens[next++];
      if (!t) return;
      const form = new URLSearchParams({ name: 'Flooder', email: 'flood@example.org', website: '', comment: `Flood ${next}: buy now at a great price, limited offer.`, homepage: '', token: t.token });
      try {
        const res = await fetch(`${server.url}${t.path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), redirect: 'manual' });
        await res.arrayBuffer();
        posts[res.status] = (posts[res.status] ?? 0) + 1;
      } catch {
        posts.error = (posts.error ?? 0) + 1;
      }
    };
    const results: autocannon.Result[] = [];
    let serverCpu = 0;
    for (let r = 0; r < options.rounds; r++) {
      const timer = setInterval(() => void fire(), 1000 / 60);
      const s0 = cpuSeconds(pid);
      results.push(await autocannon({ url: `${server.url}${page}`, connections: 4, duration: options.seconds }));
      serverCpu += cpuSeconds(pid) - s0;
      clearInterval(timer);
    }
    return {
      readRps: Math.round(median(results.map((x) => x.requests.average))),
      p50: median(results.map((x) => x.latency.p50)),
      p95: median(results.map(p95Of)),
      p99: median(results.map((x) => x.latency.p99)),
      readErrors: results.reduce((s, x) => s + x.errors + x.timeouts + x.non2xx, 0),
      posts,
      serverCpu: serverCpu / (options.seconds * options.rounds),
    };
  });
  write('done\n');
  fs.rmSync(dataDir, { recursive: true, force: true });

  return {
    post,
    flood,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  };
}

export function formatComments(r: CommentsResult, options: CommentsOptions): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return [
    `Dateline comments bench — ${r.machine}; ${options.seconds} s × ${options.rounds} round(s), median`,
    '',
    '| load | requests/s | p50 ms | p95 ms | p99 ms | answers | server CPU | generator CPU |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
    ...r.post.map((p) => `| comment POST (form, 303), 4 connections, limits raised, SQLITE_SYNC=${p.sync} | ${p.rps} | ${p.p50} | ${p.p95.toFixed(1)} | ${p.p99} | ${JSON.stringify(p.statuses)} | ${pct(p.serverCpu)} | ${pct(p.generatorCpu)} |`),
    `| article read during a 60 posts/s flood from one address, 4 connections | ${r.flood.readRps} | ${r.flood.p50} | ${r.flood.p95.toFixed(1)} | ${r.flood.p99} | flood posts ${JSON.stringify(r.flood.posts)}; read failures ${r.flood.readErrors} | ${pct(r.flood.serverCpu)} | – |`,
    '',
    ...r.post.map((p) => `SQLITE_SYNC=${p.sync}: ${p.stored} comments stored for ${p.acknowledged} acknowledged posts (warm-up included; up to 4 a round were in flight at the deadline).`),
  ].join('\n');
}
