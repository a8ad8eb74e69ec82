// Honest statuses on every dialect: unknown paths are 404 (a letter-case slip in the edition is a
// 301), the newsroom sends browsers to sign in and tells other clients 401, page methods other than
// GET/HEAD are 405 with Allow (415 for unsupported bodies: api/hostile-input.test.ts), a garbage cursor is 400 on every
// listing, and each failing status has its own page (malformed bodies too).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { listEditions } from '../../../src/domain/editions/index.js';
import { catalogs } from '../../../src/i18n/index.js';
import { classify } from '../../../src/web/problem.js';
import { createEditionRegistry } from '../../../src/web/site/editions.js';
import { siteErrorRenderer } from '../../../src/web/site/errors.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { aSectionAndTag, anArticle, threeEditions } from '../../fixtures/factories.js';
import { createEntity } from '../../../src/domain/editions/index.js';

eachDialect('honest statuses', (h) => {
  let app: FastifyInstance;
  let section = '';
  let tag = '';

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await aSectionAndTag(ctx);
    const db = h().db.storage.db;
    section = (await db.selectFrom('sections').select('slug').executeTakeFirstOrThrow()).slug;
    tag = (await db.selectFrom('tags').select('slug').executeTakeFirstOrThrow()).slug;
    await createEntity(ctx, { key: 'city-council', kind: 'organisation', names: { en: { name: 'City Council' } } });
    await anArticle(ctx, { headline: 'Something' });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('answers unknown paths with the localized 404 page, not 400', async () => {
    for (const url of ['/about', '/ABOUT', '/wp-login.php', '/.env', '/index.php?x=1', '/en/news/abc', '/en/news/0/x', '/en/nothing/here', '/xx/', '/en/entity/Not_A_Key']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      assert.match(response.body, /<html lang="en" dir="ltr">/, url);
    }
    const persian = await app.inject('/fa/news/abc');
    assert.equal(persian.statusCode, 404);
    assert.match(persian.body, /<html lang="fa" dir="rtl">/);
  });

  it('sends an edition typed in capitals to its address with 301', async () => {
    const cases: Array<[string, string]> = [
      ['/EN/', '/en/'],
      ['/EN', '/en'],
      ['/Fa/section/x?before=y', '/fa/section/x?before=y'],
    ];
    for (const [url, location] of cases) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, location, url);
    }
  });

  it('sends browsers asking for /admin to sign in, and tells other clients 401', async () => {
    const browser = await app.inject({ url: '/admin', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(browser.statusCode, 303);
    assert.equal(browser.headers.location, '/admin/login');
    const script = await app.inject('/admin');
    assert.equal(script.statusCode, 401);
    assert.match(String(script.headers['www-authenticate']), /^Bearer /);
  });

  it('answers OPTIONS, TRACE, PUT and DELETE on pages with 405 and Allow', async () => {
    for (const url of ['/en/', `/en/section/${section}`, '/en/news/1/something']) {
      for (const method of ['OPTIONS', 'TRACE', 'PUT', 'DELETE'] as const) {
        const response = await app.inject({ method, url });
        assert.equal(response.statusCode, 405, `${method} ${url}`);
        assert.match(String(response.headers.allow), /\bGET\b/, `${method} ${url}`);
        assert.match(String(response.headers.allow), /\bHEAD\b/, `${method} ${url}`);
      }
    }
  });

  it('answers a garbage cursor with 400 on every listing, whether its characters or its content is wrong', async () => {
    for (const path of [`/en/section/${section}`, `/en/tag/${tag}`, '/en/entity/city-council']) {
      for (const cursor of ['zzz', 'zz!z', 'bm90LWEtY3Vyc29y', 'x'.repeat(300)]) {
        for (const param of ['before', 'after']) {
          const response = await app.inject(`${path}?${param}=${cursor}`);
          assert.equal(response.statusCode, 400, `${path}?${param}=${cursor.slice(0, 10)}`);
          assert.match(response.body, /<html lang="en" dir="ltr">/);
        }
      }
    }
  });
});

eachDialect('status pages for malformed bodies and refusals', (h) => {
  let app: FastifyInstance;
  before(async () => {
    await threeEditions(h().ctx());
    const editions = await createEditionRegistry(() => listEditions(h().db.storage.db));
    const render = siteErrorRenderer({ editions, cssHref: '/assets/site.css' });
    app = Fastify();
    app.setErrorHandler((error, request, reply) => render(classify(error), request, reply));
    app.post('/:lang/form', async () => 'never');
  });
  after(() => app?.close());

  it('a body that is not valid JSON has its own page, not the bad-address one', async () => {
    for (const lang of ['en', 'fa', 'ar']) {
      const response = await app.inject({ method: 'POST', url: `/${lang}/form`, headers: { 'content-type': 'application/json' }, payload: '{"a":' });
      assert.equal(response.statusCode, 400);
      const heading = /<h1>([^<]+)<\/h1>/.exec(response.body)?.[1];
      assert.equal(heading, catalogs[lang]!['error.malformed.title']);
      assert.notEqual(heading, catalogs[lang]!['error.bad_request.title']);
    }
  });
});
