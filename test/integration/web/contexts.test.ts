// The three web contexts over a real database on every dialect: the site's localized status pages
// and 405, the API's JSON-only errors (unknown paths, 405, bad bodies), the newsroom's auth hook
// and no-store, and the shared headers on all of them.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { SESSION_COOKIES } from '../../../src/web/personal.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const assertShared = (response: { headers: Record<string, unknown> }, label: string) => {
  assert.match(String(response.headers['content-security-policy']), /default-src 'none'/, `${label}: CSP`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `${label}: nosniff`);
  assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/, `${label}: request id`);
};
const codesOf = (body: string) => (JSON.parse(body) as { errors: Array<{ code: string }> }).errors.map((e) => e.code);

eachDialect('web contexts', (h) => {
  let app: FastifyInstance;
  let token: string;
  let article: { id: number; slug: string };

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor', password: 'correct horse battery' });
    token = await createApiToken(ctx, { email: 'ed@example.org', name: 'test' });
    article = await anArticle(ctx);
    await publishArticle(ctx, article.id);
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('answers a site path asked with another method with 405, Allow and a localized page', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
      const response = await app.inject({ method, url: '/fa/' });
      assert.equal(response.statusCode, 405, method);
      assert.equal(response.headers.allow, 'GET, HEAD');
      assert.match(response.body, /<html lang="fa" dir="rtl">/);
      assert.equal(response.headers['cache-control'], 'no-store');
      assertShared(response, `${method} /fa/`);
    }
    const post = await app.inject({ method: 'POST', url: `/en/news/${article.id}/${article.slug}`, headers: { 'content-type': 'application/json' }, payload: '{not json' });
    assert.equal(post.statusCode, 405, 'refused before the body is read');
    assert.equal((await app.inject({ method: 'HEAD', url: '/en/' })).statusCode, 200);
  });

  it('gives each site status its own localized heading, in the edition of the URL or the default one', async () => {
    const heading = (body: string) => /<h1>([^<]+)<\/h1>/.exec(body)?.[1];
    const notFound = await app.inject('/fa/no-such-page/at-all');
    assert.equal(notFound.statusCode, 404);
    assert.match(notFound.body, /<html lang="fa" dir="rtl">/);
    const methodNotAllowed = await app.inject({ method: 'DELETE', url: '/fa/' });
    const tooLong = await app.inject(`/fa/news/${'9'.repeat(9000)}`);
    assert.equal(tooLong.statusCode, 414);
    assert.match(tooLong.body, /<html lang="fa" dir="rtl">/);
    const titles = new Set([notFound, methodNotAllowed, tooLong].map((r) => heading(r.body)));
    assert.equal(titles.size, 3, 'three statuses, three headings');
    const fallback = await app.inject('/zz-unknown/');
    assert.equal(fallback.statusCode, 404);
    assert.match(fallback.body, /<html lang="en" dir="ltr">/);
    for (const r of [notFound, methodNotAllowed, tooLong, fallback]) {
      assertShared(r, String(r.statusCode));
      assert.doesNotMatch(r.body, /9{50}|at .*\.(ts|js):\d+/, 'no echoed input or stack');
    }
  });

  it('keeps every /api answer JSON: unknown paths, paths the site would claim, 405, 401', async () => {
    for (const url of ['/api', '/api/', '/api/nothing', '/api/section/x', '/api/admin/v2/articles', '/api/en/feed.rss']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^application\/json/, url);
      assert.deepEqual(codesOf(response.body), ['NOT_FOUND'], url);
      assert.equal(response.headers['cache-control'], 'no-store', url);
      assertShared(response, url);
    }
    const wrongMethod = await app.inject({ method: 'DELETE', url: '/api/admin/v1/articles/1', headers: { authorization: `Bearer ${token}` } });
    assert.equal(wrongMethod.statusCode, 405);
    assert.equal(wrongMethod.headers.allow, 'GET, HEAD, PATCH');
    assert.deepEqual(codesOf(wrongMethod.body), ['METHOD_NOT_ALLOWED']);
    const anonymous = await app.inject('/api/admin/v1/articles/1');
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(codesOf(anonymous.body), ['AUTH_REQUIRED']);
    assert.match(JSON.parse(anonymous.body).errors[0].message, /authentication/i, 'the message matches the status');
  });

  it('answers malformed and unsupported API bodies with JSON codes', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const badJson = await app.inject({ method: 'POST', url: '/api/admin/v1/articles', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"edition":' });
    assert.equal(badJson.statusCode, 400);
    assert.deepEqual(codesOf(badJson.body), ['REQUEST_MALFORMED']);
    const text = await app.inject({ method: 'POST', url: '/api/admin/v1/articles', headers: { ...headers, 'content-type': 'text/csv' }, payload: 'a,b' });
    assert.equal(text.statusCode, 415);
    assert.deepEqual(codesOf(text.body), ['UNSUPPORTED_MEDIA_TYPE']);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/admin/v1/articles',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ edition: 'en', headline: 'x', body: 'y'.repeat(1024 * 1024 + 10) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.deepEqual(codesOf(huge.body), ['PAYLOAD_TOO_LARGE']);
    for (const r of [badJson, text, huge]) {
      assertShared(r, String(r.statusCode));
      assert.doesNotMatch(r.body, /FST_ERR|edition|yyyy/, 'no framework codes or echoed input');
    }
  });

  it('sends newsroom pages to sign-in, 401s other requests, and never lets anything be cached', async () => {
    const page = await app.inject({ url: '/admin', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/admin/login');
    const withCookie = await app.inject({ url: '/admin/', headers: { accept: 'text/html', cookie: `${SESSION_COOKIES.staff}=forged` } });
    assert.equal(withCookie.statusCode, 303, 'a session cookie alone authenticates nobody');
    const script = await app.inject({ method: 'POST', url: '/admin/anything' });
    assert.equal(script.statusCode, 401);
    assert.match(String(script.headers['content-type']), /^text\/html/);
    assert.match(String(script.headers['www-authenticate']), /^Bearer/);
    const login = await app.inject('/admin/login');
    assert.equal(login.statusCode, 200);
    assert.match(login.body, /<html lang="en" dir="ltr">/);
    const shell = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${token}` } });
    assert.equal(shell.statusCode, 200);
    assert.match(String(shell.headers['content-type']), /^text\/html/);
    const missing = await app.inject({ url: '/admin/no-such-screen', headers: { authorization: `Bearer ${token}` } });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /^text\/html/);
    assert.match(missing.body, /href="\/admin"/, 'the newsroom frame, not the site');
    // Auth comes first: only a signed-in actor learns which methods a newsroom path takes.
    assert.equal((await app.inject({ method: 'DELETE', url: '/admin' })).statusCode, 401);
    const wrongMethod = await app.inject({ method: 'DELETE', url: '/admin', headers: { authorization: `Bearer ${token}` } });
    assert.equal(wrongMethod.statusCode, 405);
    assert.equal(wrongMethod.headers.allow, 'GET, HEAD');
    for (const r of [page, withCookie, script, login, shell, missing, wrongMethod]) {
      assert.equal(r.headers['cache-control'], 'no-store', `${r.statusCode}`);
      assert.equal(r.headers['x-cache'], undefined);
      assertShared(r, `admin ${r.statusCode}`);
    }
  });
});
