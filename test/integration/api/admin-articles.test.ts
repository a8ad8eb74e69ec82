// The Admin API over a real database on every dialect: auth, validation, roles, workflow.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';

eachDialect('admin API: articles', (h) => {
  let app: FastifyInstance;
  let editorToken: string;
  let reporterToken: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string | undefined, payload?: object) =>
    app.inject({ method, url: `/api/admin/v1${url}`, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor', password: 'correct horse battery' });
    await createUser(ctx, { email: 'rep@example.org', name: 'Reza Reporter', role: 'reporter', password: 'correct horse battery' });
    editorToken = await createApiToken(ctx, { email: 'ed@example.org', name: 'test' });
    reporterToken = await createApiToken(ctx, { email: 'rep@example.org', name: 'test' });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('refuses requests without a valid token with 401 and a JSON error', async () => {
    for (const token of [undefined, 'dl_wrongwrongwrongwrongwrongwrongwron', 'garbage']) {
      const response = await call('GET', '/articles/1', token);
      assert.equal(response.statusCode, 401);
      assert.deepEqual(response.json().errors.map((e: { code: string }) => e.code), ['AUTH_REQUIRED']);
    }
  });

  it('validates the body shape with 400 and names the field', async () => {
    const missing = await call('POST', '/articles', editorToken, { edition: 'en', body: 'x' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors[0].code, 'REQUEST_INVALID');
    assert.match(missing.json().errors[0].field, /headline/);
    const extra = await call('POST', '/articles', editorToken, { edition: 'en', headline: 'h', body: 'x', admin: true });
    assert.equal(extra.statusCode, 400);
    const notJson = await app.inject({ method: 'POST', url: '/api/admin/v1/articles', headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' }, payload: '{"edition":' });
    assert.equal(notJson.statusCode, 400);
    assert.ok(!/at .*\.(ts|js):\d+/.test(notJson.body), 'no stack trace');
  });

  it('answers domain rule failures with 422 and per-field messages', async () => {
    const response = await call('POST', '/articles', editorToken, { edition: 'en', headline: '   ', body: '' });
    assert.equal(response.statusCode, 422);
    const fields = response.json().errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['body', 'headline']);
    assert.equal(response.json().errors[0].message, 'This field is required.');
  });

  it('creates, edits with revisions, publishes and serves an article', async () => {
    const created = await call('POST', '/articles', editorToken, { edition: 'en', headline: 'Library opens late on Fridays', body: 'First version.' });
    assert.equal(created.statusCode, 201);
    const article = created.json().article;
    assert.equal(article.status, 'draft');
    assert.equal(article.slug, 'library-opens-late-on-fridays');

    const edited = await call('PATCH', `/articles/${article.id}`, editorToken, { body: 'Second version.', expectedVersion: 1, note: 'fix' });
    assert.equal(edited.statusCode, 200);
    const stale = await call('PATCH', `/articles/${article.id}`, editorToken, { body: 'Lost update', expectedVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().errors[0].code, 'ARTICLE_VERSION_CONFLICT');

    const revisions = await call('GET', `/articles/${article.id}/revisions`, editorToken);
    assert.deepEqual(revisions.json().revisions.map((r: { number: number }) => r.number), [2, 1]);

    const published = await call('POST', `/articles/${article.id}/transitions`, editorToken, { to: 'published' });
    assert.equal(published.json().article.status, 'published');
    const again = await call('POST', `/articles/${article.id}/transitions`, editorToken, { to: 'published' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().errors[0].code, 'ARTICLE_ILLEGAL_TRANSITION');

    const page = await app.inject(`/en/news/${article.id}/${article.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Second version\./);
  });

  it('lets a reporter write but not publish (403)', async () => {
    const created = await call('POST', '/articles', reporterToken, { edition: 'fa', headline: 'گزارش تازه از بازار', body: 'متن خبر.' });
    assert.equal(created.statusCode, 201);
    const id = created.json().article.id;
    const publish = await call('POST', `/articles/${id}/transitions`, reporterToken, { to: 'published' });
    assert.equal(publish.statusCode, 403);
    assert.equal(publish.json().errors[0].code, 'ARTICLE_FORBIDDEN');
    const review = await call('POST', `/articles/${id}/transitions`, reporterToken, { to: 'in_review' });
    assert.equal(review.json().article.status, 'in_review');
  });

  it('creates a linked translation and refuses a second one for the same edition', async () => {
    const source = (await call('POST', '/articles', editorToken, { edition: 'en', headline: 'Bridge repairs finish early', body: 'Text.' })).json().article;
    const translation = await call('POST', `/articles/${source.id}/translations`, editorToken, { edition: 'ar', headline: 'انتهاء إصلاح الجسر مبكرًا', body: 'نص.' });
    assert.equal(translation.statusCode, 201);
    assert.equal(translation.json().article.storyId, source.storyId);
    const duplicate = await call('POST', `/articles/${source.id}/translations`, editorToken, { edition: 'ar', headline: 'مرة أخرى', body: 'نص.' });
    assert.equal(duplicate.statusCode, 409);
  });

  it('rejects scheduling in the past with 422', async () => {
    const source = (await call('POST', '/articles', editorToken, { edition: 'en', headline: 'Scheduled piece', body: 'Text.' })).json().article;
    const past = await call('POST', `/articles/${source.id}/transitions`, editorToken, { to: 'scheduled', scheduledAt: '2020-01-01T00:00:00Z' });
    assert.equal(past.statusCode, 422);
    assert.equal(past.json().errors[0].code, 'ARTICLE_SCHEDULE_IN_PAST');
    const missing = await call('POST', `/articles/${source.id}/transitions`, editorToken, { to: 'scheduled' });
    assert.equal(missing.statusCode, 422);
  });
});
