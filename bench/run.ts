// `npm run bench -- --articles 10000 [--only pages|search|hits|comments|admin-list|admin-save] [--search 10000,100000] [--log on|off|both]`: generates a deterministic corpus into a fresh database,
// starts the real server in production mode and runs bounded autocannon loads against 127.0.0.1:
//   1. with the page cache off: every request renders from the database (the "miss" path);
//   2. with the page cache on: warmed pages (the "hit" path), and — where nginx is installed —
//      nginx serving the very same article bytes from a file, alternating round by round, so the
//      ratio compares figures taken under the same conditions.
//   3. search (bench/search.ts): index build rate and the search page under wrk, per corpus size.
//   4. hits (bench/hits.ts): one article's cache hit under wrk beside nginx and a bare node:http
//      server serving the same bytes, rounds alternating; `--log` on, off or both (its cost).
//   5. comments (bench/comments.ts): comment POST throughput, and article reads during a flood.
//   6. admin-list (bench/admin-list.ts): the newsroom's GET /admin/articles signed in, 10
//      connections: first page, edition+status, text filters, author, a deep keyset page.
// Prints requests/s, p50/p99 latency and the server's memory; results also go to bench/results/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { systemActor, systemClock, silentLogger } from '../src/core/context.js';
import { createEventBus } from '../src/core/events.js';
import { rebuildRelated } from '../src/domain/articles/index.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { startServer, type ServerProcess } from '../test/support/server.js';
import { generateCorpus, random, type Corpus } from './corpus.js';
import { benchAdminList, formatAdminList } from './admin-list.js';
import { benchAdminSave } from './admin-save.js';
import { benchHits, formatHits } from './hits.js';
import { benchComments, formatComments } from './comments.js';
import { benchSearch, type SearchBenchRow } from './search.js';
import { WRK } from './wrk.js';
import { freePort, median, rssMb } from './measure.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string', default: 'all' },
    search: { type: 'string', default: '10000,100000' },
    log: { type: 'string', default: 'on' },
  },
});
const only = values.only;
const BENCHES = ['all', 'pages', 'search', 'hits', 'comments', 'admin-list', 'admin-save'];
if (!BENCHES.includes(only)) throw new Error(`--only must be one of ${BENCHES.join(', ')}`);
const log = values.log;
if (log !== 'on' && log !== 'off' && log !== 'both') throw new Error('--log must be on, off or both');
const searchSizes = values.search.split(',').map(Number);
if (searchSizes.some((n) => !Number.isInteger(n) || n < 1000 || n > 200_000)) throw new Error('--search must list sizes from 1000 to 200000');
const articles = Number(values.articles);
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
if (!Number.isInteger(articles) || articles < 100 || articles > 100_000) throw new Error('--articles must be an integer from 100 to 100000');
if (!(duration >= 1 && duration <= 60)) throw new Error('--duration must be 1 to 60 seconds');
if (!(connections >= 1 && connections <= 256)) throw new Error('--connections must be 1 to 256');
if (!(rounds >= 1 && rounds <= 9)) throw new Error('--rounds must be 1 to 9');

const resultsDir = new URL('./results/', import.meta.url).pathname;
fs.mkdirSync(resultsDir, { recursive: true });

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number | undefined;
}



function load(url: string, paths: string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
}

function summarize(name: string, results: autocannon.Result[], pid: number | undefined): Row {
  return {
    name,
    rps: Math.round(median(results.map((x) => x.requests.average))),
    p50: median(results.map((x) => x.latency.p50)),
    p99: median(results.map((x) => x.latency.p99)),
    errors: results.reduce((n, x) => n + x.errors + x.timeouts, 0),
    non2xx: results.reduce((n, x) => n + x.non2xx, 0),
    rssMb: rssMb(pid),
  };
}

async function measure(name: string, url: string, paths: string[], pid: number | undefined): Promise<Row> {
  // Warm-up: every path at least once (so, with the cache on, each page is stored) and enough
  // requests that the figures are not the JIT's.
  let next = 0;
  await autocannon({ url, connections: 4, amount: Math.max(500, paths.length), requests: [{ setupRequest: (r) => ({ ...r, path: paths[next++ % paths.length] ?? '/' }) }] });
  const results: autocannon.Result[] = [];
  for (let r = 0; r < rounds; r++) results.push(await load(url, paths));
  return summarize(name, results, pid);
}

function pick(corpus: Corpus) {
  const rand = random(7);
  const sample = <T>(list: T[], n: number) => Array.from({ length: n }, () => list[Math.floor(rand() * list.length)] as T);
  const articlePath = (a: Corpus['articles'][number]) => `/${a.edition}/news/${a.id}/${encodeURIComponent(a.slug)}`;
  return {
    articles: sample(corpus.articles, 2000).map(articlePath),
    hot: sample(corpus.articles, 100).map(articlePath),
    sections: sample(corpus.sections, 24).map((s) => `/${s.edition}/section/${s.slug}`),
    tags: sample(corpus.tags, 100).map((t) => `/${t.edition}/tag/${t.slug}`),
  };
}

/** nginx serving one file, as the yardstick; undefined when nginx is not installed. */
async function startNginx(body: Buffer): Promise<{ url: string; stop(): void; pid: number | undefined } | undefined> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!binary) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nginx-'));
  fs.writeFileSync(path.join(dir, 'article.html'), body);
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `user root; worker_processes auto; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${dir}; location / { } } }
`,
  );
  const child = spawn(binary, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/article.html`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withServer<T>(env: Record<string, string>, work: (server: ServerProcess) => Promise<T>, nodeArgs: string[] = []): Promise<T> {
  const server = await startServer({ NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', ...env }, 60_000, nodeArgs);
  try {
    return await work(server);
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
}

async function pagesBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
  process.stdout.write(`Generating ${articles} articles into ${dataDir} … `);
  let began = Date.now();
  const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: path.join(dataDir, 'dateline.sqlite') });
  await migrateToLatest(storage.db, 'sqlite');
  const corpus = await generateCorpus(storage.db, articles);
  process.stdout.write(`${((Date.now() - began) / 1000).toFixed(1)} s; related articles … `);
  began = Date.now();
  await rebuildRelated({ db: storage.db, adapter: storage.adapter, clock: systemClock, actor: systemActor('bench'), log: silentLogger, events: createEventBus(() => {}) });
  await storage.close();
  process.stdout.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);
  const paths = pick(corpus);
  const rows: Row[] = [];

  const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`] : [];
  await withServer({ DATA_DIR: dataDir, PAGE_CACHE: 'false' }, async (server) => {
    const pid = server.child.pid;
    rows.push(await measure('article, cache miss (2,000 distinct, full render)', server.url, paths.articles, pid));
    rows.push(await measure('home /en/, cache miss', server.url, ['/en/'], pid));
    rows.push(await measure('home /fa/ (rtl), cache miss', server.url, ['/fa/'], pid));
    rows.push(await measure('section page, cache miss', server.url, paths.sections, pid));
    rows.push(await measure('tag page, cache miss', server.url, paths.tags, pid));
  }, profileArgs);

  let ratio: number | undefined;
  await withServer({ DATA_DIR: dataDir, PAGE_CACHE: 'true' }, async (server) => {
    const pid = server.child.pid;
    rows.push(await measure('home /en/, cache hit', server.url, ['/en/'], pid));
    rows.push(await measure('section page, cache hit', server.url, paths.sections, pid));
    const target = paths.hot[0] ?? '/en/';
    const bytes = Buffer.from(await (await fetch(`${server.url}${target}`)).arrayBuffer());
    const nginx = await startNginx(bytes);
    if (!nginx) {
      rows.push(await measure('article, cache hit', server.url, [target], pid));
      return;
    }
    try {
      // Alternate node and nginx round by round on the same bytes, then compare medians.
      const ours: autocannon.Result[] = [];
      const theirs: autocannon.Result[] = [];
      await measure('warm', server.url, [target], pid);
      await autocannon({ url: `${nginx.url}/article.html`, connections: 4, amount: 2000 });
      for (let r = 0; r < rounds; r++) {
        ours.push(await load(server.url, [target]));
        theirs.push(await load(nginx.url, ['/article.html']));
      }
      const hit = summarize(`article, cache hit (${bytes.length} bytes)`, ours, pid);
      const yardstick = summarize('nginx, same article bytes from a file', theirs, undefined);
      rows.push(hit, yardstick);
      ratio = median(ours.map((o, i) => o.requests.average / (theirs[i]?.requests.average || 1)));
    } finally {
      nginx.stop();
    }
  });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header =
    `Dateline bench — ${articles} articles, SQLite, ${connections} connections, ${duration} s × ${rounds} round(s) per page (median)\n` +
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load generator on the same machine\n`;
  const table = [
    '| page | requests/s | p50 ms | p99 ms | errors | non-2xx | server RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rssMb ?? '–'} |`),
  ].join('\n');
  const ratioLine = ratio === undefined ? 'nginx not installed: no yardstick ratio (apt-get install nginx)' : `cache hit / nginx requests/s, median of per-round ratios: ${ratio.toFixed(2)}`;
  process.stdout.write(`\n${header}\n${table}\n\n${ratioLine}\n`);
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ articles, connections, duration, rounds, cpu, rows, ratio, at: new Date().toISOString() }, null, 2));
  if (values.profile) process.stdout.write(`CPU profile of the miss phase: ${resultsDir}*.cpuprofile\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    process.stderr.write('Some requests failed: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

async function searchBench(): Promise<void> {
  if (!WRK) {
    process.stderr.write('search benchmark: wrk is not installed (apt-get install wrk)\n');
    process.exitCode = 1;
    return;
  }
  const rows: SearchBenchRow[] = [];
  for (const size of searchSizes) rows.push(await benchSearch(size, { connections: 16, seconds: duration, log: (line) => process.stdout.write(line) }));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const table = [
    `Search — SQLite, wrk 1 thread, 16 connections, ${duration} s per row; machine: ${os.cpus().length} × ${cpu}, Node ${process.version}`,
    '| articles | index build articles/s | query list | requests/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | server RSS MB |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.flatMap((r) =>
      (
        [
          ['mixed (search page), cache off', r.mix],
          ['words in nearly every article (search page), cache off', r.common],
          ['mixed (JSON API), cache off', r.api],
          ['mixed (search page), result cache on', r.mixCached],
          ['words in nearly every article (search page), result cache on', r.commonCached],
        ] as const
      ).map(([name, w]) => `| ${r.articles} | ${r.buildRate} | ${name} | ${w.rps} | ${w.p50.toFixed(1)} | ${w.p95.toFixed(1)} | ${w.p99.toFixed(1)} | ${w.errors} | ${w.non2xx} | ${r.rssMb ?? '–'} |`),
    ),
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  fs.writeFileSync(path.join(resultsDir, 'search-latest.json'), JSON.stringify({ rows, at: new Date().toISOString() }, null, 2));
  if (rows.some((r) => [r.mix, r.common, r.api, r.mixCached, r.commonCached].some((w) => w.errors > 0 || w.non2xx > 0))) {
    process.stderr.write('Some search requests failed: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

async function commentsBench(): Promise<void> {
  const options = { seconds: duration, rounds, write: (text: string) => process.stdout.write(text), profileDir: values.profile ? resultsDir : undefined };
  const result = await benchComments(options);
  process.stdout.write(`\n${formatComments(result, options)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'comments-latest.json'), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
  const lost = result.post.some((p) => Object.keys(p.statuses).some((code) => code !== '303') || p.stored < p.acknowledged || p.stored > p.acknowledged + 4 * (rounds + 1));
  if (lost || result.flood.readErrors > 0) {
    process.stderr.write('Some comment posts or reads failed, or the stored count differs from the acknowledged posts: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

async function adminListBench(): Promise<void> {
  // 10 connections as the newsroom is a few dozen people, not the public; --articles sets the size.
  const result = await benchAdminList({ articles, connections: 10, seconds: duration, write: (text) => process.stdout.write(text) });
  process.stdout.write(`\n${formatAdminList(result)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'admin-list-latest.json'), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
  if (result.rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    process.stderr.write('Some requests failed: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

async function hitsBench(): Promise<void> {
  const options = { connections, seconds: duration, rounds, log: log as 'on' | 'off' | 'both', write: (text: string) => process.stdout.write(text) };
  const result = await benchHits(options);
  process.stdout.write(`\n${formatHits(result, options)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'hits-latest.json'), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
  if (result.rows.some((r) => r.rounds.some((x) => x.errors > 0 || x.non2xx > 0))) {
    process.stderr.write('Some requests failed: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

if (only === 'all' || only === 'pages') await pagesBench();
if (only === 'all' || only === 'search') await searchBench();
if (only === 'all' || only === 'hits') await hitsBench();
if (only === 'all' || only === 'comments') await commentsBench();
if (only === 'all' || only === 'admin-list') await adminListBench();
if (only === 'all' || only === 'admin-save') {
  const result = await benchAdminSave(articles, 320, (line) => console.log(line));
  const line = `admin save POST at ${result.articles} articles: ${result.saves} saves, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, non-303 ${result.non303}`;
  console.log(line);
  fs.writeFileSync(path.join(resultsDir, `admin-save-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
}
