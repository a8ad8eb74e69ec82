// `npm run bench -- --only admin-list [--articles 100000]`: the newsroom's article list at scale.
// Generates the corpus (bench/corpus.ts), spreads it over the six statuses and five authors (the
// corpus is all published and authorless), signs an admin in through the domain (the cookie is
// the session token, as the sign-in screen sets it), starts the real server in production mode
// and loads GET /admin/articles with autocannon: the first page, an edition+status page, two
// headline text filters (a word in many headlines, a string in few) and a keyset page deep in the
// list. Each row is bounded (10 connections, a fixed duration); p50/p95/p99 come from
// autocannon's histogram. Target: p95 ≤ 50 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { systemActor, systemClock, silentLogger } from '../src/core/context.js';
import { createEventBus } from '../src/core/events.js';
import { createUser, signIn } from '../src/domain/users/index.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { startServer } from '../test/support/server.js';
import { generateCorpus } from './corpus.js';
import { rssMb } from './measure.js';

export interface AdminListRow {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  rows: number;
}

export interface AdminListResult {
  articles: number;
  connections: number;
  seconds: number;
  generateSeconds: number;
  rows: AdminListRow[];
  rssMb: number | undefined;
}

const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'removed'] as const;
const cursor = (updatedAt: string, id: number) => Buffer.from(`${updatedAt}|${id}`).toString('base64url');

export async function benchAdminList(options: { articles: number; connections: number; seconds: number; write(text: string): void }): Promise<AdminListResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-admin-'));
  options.write(`Generating ${options.articles} articles into ${dataDir} … `);
  const began = Date.now();
  const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: path.join(dataDir, 'dateline.sqlite') });
  await migrateToLatest(storage.db, 'sqlite');
  await generateCorpus(storage.db, options.articles);
  const ctx = { db: storage.db, adapter: storage.adapter, clock: systemClock, actor: systemActor('bench'), log: silentLogger, events: createEventBus(() => {}) };
  const password = 'bench password that is long enough';
  const admin = await createUser(ctx, { email: 'bench-admin@example.org', name: 'Bench Admin', role: 'admin', password });
  const authors: number[] = [admin.id];
  for (let i = 1; i < 5; i++) authors.push((await createUser(ctx, { email: `bench-writer-${i}@example.org`, name: `Writer ${i}`, role: 'reporter', password })).id);
  // Spread statuses and authors deterministically; half the articles stay published, as on a live site.
  await sql`update articles set author_id = case id % 5 ${sql.join(authors.map((a, i) => sql`when ${i} then ${a}`), sql` `)} end`.execute(storage.db);
  for (const [i, status] of STATUSES.entries()) {
    if (status === 'published') continue;
    await sql`update articles set status = ${status} where id % 13 = ${i}`.execute(storage.db);
  }
  await storage.adapter.analyze(storage.db, ['articles']);
  const deep = await storage.db.selectFrom('articles').select(['id', 'updated_at']).orderBy('updated_at', 'desc').orderBy('id', 'desc').offset(Math.floor(options.articles * 0.9)).limit(1).executeTakeFirstOrThrow();
  const rare = await storage.db.selectFrom('articles').select('headline').where('id', '=', Math.floor(options.articles / 3)).executeTakeFirstOrThrow();
  const session = await signIn(ctx, { email: 'bench-admin@example.org', password, address: '127.0.0.1', userAgent: 'autocannon' }, { idleMs: 24 * 3600_000, maxMs: 24 * 3600_000 });
  await storage.close();
  const generateSeconds = (Date.now() - began) / 1000;
  options.write(`${generateSeconds.toFixed(1)} s\n`);

  const rareText = rare.headline.split(' ').slice(0, 2).join(' ');
  const targets: Array<[string, string]> = [
    ['first page (all editions, any status)', '/admin/articles'],
    ['edition + status (fa, in_review)', '/admin/articles?edition=fa&status=in_review'],
    ['text, a word in many headlines (en "market")', '/admin/articles?text=market'],
    [`text, in one headline ("${rareText}")`, `/admin/articles?text=${encodeURIComponent(rareText)}`],
    ['author filter (a reporter)', `/admin/articles?author=${authors[2]}`],
    ['deep keyset page (90 % down)', `/admin/articles?before=${cursor(deep.updated_at, deep.id)}`],
  ];
  const server = await startServer({ NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', DATA_DIR: dataDir }, 60_000);
  const headers = { cookie: `dateline_session=${session.token}`, accept: 'text/html' };
  const rows: AdminListRow[] = [];
  try {
    for (const [name, target] of targets) {
      const probe = await fetch(`${server.url}${target}`, { headers });
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`${target} answered ${probe.status}`);
      const shown = (body.match(/\/edit"/g) ?? []).length;
      await autocannon({ url: `${server.url}${target}`, connections: 2, amount: 200, headers });
      const r = await autocannon({ url: `${server.url}${target}`, connections: options.connections, duration: options.seconds, headers });
      rows.push({ name, path: target, rps: Math.round(r.requests.average), p50: r.latency.p50, p95: p95Of(r), p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, rows: shown });
      options.write(`  ${name}: ${rows[rows.length - 1]!.rps} req/s, p95 ${rows[rows.length - 1]!.p95} ms\n`);
    }
    return { articles: options.articles, connections: options.connections, seconds: options.seconds, generateSeconds, rows, rssMb: rssMb(server.child.pid) };
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * autocannon reports p90, p97.5 and p99 but not p95; its histogram is kept on the result only as
 * those fixed points, so p95 is interpolated between p90 and p97.5 (a bound, stated in the table).
 */
function p95Of(r: autocannon.Result): number {
  const l = r.latency as unknown as Record<string, number>;
  const lo = l.p90 ?? 0;
  const hi = l.p97_5 ?? lo;
  return Math.round((lo + ((hi - lo) * 5) / 7.5) * 10) / 10;
}

export function formatAdminList(result: AdminListResult): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Newsroom article list — ${result.articles} articles (SQLite), autocannon ${result.connections} connections, ${result.seconds} s per row; machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load generator on the same machine; server RSS after the run ${result.rssMb ?? '–'} MB`,
    '| page | rows shown | requests/s | p50 ms | p95 ms (p90–p97.5 interpolated) | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map((r) => `| ${r.name} | ${r.rows} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
  ].join('\n');
}
