// The page cache never stores or serves an answer that may depend on who asks: requests with a
// staff or comment-author cookie or an Authorization header bypass it both ways, and replies that
// set a cookie, say private/no-store or call reply.personal() are not stored. Public requests
// (other cookies included) still hit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { tags } from '../../../src/core/cache-tags.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { SESSION_COOKIES, registerPersonal } from '../../../src/web/personal.js';
import { createPageCache, registerPageCache, type PageCache } from '../../../src/web/plugins/page-cache.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

/** Each case with an edition front no other case has asked for yet. */
const PERSONAL_HEADERS: Record<string, { front: string; headers: Record<string, string> }> = {
  'staff session cookie': { front: '/en/', headers: { cookie: `theme=dark; ${SESSION_COOKIES.staff}=abc` } },
  'comment author cookie': { front: '/fa/', headers: { cookie: `${SESSION_COOKIES.commentAuthor}=42` } },
  'Authorization header': { front: '/ar/', headers: { authorization: 'Bearer dl_whatever' } },
};

eachDialect('page cache policy', (h) => {
  let app: FastifyInstance;
  let url: string;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const ref = await anArticle(ctx);
    await publishArticle(ctx, ref.id);
    url = `/en/news/${ref.id}/${ref.slug}`;
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('serves a normal public request from the cache, other cookies included', async () => {
    assert.equal((await app.inject(url)).headers['x-cache'], 'miss');
    assert.equal((await app.inject(url)).headers['x-cache'], 'hit');
    assert.equal((await app.inject({ url, headers: { cookie: 'theme=dark' } })).headers['x-cache'], 'hit');
  });

  for (const [label, { front, headers }] of Object.entries(PERSONAL_HEADERS)) {
    it(`neither serves a cached page to nor stores one for a request with a ${label}`, async () => {
      await app.inject(url);
      const personal = await app.inject({ url, headers });
      assert.equal(personal.statusCode, 200);
      assert.equal(personal.headers['x-cache'], 'bypass', 'not served from the cache');
      // A page first asked for with the header is not left behind for the next reader.
      const first = await app.inject({ url: front, headers });
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-cache'], 'bypass');
      assert.equal((await app.inject(front)).headers['x-cache'], 'miss', 'not stored');
    });
  }
});

describe('page cache policy for personal replies', () => {
  let app: FastifyInstance;
  let cache: PageCache;

  before(async () => {
    cache = createPageCache();
    app = Fastify();
    registerPersonal(app);
    registerPageCache(app, cache, { enabled: true });
    const shown = [tags.article(1)];
    app.get('/public', async (_request, reply) => reply.header('cache-control', 'public, s-maxage=60').cacheWith(shown).send('public'));
    app.get('/set-cookie', async (_request, reply) => reply.header('set-cookie', 'seen=1; Path=/').cacheWith(shown).send('cookie'));
    app.get('/private', async (_request, reply) => reply.header('cache-control', 'private, max-age=0').cacheWith(shown).send('private'));
    app.get('/no-store', async (_request, reply) => reply.header('cache-control', 'no-store').cacheWith(shown).send('no-store'));
    // personal() before a handler's usual public Cache-Control still wins.
    app.get('/personal', async (_request, reply) => reply.personal().header('cache-control', 'public, s-maxage=60').cacheWith(shown).send('personal'));
  });
  after(() => app?.close());

  it('stores a public reply', async () => {
    await app.inject('/public');
    assert.equal((await app.inject('/public')).headers['x-cache'], 'hit');
  });

  for (const path of ['/set-cookie', '/private', '/no-store', '/personal']) {
    it(`never stores or serves ${path}`, async () => {
      const first = await app.inject(path);
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-cache'], 'bypass');
      assert.equal(cache.peek(path), undefined, 'not stored');
      assert.equal((await app.inject(path)).headers['x-cache'], 'bypass', 'not served');
    });
  }

  it('makes a personal reply private to every cache on the way', async () => {
    assert.equal((await app.inject('/personal')).headers['cache-control'], 'private, no-store');
  });
});

describe('page cache: a page true only until a known moment (a breaking-news bar that expires)', () => {
  let app: FastifyInstance;
  let now = Date.parse('2026-12-04T12:00:00.000Z');
  const until = new Map<string, number>();

  before(async () => {
    const cache = createPageCache({ now: () => now });
    app = Fastify();
    registerPersonal(app);
    registerPageCache(app, cache, { enabled: true, until: (shown) => until.get(shown.join(' ')) });
    app.get('/bar', async (_request, reply) => reply.header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300').cacheWith([tags.edition('en')]).send(`rendered at ${now}`));
    app.get('/plain', async (_request, reply) => reply.header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300').cacheWith([tags.edition('fa')]).send(`rendered at ${now}`));
  });
  after(() => app?.close());

  it('keeps the page no longer than that moment, and tells shared caches the same', async () => {
    until.set('edition:en', now + 20_000);
    const first = await app.inject('/bar');
    assert.equal(first.headers['cache-control'], 'public, max-age=0, s-maxage=20');
    now += 19_000;
    assert.equal((await app.inject('/bar')).headers['x-cache'], 'hit');
    now += 1_000;
    const after = await app.inject('/bar');
    assert.equal(after.headers['x-cache'], 'miss', 'expired with the bar, not a minute after it was stored');
  });

  it('leaves other pages to the usual lifetime and header', async () => {
    const first = await app.inject('/plain');
    assert.equal(first.headers['cache-control'], 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    now += 59_000;
    assert.equal((await app.inject('/plain')).headers['x-cache'], 'hit');
  });
});
