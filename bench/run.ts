// `npm run bench -- --articles 10000`: generates a deterministic corpus into a fresh database,
// starts the real server in production mode, runs bounded autocannon loads against 127.0.0.1 and
// prints requests/s, latency percentiles and the server's memory. Results also go to bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { startServer } from '../test/support/server.js';
import { generateCorpus, random, type Corpus } from './corpus.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '1' },
  },
});
const articles = Number(values.articles);
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
if (!Number.isInteger(articles) || articles < 100 || articles > 100_000) throw new Error('--articles must be an integer from 100 to 100000');
if (!(duration >= 1 && duration <= 60)) throw new Error('--duration must be 1 to 60 seconds');
if (!(connections >= 1 && connections <= 256)) throw new Error('--connections must be 1 to 256');
if (!(rounds >= 1 && rounds <= 9)) throw new Error('--rounds must be 1 to 9');

interface Scenario {
  name: string;
  paths: string[];
}

function scenarios(corpus: Corpus): Scenario[] {
  const rand = random(7);
  const sample = <T>(list: T[], n: number) => Array.from({ length: n }, () => list[Math.floor(rand() * list.length)] as T);
  const articlePath = (a: Corpus['articles'][number]) => `/${a.edition}/news/${a.id}/${encodeURIComponent(a.slug)}`;
  return [
    { name: 'home /en/', paths: ['/en/'] },
    { name: 'home /fa/ (rtl)', paths: ['/fa/'] },
    { name: 'article (2,000 distinct)', paths: sample(corpus.articles, 2000).map(articlePath) },
    { name: 'section page', paths: sample(corpus.sections, 50).map((s) => `/${s.edition}/section/${s.slug}`) },
    { name: 'tag page', paths: sample(corpus.tags, 100).map((t) => `/${t.edition}/tag/${t.slug}`) },
  ];
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function load(url: string, paths: string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length] ?? '/';
          return request;
        },
      },
    ],
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
  process.stdout.write(`Generating ${articles} articles into ${dataDir} … `);
  const began = Date.now();
  const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: path.join(dataDir, 'dateline.sqlite') });
  await migrateToLatest(storage.db, 'sqlite');
  const corpus = await generateCorpus(storage.db, articles);
  await storage.close();
  process.stdout.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);

  const server = await startServer({ DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_CONTENT: 'off' }, 60_000);
  const pid = server.child.pid ?? 0;
  const rows: Array<{ name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; rssMb: number }> = [];
  try {
    for (const scenario of scenarios(corpus)) {
      // Warm-up, so the first figures are not the JIT's.
      await autocannon({ url: `${server.url}${scenario.paths[0]}`, connections: 4, duration: 1 });
      const results: autocannon.Result[] = [];
      for (let r = 0; r < rounds; r++) results.push(await load(server.url, scenario.paths));
      rows.push({
        name: scenario.name,
        rps: Math.round(median(results.map((x) => x.requests.average))),
        p50: median(results.map((x) => x.latency.p50)),
        p99: median(results.map((x) => x.latency.p99)),
        errors: results.reduce((n, x) => n + x.errors + x.timeouts, 0),
        non2xx: results.reduce((n, x) => n + x.non2xx, 0),
        rssMb: rssMb(pid),
      });
    }
  } finally {
    server.child.kill('SIGTERM');
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = `Dateline bench — ${articles} articles, SQLite, ${connections} connections, ${duration} s × ${rounds} round(s) per page\n` +
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n`;
  const table = [
    '| page | requests/s | p50 ms | p99 ms | errors | non-2xx | server RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.rssMb} |`),
  ].join('\n');
  process.stdout.write(`\n${header}\n${table}\n`);
  fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  fs.writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify({ articles, connections, duration, rounds, cpu, rows, at: new Date().toISOString() }, null, 2));
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    process.stderr.write('Some requests failed: the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

await main();
