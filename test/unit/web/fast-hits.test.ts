// The fast path's refusals, each of which must leave the request to Fastify untouched: a closing
// server (whose 503 comes from Fastify), the cache turned off, other methods, URLs over the
// limit, personal requests, and an entry whose encoded form the request wants is not made yet.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { SESSION_COOKIES } from '../../../src/web/personal.js';
import type { AccessLine } from '../../../src/web/plugins/access-log.js';
import { createFastHits, type FastHitOptions } from '../../../src/web/plugins/fast-hits.js';
import { createPageCache, etagOf, type CacheEntry } from '../../../src/web/plugins/page-cache.js';

const body = Buffer.from('<!doctype html><title>x</title>'.repeat(100));
const entry = (forms: Partial<Pick<CacheEntry, 'gzip' | 'br'>> = {}): CacheEntry => ({
  body,
  ...forms,
  etag: etagOf(body),
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=0, s-maxage=60',
  tags: ['site', 'article:1'],
  expiresAt: Date.now() + 60_000,
});

function setup(overrides: Partial<FastHitOptions> = {}, stored: CacheEntry = entry({ gzip: Buffer.from('gz'), br: Buffer.from('br') })) {
  const cache = createPageCache();
  cache.set('/en/news/1/x', stored);
  const lines: AccessLine[] = [];
  const fast = createFastHits({ cache, enabled: true, https: true, closing: () => false, genReqId: () => 'id-1', access: (l) => void lines.push(l), ...overrides });
  const call = (method: string, url: string, headers: Record<string, string> = {}) => {
    const written: { status?: number; headers?: string[]; body?: Buffer | undefined; ended: boolean } = { ended: false };
    const res = {
      writeHead(status: number, list: string[]) {
        written.status = status;
        written.headers = list;
        return this;
      },
      end(chunk?: Buffer) {
        written.body = chunk;
        written.ended = true;
        return this;
      },
    } as unknown as ServerResponse;
    const answered = fast({ method, url, headers } as unknown as IncomingMessage, res);
    return { answered, written };
  };
  return { call, lines, cache };
}

const header = (list: string[] | undefined, name: string) => {
  const i = (list ?? []).findIndex((v, j) => j % 2 === 0 && v === name);
  return i === -1 ? undefined : list?.[i + 1];
};

describe('cache-hit fast path refusals', () => {
  it('answers a stored page, in the negotiated form, and logs it', () => {
    const { call, lines } = setup();
    const { answered, written } = call('GET', '/en/news/1/x?utm_source=a', { 'accept-encoding': 'gzip' });
    assert.equal(answered, true);
    assert.equal(written.status, 200);
    assert.equal(header(written.headers, 'content-encoding'), 'gzip');
    assert.equal(header(written.headers, 'x-request-id'), 'id-1');
    assert.equal(header(written.headers, 'strict-transport-security'), 'max-age=31536000; includeSubDomains');
    assert.equal(written.body?.toString(), 'gz');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.status, 200);
  });

  it('leaves everything to Fastify once the server is closing', () => {
    const { call, lines } = setup({ closing: () => true });
    assert.equal(call('GET', '/en/news/1/x').answered, false);
    assert.equal(lines.length, 0);
  });

  it('does nothing with the page cache off', () => {
    assert.equal(setup({ enabled: false }).call('GET', '/en/news/1/x').answered, false);
  });

  it('refuses other methods, long URLs, misses and personal requests', () => {
    const { call, lines } = setup();
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) assert.equal(call(method, '/en/news/1/x').answered, false, method);
    assert.equal(call('GET', `/en/news/1/x?${'a'.repeat(9000)}`).answered, false);
    assert.equal(call('GET', '/en/news/2/y').answered, false);
    assert.equal(call('GET', '/en/news/1/x', { authorization: 'Bearer t' }).answered, false);
    assert.equal(call('GET', '/en/news/1/x', { cookie: `${SESSION_COOKIES.staff}=s` }).answered, false);
    assert.equal(call('GET', '/en/news/1/x', { cookie: 'theme=dark' }).answered, true);
    assert.equal(lines.length, 1);
  });

  it('leaves a hit whose wanted form is not made yet to the full path, and serves identity to who asks for it', () => {
    const { call } = setup({}, entry());
    assert.equal(call('GET', '/en/news/1/x', { 'accept-encoding': 'br' }).answered, false);
    const plain = call('GET', '/en/news/1/x');
    assert.equal(plain.answered, true);
    assert.equal(header(plain.written.headers, 'content-encoding'), undefined);
  });

  it('answers 304 and HEAD without a body', () => {
    const { call } = setup();
    const etag = header(call('GET', '/en/news/1/x').written.headers, 'etag') ?? '';
    const notModified = call('GET', '/en/news/1/x', { 'if-none-match': etag });
    assert.equal(notModified.written.status, 304);
    assert.equal(notModified.written.body, undefined);
    assert.equal(header(notModified.written.headers, 'content-type'), undefined);
    const head = call('HEAD', '/en/news/1/x');
    assert.equal(head.written.status, 200);
    assert.equal(head.written.body, undefined);
    assert.equal(header(head.written.headers, 'content-length'), String(body.length));
  });
});
