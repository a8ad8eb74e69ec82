// `npm run bench -- --only admin-save --articles 100000`: the editor's save POST (form → domain
// update with expectedVersion → revision → 303) against a corpus of N published articles in the
// real server, one request at a time so each figure is one save's latency, not queueing. Each
// save hits a different article at its loaded version, so none is a conflict.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemActor, systemClock, silentLogger } from '../src/core/context.js';
import { createEventBus } from '../src/core/events.js';
import { documentToText } from '../src/domain/articles/index.js';
import { createUser } from '../src/domain/users/index.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { startServer } from '../test/support/server.js';
import { generateCorpus } from './corpus.js';

export interface SaveBenchResult {
  articles: number;
  saves: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non303: number;
}

const PASSWORD = 'bench password for the editor';
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

class Session {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  async get(url: string) {
    return this.keep(await fetch(`${this.base}${url}`, { headers: { cookie: this.header() }, redirect: 'manual' }));
  }
  async post(url: string, fields: Record<string, string>) {
    return this.keep(
      await fetch(`${this.base}${url}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: this.header(), origin: this.base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function benchAdminSave(count: number, saves: number, log: (line: string) => void): Promise<SaveBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-save-'));
  log(`Generating ${count} articles into ${dataDir} …`);
  const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: path.join(dataDir, 'dateline.sqlite') });
  await migrateToLatest(storage.db, 'sqlite');
  const corpus = await generateCorpus(storage.db, count);
  const ctx = { db: storage.db, adapter: storage.adapter, clock: systemClock, actor: systemActor('bench'), log: silentLogger, events: createEventBus(() => {}) };
  await createUser(ctx, { email: 'editor@bench.example.org', name: 'Bench Editor', role: 'editor', password: PASSWORD });
  // Spread the saved articles over the whole corpus (old and new ids alike).
  const step = Math.max(1, Math.floor(corpus.articles.length / saves));
  const targets = corpus.articles.filter((_, i) => i % step === 0).slice(0, saves);
  const bodies = new Map<number, string>();
  for (const t of targets) {
    const row = await storage.db.selectFrom('articles').select('body_doc').where('id', '=', t.id).executeTakeFirstOrThrow();
    bodies.set(t.id, documentToText(JSON.parse(row.body_doc)));
  }
  await storage.close();

  const server = await startServer({ NODE_ENV: 'production', BASE_URL: 'https://bench.example.org', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', PAGE_CACHE: 'false' }, 300_000);
  try {
    const session = new Session(server.url);
    const login = await session.get('/admin/login');
    await session.post('/admin/login', { email: 'editor@bench.example.org', password: PASSWORD, _csrf: csrfOf(await login.text()) });
    const times: number[] = [];
    let non303 = 0;
    // A few saves to warm the JIT and the statement caches, not counted.
    for (const [i, t] of targets.entries()) {
      const page = await (await session.get(`/admin/articles/${t.id}/edit`)).text();
      const version = /name="expected_version" value="(\d+)"/.exec(page)?.[1] ?? '1';
      const fields = { _csrf: csrfOf(page), expected_version: version, slug: '', slug_was: '', headline: `Saved headline ${i} for article ${t.id}`, dek: 'A new standfirst.', body: `${bodies.get(t.id) ?? ''}\n\nOne more paragraph, saved at step ${i}.`, comments: 'open', note: 'bench' };
      const started = performance.now();
      const response = await session.post(`/admin/articles/${t.id}`, fields);
      const ms = performance.now() - started;
      await response.arrayBuffer();
      if (response.status !== 303) non303++;
      if (i >= 20) times.push(ms);
    }
    return { articles: count, saves: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), max: Math.max(...times), non303 };
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
