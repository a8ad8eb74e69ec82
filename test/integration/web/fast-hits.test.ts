// The cache-hit fast path (web/plugins/fast-hits.ts), over real HTTP on both dialects: its answer
// equals the full path's (app.inject, which never passes through it) for every encoding, for
// If-None-Match and for HEAD; it never runs Fastify's hooks; a purge makes the next request a miss
// with fresh content; personal requests, other methods and misses go to Fastify; and the access
// log has one line per request, with method, path (never the query), status and duration.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { publishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { SESSION_COOKIES } from '../../../src/web/personal.js';
import { anArticle, aSectionAndTag, threeEditions } from '../../fixtures/factories.js';
import { createDatabase } from '../../../src/storage/database.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, eachDialect, makeHarness, postgresUrl, type Harness } from '../../support/database.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that differ between any two answers, or that only a real socket has. */
const PER_ANSWER = ['date', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding'];
const comparable = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !PER_ANSWER.includes(name))
      .map(([name, value]): [string, string] => [name, String(value)])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const settle = () => new Promise((resolve) => setTimeout(resolve, 200)); // a miss's other forms are made after it

function sendTo(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

const ENCODINGS: Array<string | undefined> = [undefined, 'gzip', 'br', 'gzip, deflate, br', 'br;q=0, gzip;q=0'];

eachDialect('cache-hit fast path', (h) => {
  let app: FastifyInstance;
  let base: string;
  let article: { id: number; url: string };
  const urls: string[] = [];
  /** Requests that reached Fastify's hooks. */
  let reachedFastify = 0;
  const lines: Array<Record<string, unknown>> = [];

  const send = (method: string, path: string, headers: Record<string, string> = {}) => sendTo(base, method, path, headers);
  const inject = (method: 'GET' | 'HEAD', url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => app.inject({ method, url, headers });
  const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; reached: number }> => {
    const before = reachedFastify;
    const result = await work();
    return { result, reached: reachedFastify - before };
  };

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const { sectionId } = await aSectionAndTag(ctx);
    const a = await anArticle(ctx, { body: `${'The ferry terminal opened on Monday. '.repeat(60)}\n\nLast paragraph.`, sectionId });
    await publishArticle(ctx, a.id);
    article = { id: a.id, url: `/en/news/${a.id}/${a.slug}` };
    const { slug } = await ctx.db.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirstOrThrow();
    urls.push(article.url, '/en/', '/fa/', `/en/section/${slug}`);
    // No job runner: a related-articles refresh finishing mid-test would purge the pages under test.
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    app = await buildTestApp(h(), { runJobs: false, logger });
    app.addHook('onRequest', async () => {
      reachedFastify++;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const url of urls) {
      assert.equal((await inject('GET', url)).headers['x-cache'], 'miss', url);
      await inject('GET', url, { 'accept-encoding': 'br' });
    }
    await settle();
  });
  after(() => app?.close());

  it('answers a hit with exactly what the full path sends, for every encoding, without reaching Fastify', async () => {
    for (const url of urls) {
      for (const accept of ENCODINGS) {
        const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
        const normal = await inject('GET', url, headers);
        const { result: fast, reached } = await counted(() => send('GET', url, headers));
        const label = `${url} with ${accept ?? 'no Accept-Encoding'}`;
        assert.equal(reached, 0, `${label}: answered before Fastify`);
        assert.equal(normal.headers['x-cache'], 'hit', label);
        assert.equal(fast.status, 200, label);
        assert.equal(fast.status, normal.statusCode, label);
        assert.deepEqual(comparable(fast.headers), comparable(normal.headers), label);
        assert.ok(fast.body.equals(normal.rawPayload), `${label}: same body`);
        assert.equal(Number(fast.headers['content-length']), fast.body.length, label);
        assert.match(String(fast.headers['x-request-id']), UUID, label);
        assert.ok(fast.headers.date, label);
        assert.match(String(fast.headers['content-security-policy']), /default-src 'none'/, label);
      }
    }
  });

  it('answers If-None-Match with 304 per encoding, as the full path does', async () => {
    for (const accept of ENCODINGS) {
      const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
      const first = await send('GET', article.url, headers);
      const etag = String(first.headers.etag);
      const other = String((await send('GET', article.url, first.headers['content-encoding'] ? {} : { 'accept-encoding': 'br' })).headers.etag);
      assert.notEqual(etag, other, 'each encoding has its own validator');
      const normal = await inject('GET', article.url, { ...headers, 'if-none-match': etag });
      const { result: fast, reached } = await counted(() => send('GET', article.url, { ...headers, 'if-none-match': `W/"nope", ${etag}` }));
      assert.equal(reached, 0);
      assert.equal(fast.status, 304, String(accept));
      assert.equal(normal.statusCode, 304, String(accept));
      assert.equal(fast.body.length, 0);
      assert.deepEqual(comparable(fast.headers), comparable(normal.headers), String(accept));
      // The validator of another encoding does not match this one.
      assert.equal((await send('GET', article.url, { ...headers, 'if-none-match': other })).status, 200);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const accept of [undefined, 'br']) {
      const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
      const get = await send('GET', article.url, headers);
      const normal = await inject('HEAD', article.url, headers);
      const { result: head, reached } = await counted(() => send('HEAD', article.url, headers));
      assert.equal(reached, 0);
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.deepEqual(comparable(head.headers), comparable(get.headers));
      assert.deepEqual(comparable(head.headers), comparable(normal.headers));
    }
  });

  it('serves the next request after a purge fresh from the database', async () => {
    assert.equal((await send('GET', article.url)).headers['x-cache'], 'hit');
    await updateArticle(h().ctx(), article.id, { headline: 'Harbour cranes return after repairs' });
    const { result: next, reached } = await counted(() => send('GET', article.url));
    assert.equal(reached, 1, 'a miss goes to Fastify');
    assert.equal(next.status, 200);
    assert.equal(next.headers['x-cache'], 'miss');
    assert.match(next.body.toString(), /Harbour cranes return after repairs/);
    await settle();
    const again = await send('GET', article.url);
    assert.equal(again.headers['x-cache'], 'hit');
    assert.match(again.body.toString(), /Harbour cranes return after repairs/);
  });

  it('leaves personal requests to Fastify, which never shares an entry with them', async () => {
    await send('GET', '/en/');
    await settle();
    const personal: Array<Record<string, string>> = [
      { cookie: `theme=dark; ${SESSION_COOKIES.staff}=abc` },
      { cookie: `${SESSION_COOKIES.commentAuthor}=42` },
      { authorization: 'Bearer dl_whatever' },
    ];
    for (const headers of personal) {
      const { result, reached } = await counted(() => send('GET', '/en/', headers));
      assert.equal(reached, 1, JSON.stringify(headers));
      assert.equal(result.status, 200);
      assert.equal(result.headers['x-cache'], 'bypass');
    }
    // A cookie the site does not care about is not personal.
    const { result, reached } = await counted(() => send('GET', '/en/', { cookie: 'theme=dark' }));
    assert.equal(reached, 0);
    assert.equal(result.headers['x-cache'], 'hit');
  });

  it('leaves other methods, misses and long URLs to Fastify: 405 with Allow, 404', async () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const { result, reached } = await counted(() => send(method, article.url));
      assert.equal(reached, 1, method);
      assert.equal(result.status, 405, method);
      assert.match(String(result.headers.allow), /GET/);
      assert.notEqual(result.headers['x-cache'], 'hit');
    }
    const missing = await send('GET', '/en/news/999999/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal((await send('GET', `/en/?x=${'a'.repeat(9000)}`)).status, 414);
  });

  it('writes one access-log line per request: method, path without the query, status, duration', async () => {
    // Asynchronous destinations aside (main.ts), this logger writes at once.
    lines.length = 0;
    const requests: Array<[string, string, number]> = [
      ['GET', `${article.url}?utm_source=newsletter&q=private+words`, 200],
      ['HEAD', '/en/', 200],
      ['GET', '/en/news/999999/nothing-here?q=secret', 404],
      ['DELETE', '/en/', 405],
      ['GET', '/en/', 200],
    ];
    for (const [method, path, status] of requests) assert.equal((await send(method, path)).status, status, `${method} ${path}`);
    const access = lines.filter((l) => l.msg === 'request');
    assert.equal(access.length, requests.length);
    for (const [i, [method, path, status]] of requests.entries()) {
      const line = access[i] ?? {};
      assert.equal(line.level, 30, 'info');
      assert.equal(line.method, method);
      assert.equal(line.path, path.split('?')[0]);
      assert.equal(line.status, status);
      assert.equal(typeof line.ms, 'number');
      assert.ok(Number(line.ms) >= 0);
      assert.match(String(line.reqId), UUID);
    }
    assert.equal(access[0]?.cache, 'hit');
    assert.doesNotMatch(JSON.stringify(lines), /private|secret|utm_source/);
    // Fastify's own two lines per request are off.
    assert.equal(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').length, 0);
  });
});

describe('cache-hit fast path across servers [postgres]', { skip: postgresUrl ? false : 'PostgreSQL not available' }, () => {
  let first: Harness;
  let second: Harness;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let base: string;

  before(async () => {
    first = makeHarness(await createTestDatabase('postgres'));
    // The second server: its own pool, notifier, event bus and cache, on the same database.
    const storage = await createDatabase({ databaseUrl: first.db.location, sqlitePath: '' });
    second = makeHarness({ ...first.db, storage, drop: () => storage.close() });
    await threeEditions(first.ctx());
    appA = await buildTestApp(first, { runJobs: false });
    appB = await buildTestApp(second, { runJobs: false });
    await appB.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(appB.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await appA?.close();
    await appB?.close();
    await first?.events.idle();
    await second?.db.drop();
    await first?.db.drop();
  });

  it('stops answering a page from the cache once another server changed it', async () => {
    const ctx = first.ctx();
    const ref = await anArticle(ctx, { headline: 'Harbour cranes return' });
    await publishArticle(ctx, ref.id);
    await first.events.idle();
    const url = `/en/news/${ref.id}/${ref.slug}`;
    // The publication reaches this server through the outbox a little later, purging as it lands.
    let cached = '';
    for (let i = 0; i < 100 && cached !== 'hit'; i++) {
      cached = String((await sendTo(base, 'GET', url)).headers['x-cache']);
      if (cached !== 'hit') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(cached, 'hit');

    await updateArticle(ctx, ref.id, { headline: 'Harbour cranes return after repairs' });
    await first.events.idle();
    let answer: Answer | undefined;
    for (let i = 0; i < 100 && !answer?.body.toString().includes('after repairs'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await sendTo(base, 'GET', url);
    }
    assert.match(answer?.body.toString() ?? '', /Harbour cranes return after repairs/);
    assert.equal(answer?.headers['x-cache'], 'miss');
  });
});
