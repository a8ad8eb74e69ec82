// Hostile and careless input through the Admin API on every dialect: bodies over the structural
// limits answer 422 quickly while the server keeps answering, deep nesting of any shape never
// crashes, JSON types are not coerced, bodies are bounded per route, direction overrides are
// dropped on input and names are isolated on output, and each failure has its own status and code.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTag } from '../../../src/domain/editions/index.js';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';

type Errors = { errors: Array<{ code: string; field?: string; message: string }> };

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

eachDialect('admin API: hostile input', (h) => {
  let app: FastifyInstance;
  let token: string;
  let tagId: number;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | string, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url: `/api/admin/v1${url}`,
      headers: { authorization: `Bearer ${token}`, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });
  const errorsOf = (response: { json(): unknown }) => (response.json() as Errors).errors;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor', password: 'correct horse battery' });
    token = await createApiToken(ctx, { email: 'ed@example.org', name: 'test' });
    tagId = await createTag(ctx, { edition: 'en', slug: 'harbour', name: '\u202EHarbour' });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('answers a 960 KB body with 60,000 bold marks with 422 at once, and /healthz is not kept waiting', async () => {
    const marks = Array.from({ length: 60_000 }, () => ({ type: 'bold' }));
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(10_000), marks }] }] };
    const payload = JSON.stringify({ edition: 'en', headline: 'Hostile', body });
    assert.ok(payload.length > 900_000 && payload.length < 1024 * 1024);
    const started = performance.now();
    let healthAt = 0;
    const [hostile, health] = await Promise.all([
      call('POST', '/articles', payload),
      app.inject('/healthz').then((r) => {
        healthAt = performance.now() - started;
        return r;
      }),
    ]);
    const elapsed = performance.now() - started;
    assert.equal(hostile.statusCode, 422);
    assert.deepEqual(errorsOf(hostile).map((e) => [e.code, e.field]), [['ARTICLE_INVALID', 'body.0']]);
    assert.equal(health.statusCode, 200);
    // It took 5.6 s before the limits; parsing 1 MB of JSON and refusing it is a few milliseconds.
    assert.ok(elapsed < 1500, `hostile body took ${elapsed.toFixed(0)} ms`);
    assert.ok(healthAt < 1500, `/healthz waited ${healthAt.toFixed(0)} ms`);
  });

  it('answers a body nested 20,000 arrays deep with 422 naming the body, not 500', async () => {
    const payload = `{"edition":"en","headline":"Deep","body":{"type":"doc","content":${nested(20_000)}}}`;
    const response = await call('POST', '/articles', payload);
    assert.equal(response.statusCode, 422);
    assert.deepEqual(errorsOf(response).map((e) => [e.code, e.field]), [['ARTICLE_INVALID', 'body']]);
  });

  it('never crashes on deep nesting of any other shape, on any route', async () => {
    const deep = nested(20_000);
    const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const cases: Array<['POST' | 'PATCH', string, string]> = [
      ['POST', '/articles', `{"edition":"en","headline":"Deep","body":"x","tagIds":${deep}}`],
      ['POST', '/articles', `{"edition":"en","headline":${deepObject},"body":"x"}`],
      ['POST', '/articles', `{"edition":"en","headline":"Deep","body":{"type":"doc","content":[],"x":${deepObject}}}`],
      ['POST', '/articles', `{"edition":"en","headline":"Deep","body":"x","extra":${deep}}`],
      ['POST', '/articles', deep],
      ['POST', '/articles/1/transitions', `{"to":${nested(1000)}}`],
    ];
    for (const [method, url, payload] of cases) {
      const response = await call(method, url, payload);
      assert.ok([400, 413, 422].includes(response.statusCode), `${url} ${payload.slice(0, 40)}: ${response.statusCode}`);
      assert.ok(!/at .*\.(ts|js):\d+/.test(response.body), 'no stack trace');
    }
  });

  it('accepts and renders a large but legal body', async () => {
    const content = Array.from({ length: 400 }, (_, i) => ({
      type: 'paragraph',
      content: Array.from({ length: 10 }, (_, j) => ({ type: 'text', text: 'The council voted on Tuesday. ', marks: j % 2 ? [{ type: 'bold' }, { type: 'link', href: `/en/news/${i + 1}` }] : [] })),
    }));
    const response = await call('POST', '/articles', { edition: 'en', headline: 'Long read', body: { type: 'doc', content } });
    assert.equal(response.statusCode, 201);
    assert.equal((response.json().article.bodyHtml.match(/<strong>/g) ?? []).length, 2000);
  });

  it('refuses links a browser would read as another site', async () => {
    for (const href of ['/\\evil.example', '\\\\evil.example', '/%5Cevil.example', 'java\tscript:alert(1)', 'https://good.example@evil.example/']) {
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href }] }] }] };
      const response = await call('POST', '/articles', { edition: 'en', headline: 'Link', body });
      assert.equal(response.statusCode, 422, href);
      assert.deepEqual(errorsOf(response).map((e) => [e.code, e.field]), [['ARTICLE_INVALID', 'body.0']]);
    }
  });

  it('does not coerce JSON types on any write route: 400 naming the field', async () => {
    const created = await call('POST', '/articles', { edition: 'en', headline: 'Typed', body: 'Text.' });
    const id = created.json().article.id as number;
    const cases: Array<['POST' | 'PATCH', string, object, string]> = [
      ['POST', '/articles', { edition: 'en', headline: 123, body: 'x' }, 'headline'],
      ['POST', '/articles', { edition: 'en', headline: 'h', body: 'x', tagIds: ['1'] }, 'tagIds.0'],
      ['POST', '/articles', { edition: 'en', headline: 'h', body: 'x', commentsOpen: 'true' }, 'commentsOpen'],
      ['POST', '/articles', { edition: 'en', headline: 'h', body: 'x', sectionId: '3' }, 'sectionId'],
      ['POST', '/articles', { edition: 'en', headline: 'h', body: 5 }, 'body'],
      ['POST', '/articles', { edition: 'en', headline: ['h'], body: 'x' }, 'headline'],
      ['PATCH', `/articles/${id}`, { expectedVersion: '1' }, 'expectedVersion'],
      ['PATCH', `/articles/${id}`, { byline: false }, 'byline'],
      ['PATCH', `/articles/${id}`, { entityIds: [1.5] }, 'entityIds.0'],
      ['POST', `/articles/${id}/transitions`, { to: 1 }, 'to'],
      ['POST', `/articles/${id}/transitions`, { to: 'scheduled', scheduledAt: 1_900_000_000 }, 'scheduledAt'],
      ['POST', `/articles/${id}/translations`, { edition: 'fa', headline: 7, body: 'x' }, 'headline'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await call(method, url, payload);
      assert.equal(response.statusCode, 400, `${url} ${JSON.stringify(payload)}`);
      const [error] = errorsOf(response);
      assert.equal(error?.code, 'REQUEST_INVALID');
      assert.match(String(error?.field), new RegExp(`^${field.replace('.', '\\.')}`), JSON.stringify(payload));
    }
    const unchanged = await call('GET', `/articles/${id}`);
    assert.equal(unchanged.json().article.version, 1, 'nothing was written');
  });

  it('still reads numbers from query strings and paths, and refuses a garbage page cursor with 400', async () => {
    const listed = await call('GET', '/articles?limit=1&status=draft');
    assert.equal(listed.statusCode, 200);
    assert.equal(listed.json().articles.length, 1);
    const next = listed.json().next as number;
    assert.equal((await call('GET', `/articles?limit=1&before=${next}`)).statusCode, 200);
    const garbage = await call('GET', '/articles?before=zzz');
    assert.equal(garbage.statusCode, 400);
    assert.equal(errorsOf(garbage)[0]?.field, 'before');
  });

  it('bounds bodies per route: 413 with the limit in the message', async () => {
    const big = await call('POST', '/articles/1/transitions', { to: 'published', scheduledAt: 'x'.repeat(5000) });
    assert.equal(big.statusCode, 413);
    assert.deepEqual(errorsOf(big).map((e) => [e.code, e.field]), [['PAYLOAD_TOO_LARGE', 'body']]);
    assert.match(errorsOf(big)[0]!.message, /\b4 KB\b/);
    const huge = await call('POST', '/articles', JSON.stringify({ edition: 'en', headline: 'h', body: 'x'.repeat(1024 * 1024) }));
    assert.equal(huge.statusCode, 413);
    assert.match(errorsOf(huge)[0]!.message, /\b1024 KB\b/);
  });

  it('answers an unsupported content type with 415 and malformed JSON with 400, each with its own code and message', async () => {
    const plain = await call('POST', '/articles', 'edition=en', { 'content-type': 'text/plain' });
    assert.equal(plain.statusCode, 415);
    assert.equal(errorsOf(plain)[0]?.code, 'UNSUPPORTED_MEDIA_TYPE');
    const malformed = await call('POST', '/articles', '{"edition":');
    assert.equal(malformed.statusCode, 400);
    assert.equal(errorsOf(malformed)[0]?.code, 'REQUEST_MALFORMED');
    const conflict = await call('PATCH', '/articles/1', { headline: 'Again', expectedVersion: 99 });
    assert.equal(conflict.statusCode, 409);
    const unauthenticated = await app.inject({ method: 'GET', url: '/api/admin/v1/articles/1', headers: { authorization: 'Bearer dl_nope' } });
    assert.equal(unauthenticated.statusCode, 401);
    const messages = [plain, malformed, conflict, unauthenticated].map((r) => errorsOf(r)[0]?.message);
    assert.equal(new Set(messages).size, messages.length, 'each status says something of its own');
  });

  it('drops direction overrides from every line on input, and isolates names on the page', async () => {
    const created = await call('POST', '/articles', {
      edition: 'en',
      headline: 'Mayor \u202Eresigns\u202C today',
      dek: '\u2067Dek\u2069',
      byline: '\u202Eمریم رهبر',
      creditLine: '\u202DAgency',
      dateline: '\u2066Tehran',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body \u202Etext' }] }] },
      tagIds: [tagId],
    });
    assert.equal(created.statusCode, 201);
    const article = created.json().article;
    assert.equal(article.headline, 'Mayor resigns today');
    assert.equal(article.dek, 'Dek');
    assert.equal(article.byline, 'مریم رهبر');
    assert.equal(article.creditLine, 'Agency');
    assert.equal(article.dateline, 'Tehran');
    assert.equal(article.body.content[0].content[0].text, 'Body text');
    const tag = await h().db.storage.db.selectFrom('tags').select('name').where('id', '=', tagId).executeTakeFirstOrThrow();
    assert.equal(tag.name, 'Harbour');

    await call('POST', `/articles/${article.id}/transitions`, { to: 'published' });
    const page = await app.inject(`/en/news/${article.id}/${article.slug}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /[\u202A-\u202E\u2066-\u2069]/u, 'no override anywhere on the page');
    assert.match(page.body, /<span class="byline">[^<]*<bdi>مریم رهبر<\/bdi>/u);
    assert.match(page.body, /<a href="[^"]*\/tag\/harbour" rel="tag" dir="auto">Harbour<\/a>/);
  });
});
