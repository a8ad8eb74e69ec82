// `npm run bench -- --only hits [--log on|off|both] [--rounds 3] [--duration 8] [--connections 32]`:
// the page-cache hit measured against the real limit of this machine. Starts, each as its own
// process on 127.0.0.1:
//   - Dateline in production mode (NODE_ENV=production, BASE_URL set) on a fresh data directory
//     with the demo content, its standard output (the access log) going to a file;
//   - nginx (Debian's nginx-light) with its own temporary prefix, config, pid file and logs, run
//     as an unprivileged user when we are root, serving one file;
//   - a bare `node:http` server answering every request with one buffer;
// fetches one article's bytes from Dateline (identity, as wrk asks) and gives exactly those bytes
// to nginx and the bare server, then runs wrk (1 thread, bench/wrk.ts) round after round,
// rotating the order of the servers each round, and prints requests/s and p99 for each, and the
// ratios (median of the per-round ratios). Also checks, for Dateline, that every answer was 200
// and that the access log has one line per request. `--log both` runs a second Dateline with
// LOG_LEVEL=warn (no access log) in the same rotation, to show what logging costs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { cliPath } from '../test/support/server.js';
import { runWrk, WRK, type WrkResult } from './wrk.js';
import { cpuSeconds, freePort, median, rssMb } from './measure.js';

export interface HitsOptions {
  connections: number;
  seconds: number;
  rounds: number;
  log: 'on' | 'off' | 'both';
  write: (text: string) => void;
}

interface Contestant {
  name: string;
  url: string;
  path: string;
  pid: number | undefined;
  stop(): Promise<void>;
  /** Dateline only: access-log lines written so far. */
  accessLines?: () => number;
}

export interface HitsRow {
  name: string;
  rounds: WrkResult[];
  /** Server CPU time (user + system, its worker processes included) per request, µs: robust to a busy machine. */
  cpuUs: number;
  /** wrk's own CPU time per request, µs, in this server's rounds. */
  wrkCpuUs: number;
  rps: number;
  p99: number;
  rssMb: number | undefined;
}

export interface HitsResult {
  bytes: number;
  rows: HitsRow[];
  ratios: Record<string, number>;
  accessCheck: string | undefined;
  machine: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const TICK = 100; // USER_HZ on Linux

/** CPU seconds of this process's children that have exited and been waited for (each wrk run). */
function waitedChildrenSeconds(): number {
  const text = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICK;
}

/** GET without Accept-Encoding (what wrk sends), as raw bytes. */
function getBytes(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const ok = await getBytes(url).then((r) => r.status === 200, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess, after?: () => void): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    }
    after?.();
  };
}

async function startDateline(name: string, logLevel: string): Promise<Contestant> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-hits-'));
  const port = await freePort();
  const logFile = path.join(dir, 'stdout.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [cliPath, 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '', DEMO_CONTENT: 'auto', LOG_LEVEL: logLevel },
    stdio: ['ignore', out, out],
    cwd: os.tmpdir(),
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, child, name);
  const front = (await getBytes(`${url}/en/`)).body.toString();
  const article = /href="(\/en\/news\/\d+\/[^"]+)"/.exec(front)?.[1];
  if (!article) throw new Error('no article link on the demo front page');
  return {
    name,
    url,
    path: article,
    pid: child.pid,
    accessLines: () => countLines(logFile, '"msg":"request"'),
    stop: stopper(child, () => fs.rmSync(dir, { recursive: true, force: true })),
  };
}

/** Lines of a file holding `marker`, read a megabyte at a time: a long run's log outgrows any string. */
function countLines(file: string, marker: string): number {
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let count = 0;
  let tail = '';
  try {
    for (let read: number; (read = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const lines = (tail + chunk.toString('utf8', 0, read)).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (line.includes(marker)) count++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return tail.includes(marker) ? count + 1 : count;
}

async function startNginx(body: Buffer): Promise<Contestant> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx-light)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nginx-'));
  fs.writeFileSync(path.join(dir, 'article.html'), body);
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes auto; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; ${temp} types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${dir}; location / { } } }
`,
  );
  // Unprivileged: as root, master and workers run as nobody, over a directory nobody owns.
  const root = process.getuid?.() === 0;
  if (root) fs.chownSync(dir, 65534, 65534);
  for (const f of fs.readdirSync(dir)) if (root) fs.chownSync(path.join(dir, f), 65534, 65534);
  const child = spawn(binary, ['-e', `${dir}/error.log`, '-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore', ...(root ? { uid: 65534, gid: 65534 } : {}) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/article.html`, child, 'nginx', 10_000);
  return { name: 'nginx (file)', url, path: '/article.html', pid: child.pid, stop: stopper(child, () => fs.rmSync(dir, { recursive: true, force: true })) };
}

/** A bare node:http server answering every request with the same buffer, in its own process. */
async function startBareNode(body: Buffer): Promise<Contestant> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bare-'));
  const file = path.join(dir, 'article.html');
  fs.writeFileSync(file, body);
  const port = await freePort();
  const source = `
const http = require('node:http');
const body = require('node:fs').readFileSync(${JSON.stringify(file)});
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(${port}, '127.0.0.1');
`;
  const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child, 'bare node', 10_000);
  return { name: 'bare node:http', url, path: '/', pid: child.pid, stop: stopper(child, () => fs.rmSync(dir, { recursive: true, force: true })) };
}

export async function benchHits(options: HitsOptions): Promise<HitsResult> {
  if (!WRK) throw new Error('wrk is not installed (apt-get install wrk)');
  const { write } = options;
  const started: Contestant[] = [];
  try {
    write('Starting Dateline with the demo content … ');
    const datelines: Contestant[] = [];
    if (options.log !== 'off') datelines.push(await startDateline('Dateline cache hit (access log on)', 'info'));
    if (options.log !== 'on') datelines.push(await startDateline('Dateline cache hit (LOG_LEVEL=warn)', 'warn'));
    started.push(...datelines);
    const first = datelines[0] as Contestant;
    // A miss stores the page; the second request is a hit, whose bytes are the yardsticks' file.
    await getBytes(`${first.url}${first.path}`);
    await sleep(300);
    const hit = await getBytes(`${first.url}${first.path}`);
    if (hit.status !== 200 || hit.headers['x-cache'] !== 'hit') throw new Error(`the article did not come from the cache (${hit.status}, ${String(hit.headers['x-cache'])})`);
    const bytes = hit.body;
    write(`${first.path}, ${bytes.length} bytes\n`);
    for (const d of datelines.slice(1)) {
      const other = await getBytes(`${d.url}${first.path}`);
      if (!other.body.equals(bytes)) write(`  note: ${d.name} renders ${other.body.length} bytes for the same page\n`);
      d.path = first.path;
    }
    started.push(await startNginx(bytes));
    started.push(await startBareNode(bytes));
    const wrk = (c: Contestant, seconds = options.seconds) => runWrk(c.url, [c.path], { connections: options.connections, seconds });

    write('Warming up (2 s each) …\n');
    for (const c of started) await wrk(c, 2);
    const results = new Map<Contestant, WrkResult[]>(started.map((c) => [c, []]));
    const cpu = new Map<Contestant, { server: number; wrk: number }>(started.map((c) => [c, { server: 0, wrk: 0 }]));
    const linesBefore = new Map(datelines.map((d) => [d, d.accessLines?.() ?? 0]));
    for (let r = 0; r < options.rounds; r++) {
      // Rotate the order so no server always runs right after another.
      const order = started.map((_, i) => started[(i + r) % started.length] as Contestant);
      for (const c of order) {
        const serverBefore = cpuSeconds(c.pid);
        const wrkBefore = waitedChildrenSeconds();
        const result = await wrk(c);
        const spent = cpu.get(c);
        if (spent) {
          spent.server += cpuSeconds(c.pid) - serverBefore;
          spent.wrk += waitedChildrenSeconds() - wrkBefore;
        }
        results.get(c)?.push(result);
        write(`  round ${r + 1}: ${c.name.padEnd(38)} ${String(result.rps).padStart(7)} requests/s, p99 ${result.p99.toFixed(2)} ms${result.errors || result.non2xx ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''}\n`);
      }
    }
    // The access log: one line per request of the measured rounds (written asynchronously).
    await sleep(500);
    const logged = datelines.find((d) => d.name.includes('log on'));
    let accessCheck: string | undefined;
    if (logged) {
      const requests = (results.get(logged) ?? []).reduce((n, x) => n + x.requests, 0);
      const lines = (logged.accessLines?.() ?? 0) - (linesBefore.get(logged) ?? 0);
      accessCheck = `access log: ${lines} lines for ${requests} requests counted by wrk (wrk does not count the requests still in flight when a round ends)`;
    }
    const rows: HitsRow[] = started.map((c) => {
      const rounds = results.get(c) ?? [];
      const requests = rounds.reduce((n, x) => n + x.requests, 0) || 1;
      const spent = cpu.get(c) ?? { server: 0, wrk: 0 };
      return {
        name: c.name,
        rounds,
        rps: median(rounds.map((x) => x.rps)),
        p99: median(rounds.map((x) => x.p99)),
        cpuUs: Math.round((spent.server * 1e6) / requests),
        wrkCpuUs: Math.round((spent.wrk * 1e6) / requests),
        rssMb: rssMb(c.pid),
      };
    });
    const perRound = (a: Contestant, b: Contestant) => median((results.get(a) ?? []).map((x, i) => x.rps / ((results.get(b) ?? [])[i]?.rps || 1)));
    const nginx = started.find((c) => c.name.startsWith('nginx')) as Contestant;
    const bare = started.find((c) => c.name.startsWith('bare')) as Contestant;
    const ratios: Record<string, number> = {};
    for (const d of datelines) {
      ratios[`${d.name} / nginx`] = perRound(d, nginx);
      ratios[`${d.name} / bare node`] = perRound(d, bare);
    }
    if (datelines.length === 2) ratios['access log on / off'] = perRound(datelines[0] as Contestant, datelines[1] as Contestant);
    ratios['nginx / bare node'] = perRound(nginx, bare);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
    return { bytes: bytes.length, rows, ratios, accessCheck, machine };
  } finally {
    for (const c of started.reverse()) await c.stop().catch(() => {});
  }
}

export function formatHits(result: HitsResult, options: Pick<HitsOptions, 'connections' | 'seconds' | 'rounds'>): string {
  return [
    `Cache hits — one ${result.bytes}-byte article, wrk 1 thread, ${options.connections} connections, ${options.seconds} s × ${options.rounds} rounds (median); ${result.machine}`,
    '| server | requests/s (median) | p99 ms (median) | requests/s per round | server CPU µs/request | wrk CPU µs/request | RSS MB |',
    '|---|---:|---:|---|---:|---:|---:|',
    ...result.rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p99.toFixed(2)} | ${r.rounds.map((x) => x.rps).join(', ')} | ${r.cpuUs} | ${r.wrkCpuUs} | ${r.rssMb ?? '–'} |`),
    '',
    ...Object.entries(result.ratios).map(([name, ratio]) => `${name}: ${ratio.toFixed(2)}`),
    ...(result.accessCheck ? [result.accessCheck] : []),
  ].join('\n');
}
